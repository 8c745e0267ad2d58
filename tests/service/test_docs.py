"""/docs and /redoc work offline: every script, style and icon they load comes from this server.

The assets are installed by scripts/setup.sh (npm's swagger-ui-dist and Redoc's standalone bundle)
into the vendor folder; ONETAKE_VENDOR_DIR points elsewhere.
"""

from __future__ import annotations

import re

import httpx
import pytest

from onetake.service.docs import redoc_dir, swagger_ui_dir
from onetake.vendor import VENDOR_ENV
from tests.service.conftest import Server

TYPES = {".js": "javascript", ".css": "text/css", ".png": "image/png"}


def _references(html: str) -> list[str]:
    return re.findall(r'(?:src|href|spec-url)="([^"]+)"', html)


@pytest.mark.parametrize("page, expected", [("/docs", {".js", ".css", ".png"}), ("/redoc", {".js", ".png"})])
def test_docs_pages_load_only_local_assets(api, page, expected):
    assert (swagger_ui_dir() / "swagger-ui-bundle.js").is_file() and (redoc_dir() / "redoc.standalone.js").is_file(), \
        f"the API docs' npm assets are not installed under {swagger_ui_dir().parents[1]}: run scripts/setup.sh"
    client = httpx.Client(base_url=api[0].base, timeout=30)  # no API key: the docs are public
    response = client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert not re.search(r"https?://|//cdn|googleapis", response.text), "the page must not reach the internet"
    refs = _references(response.text)
    assert "/openapi.json" in refs or "'/openapi.json'" in response.text
    assets = [ref for ref in refs if ref.startswith("/docs-assets/")]
    assert {"." + ref.rsplit(".", 1)[-1] for ref in assets} == expected
    for ref in assets:
        asset = client.get(ref)
        assert asset.status_code == 200 and TYPES["." + ref.rsplit(".", 1)[-1]] in asset.headers["content-type"], ref
        folder = swagger_ui_dir() if ref.startswith("/docs-assets/swagger-ui/") else redoc_dir()
        assert asset.content == (folder / ref.rsplit("/", 1)[-1]).read_bytes()  # the installed file itself
    if page == "/docs":
        assert "validatorUrl" in response.text  # the online validator badge is off
        assert client.get("/docs/oauth2-redirect").status_code == 200


def test_openapi_schema_still_served(api):
    schema = httpx.get(api[0].base + "/openapi.json", timeout=30)
    assert schema.status_code == 200 and "/v3/videos/{video_id}" in schema.json()["paths"]
    assert not any(path.startswith(("/docs", "/redoc")) for path in schema.json()["paths"])


def test_without_the_assets_the_pages_say_how_to_install_them(tmp_path):
    server = Server(tmp_path, allow=[], extra_env={VENDOR_ENV: str(tmp_path / "no-vendor")})
    server.start()
    try:
        _check_missing_pages(httpx.Client(base_url=server.base, timeout=30), tmp_path)
    finally:
        server.stop()


def _check_missing_pages(client: httpx.Client, tmp_path) -> None:
    for page, package in (("/docs", "swagger-ui-dist"), ("/redoc", "redoc")):
        response = client.get(page)
        assert response.status_code == 503 and response.headers["content-type"].startswith("text/html")
        assert package in response.text and "scripts/setup.sh" in response.text and 'href="/openapi.json"' in response.text
        assert str(tmp_path / "no-vendor") in response.text  # where it looked
        assert "<script" not in response.text and not re.search(r"https?://", response.text)
    assert client.get("/docs-assets/swagger-ui/swagger-ui-bundle.js").status_code == 404
    assert client.get("/openapi.json").status_code == 200
