"""`onetake serve --storage s3://...` end to end against a real S3-compatible server (moto's, on a loopback port):
uploads, brand kits, chat drafts and rendered outputs land in the bucket, download through presigned URLs byte for
byte as the job wrote them, match what the same job writes with local storage, quotas count the bucket, and DELETE removes the objects."""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path

import av
import httpx
import pytest

from tests.service.conftest import FAST, Server, make_keys, poll_session, wait_draft
from tests.service.s3_server import CREDENTIALS

BUCKET = "onetake-api"
PREFIX = "deploy/one/"
PROMPT = {"prompt": "A short welcome to Fern Bakery, sourdough and rye baked daily. Visit fernbakery.shop", **FAST, "seed": 7}


@pytest.fixture(scope="module")
def servers(tmp_path_factory, s3_server, receiver, portrait_photo):
    s3_server.client().create_bucket(Bucket=BUCKET)
    made = {}
    for name, env in (("s3", {"ONETAKE_STORAGE": f"s3://{BUCKET}/{PREFIX}", "ONETAKE_S3_ENDPOINT_URL": s3_server.endpoint, **CREDENTIALS,
                              # room for one copy of the photo, not two: the second upload must be refused by what the bucket holds
                              "ONETAKE_MAX_STORED_BYTES_PER_KEY": str(portrait_photo.stat().st_size * 3 // 2)}),
                      ("local", {})):
        data_dir = tmp_path_factory.mktemp(f"{name}-data")
        key = make_keys(data_dir, [name])[name][0]
        server = Server(data_dir, allow=[f"127.0.0.1:{receiver.port}"], extra_env=env)
        server.start()
        made[name] = (server, httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=30))
    yield made
    for server, client in made.values():
        client.close()
        server.stop()


def _video_files(s3_server, video_id: str) -> dict[str, bytes]:
    prefix = f"{PREFIX}videos/{video_id}/"
    return {key.removeprefix(prefix): s3_server.body(BUCKET, key) for key in s3_server.keys(BUCKET, prefix)}


def _local_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_render_lands_in_the_bucket_identical_to_local_storage(servers, s3_server):
    (s3_srv, s3), (local_srv, local) = servers["s3"], servers["local"]
    made = {name: client.post("/v3/video-agents", json=PROMPT) for name, client in (("s3", s3), ("local", local))}
    for name, response in made.items():
        assert response.status_code == 200, response.text
    sessions = {name: poll_session(client, made[name].json()["data"]["session_id"]) for name, client in (("s3", s3), ("local", local))}
    assert sessions["s3"]["status"] == sessions["local"]["status"] == "completed", sessions
    video_id = made["s3"].json()["data"]["video_id"]
    video = s3.get(f"/v3/videos/{video_id}").json()["data"]
    local_video = local.get(f"/v3/videos/{made['local'].json()['data']['video_id']}").json()["data"]

    # Every file the job wrote is in the bucket, byte for byte as in the job's working copy.
    stored = _video_files(s3_server, video_id)
    assert stored == _local_files(s3_srv.data_dir / "files" / "videos" / video_id)
    assert {".mp4", ".srt", ".vtt", ".jpg", ".gif", ".json", ".otio"} <= {Path(name).suffix for name in stored}, sorted(stored)
    # The same job (same prompt and seed) on local storage writes the same files and the same plan. Renders are not
    # byte-reproducible even on one local server (the neural voice samples its timing afresh on each run, measured:
    # two identical local jobs gave different .srt timings), so media are compared by what they decode to.
    expected = _local_files(local_srv.data_dir / "files" / "videos" / made["local"].json()["data"]["video_id"])
    assert set(stored) == set(expected)
    for name in stored:
        if name.endswith(("storyboard.json", "reading.json")):
            assert stored[name] == expected[name], name
    for name in (n for n in stored if n.endswith(".mp4")):
        shapes = []
        for data in (stored[name], expected[name]):
            with av.open(io.BytesIO(data)) as container:
                stream = container.streams.video[0]
                shapes.append((stream.codec_context.width, stream.codec_context.height, len(container.streams.audio)))
                frames = sum(1 for _ in container.decode(stream))
                assert 4 * 25 <= frames <= 8 * 25, frames
        assert shapes[0] == shapes[1] == (320, 180, 1), shapes

    # The API hands out presigned URLs on the bucket; they download those same bytes.
    for field in ("video_url", "thumbnail_url", "gif_url", "subtitle_url"):
        url = video[field]
        assert url.startswith(f"{s3_server.endpoint}/{BUCKET}/{PREFIX}videos/{video_id}/") and "X-Amz-Signature=" in url, (field, url)
        assert "X-Amz-Expires=3600" in url  # the configured TTL (default)
        got = httpx.get(url, timeout=30)
        assert got.status_code == 200 and got.content in stored.values(), field
        assert local_video[field] and "/files/videos/" in local_video[field]  # the local server hands out its own signed links
    assert httpx.get(video["video_url"], timeout=30).headers["content-type"] == "video/mp4"
    # The storyboard, as the session's draft resource.
    draft = next(m for m in s3.get(f"/v3/video-agents/{sessions['s3']['session_id']}").json()["data"]["messages"] if m.get("resource_ids"))
    resources = [s3.get(f"/v3/video-agents/{sessions['s3']['session_id']}/resources/{rid}").json()["data"] for rid in draft["resource_ids"]]
    board = next(r for r in resources if r["resource_type"] == "draft")
    assert board["url"].startswith(f"{s3_server.endpoint}/{BUCKET}/") and httpx.get(board["url"], timeout=30).json()["title"]

    # DELETE of the video (and so of its session, which has nothing else) removes the video's objects and the
    # session's inputs; its old URLs stop working. (DELETE of a session: the next test.)
    assert s3_server.keys(BUCKET, f"{PREFIX}videos/{video_id}/")
    assert s3.delete(f"/v3/videos/{video_id}").status_code == 200
    assert s3.get(f"/v3/video-agents/{sessions['s3']['session_id']}").status_code == 404
    assert s3_server.keys(BUCKET, f"{PREFIX}videos/{video_id}/") == {}
    assert s3_server.keys(BUCKET, f"{PREFIX}inputs/{sessions['s3']['session_id']}/") == {}
    assert httpx.get(video["video_url"], timeout=30).status_code == 404


def test_uploads_kits_and_drafts_live_in_the_bucket_and_quotas_count_it(servers, s3_server, portrait_photo):
    s3_srv, s3 = servers["s3"]
    photo = portrait_photo.read_bytes()
    asset = s3.post("/v3/assets", files={"file": ("me.jpg", photo, "image/jpeg")})
    assert asset.status_code == 200, asset.text
    asset_id = asset.json()["data"]["asset_id"]
    assert s3_server.keys(BUCKET, f"{PREFIX}assets/{asset_id}/") == {f"{PREFIX}assets/{asset_id}/asset.jpg": len(photo)}
    assert httpx.get(asset.json()["data"]["url"], timeout=30).content == photo
    assert s3.delete(f"/v3/assets/{asset_id}").status_code == 200
    assert s3_server.keys(BUCKET, f"{PREFIX}assets/{asset_id}/") == {}

    kit = s3.post("/v3/brand-kits", data={"name": "Fern Bakery", "primary": "#2F5D3A"}, files={"logo": ("logo.jpg", photo, "image/jpeg")})
    assert kit.status_code == 200, kit.text
    kit_id = kit.json()["data"]["brand_kit_id"]
    kit_keys = s3_server.keys(BUCKET, f"{PREFIX}brand-kits/{kit_id}/")
    assert any(k.endswith(".json") for k in kit_keys) and len(photo) in kit_keys.values()
    assert httpx.get(kit.json()["data"]["logo_url"], timeout=30).content == photo
    # The kit's logo counts against the key's bytes while it is in the bucket.
    counted = s3.post("/v3/assets", files={"file": ("me.jpg", photo, "image/jpeg")})
    assert counted.status_code == 403 and counted.json()["error"]["code"] == "quota_exceeded", counted.text
    assert s3.delete(f"/v3/brand-kits/{kit_id}").status_code == 200
    assert s3_server.keys(BUCKET, f"{PREFIX}brand-kits/{kit_id}/") == {}

    # A chat draft with the photo sent inline: the copy, the plan and the draft sheet are published under the session's inputs.
    chat = s3.post("/v3/video-agents", json={"prompt": "A 20-second intro for Fern Bakery", "mode": "chat",
                                             "files": [{"type": "base64", "media_type": "image/jpeg", "data": base64.b64encode(photo).decode()}]})
    assert chat.status_code == 200, chat.text
    session_id = chat.json()["data"]["session_id"]
    session = wait_draft(s3, session_id)
    assert session["status"] == "reviewing", session
    inputs = s3_server.keys(BUCKET, f"{PREFIX}inputs/{session_id}/")
    names = {k.removeprefix(f"{PREFIX}inputs/{session_id}/") for k in inputs}
    assert "file-0.jpg" in names and "plan.json" in names and any(n.startswith("draft-") and n.endswith(".png") for n in names), names
    assert not any(n.startswith("cache/") for n in names)
    resource = s3.get(f"/v3/video-agents/{session_id}/resources/{session['messages'][0]['resource_ids'][0]}").json()["data"]
    assert httpx.get(resource["preview_url"], timeout=30).content[:8] == b"\x89PNG\r\n\x1a\n"

    # The quota counts what the bucket holds: with the working copy gone, a second copy of the photo is still one too many.
    shutil.rmtree(s3_srv.data_dir / "files" / "inputs" / session_id)
    again = s3.post("/v3/video-agents", json={"prompt": "Fern Bakery again", "mode": "chat",
                                              "files": [{"type": "base64", "media_type": "image/jpeg", "data": base64.b64encode(photo).decode()}]})
    assert again.status_code == 403 and again.json()["error"]["code"] == "quota_exceeded", again.text

    assert s3.delete(f"/v3/video-agents/{session_id}").status_code == 200
    assert s3_server.keys(BUCKET, f"{PREFIX}inputs/{session_id}/") == {}


def test_a_store_that_goes_away_is_a_503_naming_it(tmp_path, receiver, portrait_photo, monkeypatch_session_env):
    """Its own S3 server, stopped while onetake runs: an upload is answered 503 storage_unavailable, not a 500, and a
    render fails."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    from tests.service.s3_server import S3Server

    S3Server(endpoint).client().create_bucket(Bucket="onetake-gone")
    key = make_keys(tmp_path, ["gone"])["gone"][0]
    server = Server(tmp_path, allow=[f"127.0.0.1:{receiver.port}"], extra_env={"ONETAKE_STORAGE": "s3://onetake-gone", "ONETAKE_S3_ENDPOINT_URL": endpoint,
                                                                               **CREDENTIALS})
    server.start()
    try:
        client = httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=60)
        assert client.post("/v3/assets", files={"file": ("me.jpg", portrait_photo.read_bytes(), "image/jpeg")}).status_code == 200
        moto.stop()
        refused = client.post("/v3/assets", files={"file": ("me.jpg", portrait_photo.read_bytes(), "image/jpeg")})
        assert refused.status_code == 503 and refused.headers["retry-after"] == "30", refused.text
        error = refused.json()["error"]
        assert error["code"] == "storage_unavailable" and "bucket 'onetake-gone'" in error["message"], error
        # A render whose outputs cannot be kept fails; it is not completed with files that are nowhere.
        made = client.post("/v3/video-agents", json=PROMPT)
        assert made.status_code == 200, made.text
        assert poll_session(client, made.json()["data"]["session_id"])["status"] == "failed"
        video = client.get(f"/v3/videos/{made.json()['data']['video_id']}").json()["data"]
        assert video["failure_code"] == "render_failed" and "bucket 'onetake-gone'" in video["failure_message"], video
        assert video["video_url"] is None
    finally:
        server.stop()
        moto.stop()
