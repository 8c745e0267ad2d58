"""The studio page as served: local assets only, a strict content policy, public API only, and a plain
page saying how to install the front-end library when it is missing."""

from __future__ import annotations

import re

import httpx

from onetake.service.studio import HTM_MODULE, STATIC, htm_dir
from onetake.vendor import VENDOR_ENV
from tests.service.conftest import Server

IMPORT = re.compile(r"""(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)";""")


def test_the_page_and_its_modules_are_all_local(keyed_server):
    server, _ = keyed_server
    client = httpx.Client(base_url=server.base, timeout=30)  # no key: the page itself is public, the API behind it is not
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in page.text and not re.search(r"https?://", page.text)  # no inline script, nothing from elsewhere
    refs = re.findall(r'(?:src|href)="(/studio-[^"]+)"', page.text)
    assert refs == ["/studio-assets/app/studio.css", "/studio-assets/app/main.js"]

    # Every module the page imports, followed through its imports, is served from here.
    seen, queue = set(), ["/studio-assets/app/main.js"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        res = client.get(url)
        assert res.status_code == 200 and "javascript" in res.headers["content-type"], url
        assert not re.search(r"""(?:from|import\()\s*["']https?:""", res.text), url
        base = url.rsplit("/", 1)[0]
        for target in IMPORT.findall(res.text):
            assert target.startswith("./") or target.startswith("../"), (url, target)
            parts = (base + "/" + target).split("/")
            resolved: list[str] = []
            for part in parts:
                if part == "..":
                    resolved.pop()
                elif part != ".":
                    resolved.append(part)
            queue.append("/".join(resolved))
    assert "/studio-assets/vendor/htm/" + HTM_MODULE in seen
    assert client.get("/studio-assets/vendor/htm/" + HTM_MODULE).content == (htm_dir() / HTM_MODULE).read_bytes()
    assert {p.name for p in STATIC.glob("*.js")} == {u.rsplit("/", 1)[-1] for u in seen if u.startswith("/studio-assets/app/")}

    # The page's modules call the public API only (the paths in the OpenAPI schema), and keep the key in sessionStorage.
    schema_paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in schema_paths and not any(p.startswith("/studio-assets") for p in schema_paths)
    source = "\n".join(p.read_text() for p in STATIC.glob("*.js"))
    called = set(re.findall(r"""(?:get|post|all)\(`?["`]?(/v3/[^"`?$]*)""", source))
    assert called and all(any(re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", p), c.rstrip("/") or c) or p.startswith(c) for p in schema_paths) for c in called), called
    assert not re.search(r"localStorage\s*[.\[]|document\.cookie|indexedDB", source) and "sessionStorage.setItem" in source

    assert client.get("/v3/video-agents").status_code == 401  # the page is open; the API behind it needs the key


def test_without_the_library_the_page_says_how_to_install_it(tmp_path):
    server = Server(tmp_path, allow=[], extra_env={VENDOR_ENV: str(tmp_path / "no-vendor")})
    server.start()
    try:
        page = httpx.get(server.base + "/", timeout=30)
        assert page.status_code == 503 and "htm" in page.text and "scripts/setup.sh" in page.text
        assert str(tmp_path / "no-vendor") in page.text and "<script" not in page.text
        assert httpx.get(server.base + "/openapi.json", timeout=30).status_code == 200
    finally:
        server.stop()
