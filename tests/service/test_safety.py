"""Bad input on a live server: each gets the right status and error code, and nothing already stored is lost."""

from __future__ import annotations

import base64

import pytest

from tests.service.conftest import FAST, poll_session
from tests.service.test_contract import assert_error

PNG_1PX = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def _counts(client) -> tuple[int, int]:
    sessions = client.get("/v3/video-agents", params={"limit": 100}).json()["data"]
    videos = client.get("/v3/videos", params={"limit": 100}).json()["data"]
    return len(sessions), len(videos)


@pytest.fixture()
def alice(api, finished):
    _, clients, _ = api
    before = _counts(clients["alice"])
    yield clients["alice"]
    # Nothing stored before a refused request is gone, and the refused request stored nothing.
    assert _counts(clients["alice"]) == before
    assert clients["alice"].get(f"/v3/videos/{finished['video_id']}").json()["data"]["status"] == "completed"


def _create(client, **extra):
    return client.post("/v3/video-agents", json={"prompt": "A short welcome to Bean There", **FAST, **extra})


def test_over_long_prompt(alice):
    error = assert_error(alice.post("/v3/video-agents", json={"prompt": "x" * 10_001}), 400, "invalid_parameter", "prompt")
    assert "10000" in error["message"]


def test_missing_prompt(alice):
    assert_error(alice.post("/v3/video-agents", json={}), 400, "invalid_parameter", "prompt")


def test_malformed_json(alice):
    assert_error(alice.post("/v3/video-agents", content=b"{not json", headers={"content-type": "application/json"}), 400, "invalid_parameter")


def test_twenty_one_files(alice):
    files = [{"type": "base64", "media_type": "image/png", "data": base64.b64encode(PNG_1PX).decode()}] * 21
    error = assert_error(_create(alice, files=files), 400, "invalid_parameter", "files")
    assert "20" in error["message"]


def test_bad_base64(alice):
    assert_error(_create(alice, files=[{"type": "base64", "media_type": "image/png", "data": "not base64 at all!!"}]), 400, "invalid_parameter", "files[0].data")


def test_disguised_content_type_base64(alice):
    html = base64.b64encode(b"<html><script>alert(1)</script></html>" * 10).decode()
    assert_error(_create(alice, files=[{"type": "base64", "media_type": "image/png", "data": html}]), 400, "unsupported_media_type", "files[0].data")


def test_disguised_content_type_upload(alice):
    response = alice.post("/v3/assets", files={"file": ("photo.png", b"MZ\x90\x00" + b"\x00" * 2000, "image/png")})
    assert_error(response, 400, "unsupported_media_type", "file")


def test_declared_type_contradicting_bytes(alice):
    response = alice.post("/v3/assets", files={"file": ("clip.mp4", PNG_1PX, "video/mp4")})
    assert_error(response, 400, "unsupported_media_type", "file")


def test_oversized_upload(alice):
    big = b"\x89PNG\r\n\x1a\n" + b"\x00" * (32 * 1024 * 1024 + 10)
    assert_error(alice.post("/v3/assets", files={"file": ("big.png", big, "image/png")}), 413, "payload_too_large", "file")


def test_oversized_base64(alice):
    data = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * (32 * 1024 * 1024 + 10)).decode()
    assert_error(_create(alice, files=[{"type": "base64", "media_type": "image/png", "data": data}]), 413, "payload_too_large", "files[0].data")


@pytest.mark.parametrize("url", ["http://127.0.0.1:1/secret.png", "http://169.254.169.254/latest/meta-data/", "http://localhost:1/x.png",
                                 "http://[::1]:1/x.png", "http://10.0.0.1/x.png", "http://0.0.0.0/x.png", "ftp://example.org/x.png", "file:///etc/passwd"])
def test_file_url_refused(alice, url):
    assert_error(_create(alice, files=[{"type": "url", "url": url}]), 400, "invalid_parameter", "files[0].url")


def test_callback_url_refused(alice):
    assert_error(_create(alice, callback_url="http://169.254.169.254/hook"), 400, "invalid_parameter", "callback_url")
    assert_error(alice.post("/v3/webhooks/endpoints", json={"url": "http://127.0.0.1:9/x"}), 400, "invalid_parameter", "url")


def test_unknown_ids_in_requests(alice):
    assert_error(_create(alice, avatar_id="nobody_at_all"), 400, "invalid_parameter", "avatar_id")
    assert_error(_create(alice, voice_id="no-such-voice"), 400, "invalid_parameter", "voice_id")
    assert_error(_create(alice, style_id="no-such-style"), 400, "invalid_parameter", "style_id")
    assert_error(_create(alice, files=[{"type": "asset_id", "asset_id": "asset_nope"}]), 400, "invalid_parameter", "files[0].asset_id")
    assert_error(_create(alice, files=[{"type": "carrier_pigeon"}]), 400, "invalid_parameter", "files[0].type")
    assert_error(_create(alice, duration=400), 400, "invalid_parameter", "duration")
    assert_error(_create(alice, orientation="diagonal"), 400, "invalid_parameter", "orientation")


def test_other_keys_assets_are_invisible(api, alice, portrait_photo):
    _, clients, _ = api
    bob = clients["bob"]
    asset = bob.post("/v3/assets", files={"file": ("me.jpg", portrait_photo.read_bytes(), "image/jpeg")}).json()["data"]["asset_id"]
    assert_error(_create(alice, files=[{"type": "asset_id", "asset_id": asset}]), 400, "invalid_parameter", "files[0].asset_id")
    assert_error(alice.get(f"/v3/assets/{asset}"), 404, "not_found")
    assert_error(alice.delete(f"/v3/assets/{asset}"), 404, "not_found")
    assert bob.get(f"/v3/assets/{asset}").status_code == 200


def test_another_keys_video(api, finished):
    _, clients, _ = api
    bob = clients["bob"]
    for method, path in (("GET", f"/v3/videos/{finished['video_id']}"), ("DELETE", f"/v3/videos/{finished['video_id']}"),
                         ("GET", f"/v3/video-agents/{finished['session_id']}"), ("POST", f"/v3/video-agents/{finished['session_id']}/stop"),
                         ("GET", f"/v3/videos/{finished['video_id']}/webhook-deliveries")):
        assert_error(bob.request(method, path), 404, "not_found")
    assert finished["video_id"] not in {v["id"] for v in bob.get("/v3/videos").json()["data"]}
    assert clients["alice"].get(f"/v3/videos/{finished['video_id']}").json()["data"]["status"] == "completed"


def test_redirect_to_loopback_and_broken_media_fail_the_video_not_the_server(api, receiver, finished):
    """Refused after a redirect (re-checked per hop) and a truncated PNG: each fails its own video with a failure_code."""
    _, clients, _ = api
    alice = clients["alice"]
    receiver.files["/broken.png"] = (PNG_1PX[:40], "image/png")
    redirected = _create(alice, files=[{"type": "url", "url": f"{receiver.base}/redirect/127.0.0.1:1/secret.png"}]).json()["data"]
    broken = _create(alice, files=[{"type": "url", "url": f"{receiver.base}/broken.png"}]).json()["data"]
    first = poll_session(alice, redirected["session_id"], 120)
    second = poll_session(alice, broken["session_id"], 120)
    assert first["status"] == second["status"] == "failed"
    v1 = alice.get(f"/v3/videos/{redirected['video_id']}").json()["data"]
    v2 = alice.get(f"/v3/videos/{broken['video_id']}").json()["data"]
    assert v1["failure_code"] == "file_fetch_failed" and "127.0.0.1" in v1["failure_message"]
    assert v2["failure_code"] in ("invalid_input", "render_failed") and v2["failure_message"]
    assert first["messages"][0]["type"] == "error"
    assert alice.get(f"/v3/videos/{finished['video_id']}").json()["data"]["status"] == "completed"
