"""The studio: a web page at / to make, review and revise videos, speaking only the public API.

Why Preact + htm (one 13 kB ES module from npm's `htm` package, installed by scripts/setup.sh into
vendor/npm/htm): the page talks to the JSON API with the tab's own key, so the server cannot render
its HTML fragments without private endpoints (which rules htmx out); plain JS would hand-write the
DOM diffing that Preact does. No build step, nothing from a CDN: the shell below, the page's own
modules in static/, and the vendored module, all served from this machine.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from onetake.vendor import npm_dir

ASSETS = "/studio-assets"
STATIC = Path(__file__).with_name("static")
HTM_MODULE = "preact/standalone.module.js"


def htm_dir() -> Path:
    return npm_dir() / "htm"


def install(app: FastAPI, public_base_url: str) -> None:
    """GET / (the page) and its assets under /studio-assets/."""
    vendored = (htm_dir() / HTM_MODULE).is_file()
    app.mount(f"{ASSETS}/app", StaticFiles(directory=STATIC), name="studio-assets")
    if vendored:
        app.mount(f"{ASSETS}/vendor/htm", StaticFiles(directory=htm_dir()), name="studio-vendor")
    files_origin = _origin(public_base_url)

    @app.get("/", include_in_schema=False)
    def studio(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        if not vendored:
            return _missing(htm_dir() / HTM_MODULE)
        return HTMLResponse(_shell(root), headers=_headers(files_origin))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def _headers(files_origin: str) -> dict[str, str]:
    """Scripts and styles only from this server (no inline script can run, so an injected string cannot
    read the key); media also from the signed-URL origin and blob: (captions converted to WebVTT)."""
    media = f"'self' {files_origin} blob:".replace("  ", " ")
    policy = (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src {media} data:; media-src {media}; "
              f"connect-src 'self' {files_origin}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
    return {"Content-Security-Policy": policy, "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


def _shell(root: str) -> str:
    assets = escape(f"{root}{ASSETS}")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>onetake studio</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{assets}/app/studio.css">
<script type="module" src="{assets}/app/main.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div id="studio" data-root="{escape(root)}"><noscript>The studio needs JavaScript. The API is documented at <a href="{escape(root)}/docs">/docs</a>.</noscript></div>
</body>
</html>"""


def _missing(where: Path) -> HTMLResponse:
    body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Studio unavailable</title></head>
<body style="font-family: sans-serif; max-width: 46em; margin: 3em auto; line-height: 1.5">
<h1>The studio's script is not installed</h1>
<p>The page is served from this machine, never from the internet, and its front-end library (npm's
<code>htm</code> package) is missing: <code>{escape(str(where))}</code>.</p>
<p>Run <code>scripts/setup.sh</code> (it installs it from the npm registry), then restart the server.</p>
<p>The API itself works: see <a href="/docs">/docs</a>.</p>
</body></html>"""
    return HTMLResponse(body, status_code=503)
