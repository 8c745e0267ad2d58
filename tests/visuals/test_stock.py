"""Stock photos through local fakes of the Pexels and Pixabay HTTP APIs (loopback only): keys, cache, credits."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
import skia

from tests.planning import plan
from onetake.agent.storyboard import Layout
from onetake.brief.intake import make_brief
from onetake.timeline.models import VisualKind
from onetake.visuals import stock
from onetake.visuals.assets import attach_visuals, place_user_media
from onetake.visuals.credits import credits_lines
from tests.visuals.test_broll import _timeline


def _jpeg() -> bytes:
    surface = skia.Surface(64, 48)
    surface.getCanvas().clear(skia.ColorSetRGB(200, 120, 40))
    return bytes(surface.makeImageSnapshot().encodeToData(skia.kJPEG, 90))


@pytest.fixture()
def fake_apis(tmp_path, monkeypatch):
    calls: list[tuple[str, dict, dict]] = []
    photo = _jpeg()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            calls.append((url.path, query, dict(self.headers)))
            base = f"http://127.0.0.1:{self.server.server_port}"
            if url.path == "/v1/search":
                if self.headers.get("Authorization") != "pexels-key":
                    return self._send(401, b'{"error": "bad key"}')
                body = {"photos": [{"url": f"{base}/photo/1", "photographer": "Ada Lens", "src": {"large2x": f"{base}/files/rocket.jpg"}}]}
                return self._send(200, json.dumps(body).encode())
            if url.path == "/api/":
                body = {"hits": [{"pageURL": f"{base}/p/2", "user": "pix_user", "largeImageURL": f"{base}/files/planet.jpg"}]}
                return self._send(200 if query.get("key") == "pixabay-key" else 400, json.dumps(body).encode())
            if url.path.startswith("/files/"):
                return self._send(200, photo, "image/jpeg")
            self._send(404, b"")

        def _send(self, status, body, kind="application/json"):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ONETAKE_PEXELS_URL", base)
    monkeypatch.setenv("ONETAKE_PIXABAY_URL", base)
    yield calls
    server.shutdown()


def test_no_key_no_requests(fake_apis, monkeypatch):
    monkeypatch.delenv("PEXELS_API_KEY", raising=False)
    monkeypatch.delenv("PIXABAY_API_KEY", raising=False)
    assert stock.providers() == [] and stock.find_photo("rocket", False) is None
    assert fake_apis == []


def test_pexels_search_download_cache_and_credit(fake_apis, monkeypatch):
    monkeypatch.setenv("PEXELS_API_KEY", "pexels-key")
    monkeypatch.delenv("PIXABAY_API_KEY", raising=False)
    path, credit = stock.find_photo("rocket launch", portrait=True)
    assert path.read_bytes()[:2] == b"\xff\xd8" and credit.startswith("Photo by Ada Lens on Pexels")
    search = fake_apis[0]
    assert search[0] == "/v1/search" and search[1]["query"] == "rocket launch" and search[1]["orientation"] == "portrait"
    count = len(fake_apis)
    assert stock.find_photo("rocket launch", portrait=True) == (path, credit)
    assert len(fake_apis) == count  # served from the disk cache


def test_pixabay_and_a_refused_key(fake_apis, monkeypatch):
    monkeypatch.setenv("PIXABAY_API_KEY", "pixabay-key")
    monkeypatch.delenv("PEXELS_API_KEY", raising=False)
    path, credit = stock.find_photo("planet", portrait=False)
    assert "pix_user on Pixabay" in credit and path.exists()
    assert fake_apis[0][1]["orientation"] == "horizontal"
    monkeypatch.setenv("PIXABAY_API_KEY", "wrong")
    with pytest.raises(stock.RenderFailed, match="stock search failed"):
        stock.find_photo("comet", portrait=False)


def test_a_broll_scene_shows_a_credited_stock_photo(fake_apis, monkeypatch):
    monkeypatch.setenv("PEXELS_API_KEY", "pexels-key")
    brief = make_brief("A 25-second video for Orbit Labs. Show B-roll of rockets, planets and calendars. Visit orbitlabs.space")
    storyboard = place_user_media(plan(brief), brief)
    timeline = attach_visuals(_timeline(storyboard), storyboard, brief)
    clip = next(c for c in timeline.scenes if c.visuals)
    assert clip.layout is Layout.broll and clip.visuals[0].kind is VisualKind.image
    assert any("Ada Lens on Pexels" in line for line in credits_lines(timeline))
