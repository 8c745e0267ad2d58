"""/docs (Swagger UI) and /redoc served from this machine, so they work offline.

FastAPI's own pages load their scripts from a CDN and stay blank without the internet. Here the
scripts come from npm at set-up (scripts/setup.sh: swagger-ui-dist, and Redoc's standalone bundle)
into the vendor folder and are served under /docs-assets/. Without them the pages say so and
how to fix it, never a blank page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from onetake.vendor import npm_dir

ASSETS = "/docs-assets"
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png")
REDOC_FILES = ("redoc.standalone.js",)


def swagger_ui_dir() -> Path:
    return npm_dir() / "node_modules" / "swagger-ui-dist"


def redoc_dir() -> Path:
    """Only the bundle, unpacked from the package's tarball: `npm install redoc` would add React and
    ~110 other packages (85 MB) that the standalone bundle already contains."""
    return npm_dir() / "redoc" / "bundles"


def install(app: FastAPI) -> None:
    """Add /docs, its OAuth2 redirect and /redoc to an app made with docs_url=None, redoc_url=None."""
    swagger, redoc = swagger_ui_dir(), redoc_dir()
    swagger_ok = all((swagger / name).is_file() for name in SWAGGER_FILES)
    redoc_ok = all((redoc / name).is_file() for name in REDOC_FILES)
    if swagger_ok:
        app.mount(f"{ASSETS}/swagger-ui", StaticFiles(directory=swagger), name="swagger-ui-assets")
    if redoc_ok:
        app.mount(f"{ASSETS}/redoc", StaticFiles(directory=redoc), name="redoc-assets")
    oauth2_redirect = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = _root(request)
        if not swagger_ok:
            return _missing("Swagger UI", "swagger-ui-dist", swagger, SWAGGER_FILES, root + app.openapi_url)
        assets = f"{root}{ASSETS}/swagger-ui"
        return get_swagger_ui_html(
            openapi_url=root + app.openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css",
            swagger_favicon_url=f"{assets}/favicon-32x32.png",
            oauth2_redirect_url=root + oauth2_redirect,
            swagger_ui_parameters={"validatorUrl": None},  # the default badge asks validator.swagger.io
        )

    @app.get(oauth2_redirect, include_in_schema=False)
    def swagger_ui_oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    def redoc_page(request: Request) -> HTMLResponse:
        root = _root(request)
        if not redoc_ok:
            return _missing("Redoc", "redoc", redoc, REDOC_FILES, root + app.openapi_url)
        return get_redoc_html(
            openapi_url=root + app.openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{ASSETS}/redoc/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS}/swagger-ui/favicon-32x32.png" if swagger_ok else "data:,",
            with_google_fonts=False,  # system fonts: the page must not reach out
        )


def _root(request: Request) -> str:
    return request.scope.get("root_path", "").rstrip("/")


def _missing(page: str, package: str, where: Path, files: tuple[str, ...], openapi_url: str) -> HTMLResponse:
    """A plain page saying what is missing and how to install it (503: the server is fine, this page is not)."""
    body = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>API docs unavailable</title></head>
<body style="font-family: sans-serif; max-width: 46em; margin: 3em auto; line-height: 1.5">
<h1>{escape(page)} is not installed</h1>
<p>This page is served from this machine, never from the internet, and its files from npm's
<code>{escape(package)}</code> package are missing: {", ".join(f"<code>{escape(name)}</code>" for name in files)}
under <code>{escape(str(where))}</code>.</p>
<p>Run <code>scripts/setup.sh</code> (it installs them from the npm registry), then restart the server.</p>
<p>The API itself works: its OpenAPI schema is at <a href="{escape(openapi_url)}">{escape(openapi_url)}</a>.</p>
</body></html>"""
    return HTMLResponse(body, status_code=503)
