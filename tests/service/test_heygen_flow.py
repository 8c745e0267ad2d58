"""The v3 shape end to end on a live server: create, poll, download, signed webhooks (per request and registered)."""

from __future__ import annotations

import hashlib
import hmac
import io
import json

import av
import httpx
from PIL import Image

from tests.service.conftest import FAST, poll_session, wait_until


def test_create_poll_download_and_signed_webhooks(api, receiver):
    server, clients, keys = api
    alice = clients["alice"]
    endpoint = alice.post("/v3/webhooks/endpoints", json={"url": f"{receiver.base}/hooks/registered", "events": ["video_agent.success", "video_agent.fail"]})
    assert endpoint.status_code == 200, endpoint.text
    secret = endpoint.json()["data"]["secret"]
    assert secret and alice.get("/v3/webhooks/endpoints").json()["data"][0]["secret"] is None  # shown once
    receiver.script["/hooks/callback"] = [503]  # the first callback attempt fails: it must be retried

    created = alice.post("/v3/video-agents", json={"prompt": "A short welcome to Bean There, a coffee shop. Visit beanthere.cafe", **FAST,
                                                   "callback_url": f"{receiver.base}/hooks/callback", "callback_id": "order-42"})
    assert created.status_code == 200, created.text
    data = created.json()["data"]
    assert data["status"] == "thinking" and data["video_id"] and isinstance(data["created_at"], int)
    # Accepted means stored: the session is readable at once.
    assert alice.get(f"/v3/video-agents/{data['session_id']}").status_code == 200
    early = alice.get(f"/v3/videos/{data['video_id']}").json()["data"]  # a render takes seconds: not done yet
    assert early["status"] in ("pending", "processing") and early["gif_url"] is None and early["video_url"] is None

    session = poll_session(alice, data["session_id"])
    assert session["status"] == "completed", session
    assert session["progress"] == 100 and session["title"]
    assert session["messages"][0]["role"] == "model" and session["messages"][-1]["role"] == "user"

    video = alice.get(f"/v3/videos/{data['video_id']}").json()["data"]
    assert video["status"] == "completed" and 4 <= video["duration"] <= 8
    downloaded = httpx.get(video["video_url"], timeout=30)
    assert downloaded.status_code == 200 and len(downloaded.content) > 10_000
    with av.open(io.BytesIO(downloaded.content)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (320, 180)
        frames = sum(1 for _ in container.decode(stream))
    assert frames >= 4 * 25
    srt = httpx.get(video["subtitle_url"], timeout=30)
    assert srt.status_code == 200 and "-->" in srt.text
    assert httpx.get(video["thumbnail_url"], timeout=30).content[:2] == b"\xff\xd8"
    gif = httpx.get(video["gif_url"], timeout=30)
    assert gif.status_code == 200 and gif.headers["content-type"] == "image/gif"
    with Image.open(io.BytesIO(gif.content)) as preview:
        assert preview.format == "GIF" and preview.size == (320, 180) and preview.n_frames > 1 and preview.info["loop"] == 0
    # A tampered or unsigned link is refused.
    assert httpx.get(video["video_url"].replace("sig=", "sig=0"), timeout=30).status_code == 403
    assert httpx.get(video["video_url"].split("?")[0], timeout=30).status_code in (400, 403)

    callback_secret = keys["alice"][1]
    hits = wait_until(lambda: [h for h in receiver.hits("/hooks/callback") if h["status"] == 200], 30, what="the callback")
    assert len(receiver.hits("/hooks/callback")) >= 2  # one 503, then delivered
    body = hits[0]["body"]
    assert hits[0]["headers"]["signature"] == hmac.new(callback_secret.encode(), body, hashlib.sha256).hexdigest()
    event = json.loads(body)
    assert event["event_type"] == "video_agent.success"
    assert event["event_data"]["video_id"] == data["video_id"] and event["event_data"]["callback_id"] == "order-42"
    assert event["event_data"]["gif_url"].split("?")[0] == video["gif_url"].split("?")[0]
    assert httpx.get(event["event_data"]["url"], timeout=30).status_code == 200

    registered = wait_until(lambda: receiver.hits("/hooks/registered"), 30, what="the registered endpoint")
    assert registered[0]["headers"]["signature"] == hmac.new(secret.encode(), registered[0]["body"], hashlib.sha256).hexdigest()

    log = alice.get(f"/v3/videos/{data['video_id']}/webhook-deliveries").json()["data"]
    callback_log = next(d for d in log if d["url"].endswith("/hooks/callback"))
    assert callback_log["status"] == "delivered" and callback_log["attempts"] == 2 and callback_log["log"][0]["status_code"] == 503

    # Resources: the storyboard draft, the voice and the avatar.
    resource_ids = session["messages"][0]["resource_ids"]
    kinds = {}
    for rid in resource_ids:
        res = alice.get(f"/v3/video-agents/{data['session_id']}/resources/{rid}").json()["data"]
        kinds[res["resource_type"]] = res
    assert {"draft", "voice", "avatar", "video"} <= set(kinds)
    board = httpx.get(kinds["draft"]["url"], timeout=30).json()
    assert board["scenes"]
    assert httpx.get(kinds["avatar"]["preview_url"], timeout=60).content[:4] == b"\x89PNG"

    listed = alice.get("/v3/video-agents/" + data["session_id"] + "/videos").json()["data"]
    assert [v["id"] for v in listed] == [data["video_id"]]

    # Another key sees none of it.
    bob = clients["bob"]
    assert bob.get(f"/v3/videos/{data['video_id']}").status_code == 404
    assert bob.get(f"/v3/video-agents/{data['session_id']}").json()["error"]["code"] == "not_found"
    assert bob.delete(f"/v3/videos/{data['video_id']}").status_code == 404
    assert alice.get(f"/v3/videos/{data['video_id']}").status_code == 200

    # DELETE removes the row and the files.
    video_dir = server.data_dir / "files" / "videos" / data["video_id"]
    assert video_dir.exists()
    deleted = alice.delete(f"/v3/videos/{data['video_id']}")
    assert deleted.json()["data"] == {"id": data["video_id"], "deleted": True, "session_deleted": True}  # its only video: the session goes too
    assert not video_dir.exists()
    assert alice.get(f"/v3/videos/{data['video_id']}").status_code == 404
    assert httpx.get(video["video_url"], timeout=30).status_code == 404
    assert httpx.get(video["gif_url"], timeout=30).status_code == 404
