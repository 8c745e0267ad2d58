"""Issue 16, the rest: quotas, deletion, retention, a private data directory, no-auth mode's perimeter,
revoked keys on open sockets, Runware's rate-limit vocabulary, and IPv6 forms that reach IPv4.

Live-server tests use alice and bob on the shared server (carol is the chat tests'), plus one
no-auth server with small quotas. Everything is loopback; waits are bounded polls.
"""

from __future__ import annotations

import base64
import json
import stat
import threading
import uuid
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import FAST, Server, make_keys, wait_draft, wait_until
from tests.service.test_contract import assert_error

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64  # sniffed as a PNG: what a junk upload looks like


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _failed_session(client, receiver, path: str = "/missing.png", **extra) -> dict:
    """A generate session whose only file URL the receiver answers 404: it fails fast, without a render."""
    created = client.post("/v3/video-agents", json={"prompt": "A short welcome to Bean There", **FAST,
                                                     "files": [{"type": "url", "url": receiver.base + path},
                                                               {"type": "base64", "data": base64.b64encode(PNG).decode(), "media_type": "image/png"}],
                                                     **extra})
    assert created.status_code == 200, created.text
    return created.json()["data"]


def _wait_final(client, session_id: str) -> dict:
    def final():
        data = client.get(f"/v3/video-agents/{session_id}").json()["data"]
        return data if data["status"] in ("completed", "failed") else None
    return wait_until(final, 120, 0.2, f"session {session_id} to finish")


# ---- IPv6 forms that reach IPv4 (fetch.embedded_ipv4) ----

@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::1",
                                     "::127.0.0.1", "::10.0.0.1", "::ffff:10.0.0.1"])
def test_nat64_6to4_and_compatible_ipv6_are_checked_as_their_ipv4(address):
    from onetake.service.fetch import Guard, UnsafeUrl

    with pytest.raises(UnsafeUrl, match="resolves to"):
        Guard().check_ip("example.org", 80, address)


def test_the_same_forms_of_a_public_ipv4_pass():
    from onetake.service.fetch import Guard

    for address in ("64:ff9b::808:808", "2002:808:808::1", "2606:4700::1111"):
        Guard().check_ip("example.org", 80, address)


# ---- no-auth perimeter (localonly.py), unit level ----

def test_no_auth_refusals_by_host_origin_and_content_type():
    from onetake.service.localonly import refusal

    def scope(path="/v1", method="POST", **headers):
        return {"type": "http", "method": method, "path": path, "headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]}

    assert refusal(scope(host="127.0.0.1:8000", content_type="application/json")) is None
    assert refusal(scope(host="localhost:8000", origin="http://localhost:3000", content_type="application/json")) is None
    assert refusal(scope(host="[::1]:8000", method="GET")) is None
    assert refusal(scope(host="attacker.example:8000", content_type="application/json"))[0] == 421
    assert refusal(scope(host="127.0.0.1:8000", origin="https://attacker.example", content_type="application/json"))[0] == 403
    assert refusal(scope(host="127.0.0.1:8000", origin="null"))[0] == 403
    assert refusal(scope(host="127.0.0.1:8000", content_type="text/plain;charset=UTF-8"))[0] == 415
    assert refusal(scope(path="/v3/video-agents", host="127.0.0.1", content_type="application/x-www-form-urlencoded"))[0] == 415
    assert refusal(scope(path="/v3/assets", host="127.0.0.1", content_type="multipart/form-data; boundary=x")) is None
    assert refusal(scope(host="127.0.0.1", content_length="12"))[0] == 415  # an untyped Blob body
    assert refusal(scope(path="/v3/video-agents/s/stop", host="127.0.0.1", content_length="0")) is None  # no body: nothing to type
    assert refusal(scope(host="127.0.0.1", content_type="application/vnd.api+json", content_length="2")) is None


# ---- private data directory (private.py), unit level ----

def test_secure_tightens_an_open_data_directory(tmp_path):
    from onetake.service.private import secure

    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "onetake.db").write_text("x")
    (data / "onetake.db").chmod(0o644)
    secure(data, data / "files")
    assert _mode(data) == 0o700 and _mode(data / "onetake.db") == 0o600


# ---- retention (retention.py), unit level ----

def test_retention_deletes_only_old_finished_sessions_with_their_files(tmp_path):
    from onetake.service.config import ServiceConfig
    from onetake.service.db import Database
    from onetake.service.keys import create_key
    from onetake.service.models import Message, Session, Video
    from onetake.service.retention import sweep
    from onetake.service.storage import Storage

    config = ServiceConfig(data_dir=tmp_path)
    db, storage = Database(config.resolved_database_url()), Storage(config)
    key, _ = create_key(db, "k")
    day = 86400
    rows = {"old": ("completed", 1000), "old_failed": ("failed", 1000), "new": ("completed", 100 * day - 10), "open": ("reviewing", None)}
    with db.session() as s:
        for sid, (status, done) in rows.items():
            s.add(Session(id=sid, key_id=key.id, shape="heygen", status=status, request={}, created_at=0, completed_at=done))
            s.flush()
            s.add(Video(id=f"v_{sid}", session_id=sid, key_id=key.id, status="completed" if done else "pending", created_at=0))
            s.add(Message(session_id=sid, role="user", type="text", content="hi", created_at=0))
            for folder in (storage.session_inputs(sid), storage.video_dir(f"v_{sid}")):
                folder.mkdir(parents=True)
                (folder / "f").write_bytes(b"x")
    assert sweep(db, storage, retention_days=30, now=100 * day) == 2
    with db.session() as s:
        assert sorted(r.id for r in s.query(Session)) == ["new", "open"]
        assert sorted(r.session_id for r in s.query(Message)) == ["new", "open"]
        assert sorted(r.id for r in s.query(Video)) == ["v_new", "v_open"]
    assert not storage.session_inputs("old").exists() and not storage.video_dir("v_old").exists()
    assert storage.session_inputs("new").exists() and storage.video_dir("v_open").exists()
    db.close()


# ---- the shared server: deletion, Runware's vocabulary, revoked keys ----

@pytest.fixture()
def clients(api):
    _, by_name, _ = api
    return by_name


def test_delete_session_is_409_while_rendering_then_removes_everything(api, clients, receiver):
    server, _, _ = api
    alice, bob = clients["alice"], clients["bob"]
    receiver.hold["/slow-delete.png"] = gate = threading.Event()
    try:
        data = _failed_session(alice, receiver, "/slow-delete.png")
        session_id, video_id = data["session_id"], data["video_id"]
        inputs = server.data_dir / "files" / "inputs" / session_id
        assert any(inputs.iterdir())  # the base64 file is stored with the session
        assert_error(bob.delete(f"/v3/video-agents/{session_id}"), 404, "not_found")  # another key's: not found, not deleted
        assert_error(alice.delete(f"/v3/video-agents/{session_id}"), 409, "video_in_progress")
    finally:
        gate.set()
    _wait_final(alice, session_id)
    deleted = alice.delete(f"/v3/video-agents/{session_id}")
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["data"] == {"session_id": session_id, "deleted": True, "videos_deleted": [video_id]}
    assert_error(alice.get(f"/v3/video-agents/{session_id}"), 404, "not_found")
    assert_error(alice.get(f"/v3/videos/{video_id}"), 404, "not_found")
    assert not inputs.exists()
    assert session_id not in [s["session_id"] for s in alice.get("/v3/video-agents", params={"limit": 100}).json()["data"]]


def test_deleting_a_generate_sessions_only_video_removes_its_session_and_inputs(api, clients, receiver):
    server, _, _ = api
    alice = clients["alice"]
    data = _failed_session(alice, receiver)
    _wait_final(alice, data["session_id"])
    deleted = alice.delete(f"/v3/videos/{data['video_id']}")
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["data"]["session_deleted"] is True
    assert_error(alice.get(f"/v3/video-agents/{data['session_id']}"), 404, "not_found")
    assert not (server.data_dir / "files" / "inputs" / data["session_id"]).exists()


def _runware_video(n: int = 1, **extra) -> list[dict]:
    return [{"taskType": "videoInference", "taskUUID": str(uuid.uuid4()), "model": "heygen:video-agent@0", "positivePrompt": "A welcome to Bean There",
             "numberResults": n, **extra}]


def test_runware_rate_limit_is_429_with_retry_after_in_its_vocabulary(clients):
    response = clients["alice"].post("/v1", json=_runware_video(4))  # more results than the key may have in progress (3)
    assert response.status_code == 429, response.text
    assert int(response.headers["retry-after"]) > 0
    error = response.json()["errors"][0]
    assert error["code"] == "rateLimitExceeded" and error["retryAfter"] > 0 and error["taskType"] == "videoInference"


def test_runware_upper_case_url_scheme_is_a_url_not_base64(clients):
    response = clients["alice"].post("/v1", json=_runware_video(inputs={"image": "HTTP://10.0.0.1/face.png"}))
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["parameter"].startswith("inputs.image") and "10.0.0.1" in error["message"] and "base64" not in error["message"]


def test_cancel_of_a_missing_run_is_404_and_of_a_run_is_200(clients, receiver):
    alice = clients["alice"]
    assert alice.post(f"/v1/runs/run_{uuid.uuid4().hex[:12]}/cancel").status_code == 404
    data = _failed_session(alice, receiver)  # a v3 session is no run: 404, and it is not stopped
    assert alice.post(f"/v1/runs/{data['session_id']}/cancel").status_code == 404
    _wait_final(alice, data["session_id"])
    alice.delete(f"/v3/video-agents/{data['session_id']}")


@pytest.fixture()
def dave(api):
    """A key of its own, revoked by the test (through the same code `onetake keys revoke` runs)."""
    server, _, _ = api
    (key, _), = make_keys(server.data_dir, [f"dave-{uuid.uuid4().hex[:6]}"]).values()
    from onetake.service.db import Database
    from onetake.service.keys import hash_key
    from onetake.service.models import ApiKey

    db = Database(f"sqlite:///{server.data_dir / 'onetake.db'}")
    with db.session() as s:
        key_id = s.query(ApiKey).filter(ApiKey.key_hash == hash_key(key)).one().id
    yield key, key_id, db
    db.close()


def test_a_revoked_key_closes_its_websockets_and_stops_its_queued_videos(api, clients, receiver, dave):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    from onetake.service.keys import revoke_key

    server, _, _ = api
    key, key_id, db = dave
    ws_url = server.base.replace("http://", "ws://") + "/v1"
    with connect(ws_url, additional_headers={"Authorization": f"Bearer {key}"}, open_timeout=10) as idle, connect(ws_url, open_timeout=10) as busy:
        busy.send(json.dumps([{"taskType": "authentication", "apiKey": key}]))
        assert "connectionSessionUUID" in busy.recv(10)
        # alice's held file occupies the only job slot, so dave's video waits in the queue
        receiver.hold["/slow-revoke.png"] = gate = threading.Event()
        try:
            held = _failed_session(clients["alice"], receiver, "/slow-revoke.png")
            queued = httpx.post(server.base + "/v3/video-agents", headers={"x-api-key": key}, json={"prompt": "A short welcome to Bean There", **FAST}, timeout=30)
            assert queued.status_code == 200, queued.text
            assert revoke_key(db, key_id)
            busy.send(json.dumps(_runware_video()))  # sent after the revocation: refused, and the socket closes
            assert json.loads(busy.recv(10))["errors"][0]["code"] == "invalidApiKey"
            with pytest.raises(ConnectionClosed):
                busy.recv(10)
            # the idle one is told and closed too, within key_recheck_s (5 s)
            assert json.loads(idle.recv(15))["errors"][0]["code"] == "invalidApiKey"
            with pytest.raises(ConnectionClosed):
                idle.recv(10)
            assert idle.close_code == 1008
        finally:
            gate.set()
    _wait_final(clients["alice"], held["session_id"])
    from onetake.service.models import Video

    def stopped():
        with db.session() as s:
            video = s.get(Video, queued.json()["data"]["video_id"])
            return video if video.status in ("completed", "failed") else None

    video = wait_until(stopped, 120, 0.2, "the revoked key's video to stop")
    assert (video.status, video.failure_code) == ("failed", "cancelled"), video.failure_message
    clients["alice"].delete(f"/v3/video-agents/{held['session_id']}")


# ---- a no-auth server with small quotas: quotas, its perimeter, private files ----

QUOTAS = {"ONETAKE_NO_AUTH": "1", "ONETAKE_MAX_ASSETS_PER_KEY": "2", "ONETAKE_MAX_STORED_BYTES_PER_KEY": "300000", "ONETAKE_MAX_BRAND_KITS_PER_KEY": "1",
          "ONETAKE_MAX_WEBHOOK_ENDPOINTS_PER_KEY": "1", "ONETAKE_MAX_CHAT_SESSIONS_PER_KEY": "1"}


@pytest.fixture(scope="module")
def local(tmp_path_factory, receiver):
    data_dir = tmp_path_factory.mktemp("local-data")
    data_dir.chmod(0o755)  # as an older version or a careless operator left it
    server = Server(data_dir, allow=[f"127.0.0.1:{receiver.port}"], extra_env=QUOTAS)
    server.start()
    yield server, httpx.Client(base_url=server.base, timeout=30)
    server.stop()


def _quota(response, name: str, param="any") -> dict:
    error = assert_error(response, 403, "quota_exceeded", param)
    assert f"ONETAKE_{name.upper()}" in error["message"], error
    return error


def _upload(client, data: bytes):
    return client.post("/v3/assets", files={"file": ("junk.png", data, "image/png")})


def test_quota_of_stored_bytes_and_assets(local):
    server, client = local
    assets = server.data_dir / "files" / "assets"
    big = PNG + b"\0" * 200_000
    assert _upload(client, big).status_code == 200
    _quota(_upload(client, big), "max_stored_bytes_per_key", "file")  # 200 KB + 200 KB > 300 KB
    assert len(list(assets.iterdir())) == 1  # the refused upload stored nothing
    # the files a request carries count too: a base64 file past the quota is refused, the session not made
    body = {"prompt": "A welcome to Bean There", **FAST, "files": [{"type": "base64", "data": base64.b64encode(big).decode(), "media_type": "image/png"}]}
    _quota(client.post("/v3/video-agents", json=body), "max_stored_bytes_per_key", "files[0].data")
    assert client.get("/v3/video-agents").json()["data"] == []
    assert not (server.data_dir / "files" / "inputs").exists() or not any((server.data_dir / "files" / "inputs").iterdir())
    assert _upload(client, PNG).status_code == 200
    _quota(_upload(client, PNG), "max_assets_per_key", "file")
    assert len(list(assets.iterdir())) == 2


def test_quota_of_brand_kits_endpoints_and_open_chats(local, receiver):
    _, client = local
    assert client.post("/v3/brand-kits", data={"name": "One", "primary": "#112233"}).status_code == 200
    _quota(client.post("/v3/brand-kits", data={"name": "Two", "primary": "#112233"}), "max_brand_kits_per_key")
    assert len(client.get("/v3/brand-kits").json()["data"]) == 1
    hook = {"url": receiver.base + "/hooks/quota"}
    assert client.post("/v3/webhooks/endpoints", json=hook).status_code == 200
    _quota(client.post("/v3/webhooks/endpoints", json=hook), "max_webhook_endpoints_per_key", "url")
    chat = {"prompt": "A welcome to Bean There, a cafe", "mode": "chat", **FAST}
    made = client.post("/v3/video-agents", json=chat)
    assert made.status_code == 200, made.text
    _quota(client.post("/v3/video-agents", json=chat), "max_chat_sessions_per_key", "mode")
    # a follow-up's files count too (over the 300 KB quota by itself), and nothing of it is kept
    session_id = made.json()["data"]["session_id"]
    assert wait_draft(client, session_id)["status"] == "reviewing"
    big = base64.b64encode(PNG + b"\0" * 310_000).decode()
    _quota(client.post(f"/v3/video-agents/{session_id}", json={"message": "Use this photo", "files": [{"type": "base64", "data": big}]}),
           "max_stored_bytes_per_key", "files[0].data")
    assert client.get(f"/v3/video-agents/{session_id}").json()["data"]["status"] == "reviewing"


def test_no_auth_refuses_cross_site_posts_and_foreign_hosts(local):
    server, client = local
    ping = json.dumps([{"taskType": "ping"}])
    # what a web page may send without a preflight: text/plain, from its own origin
    refused = client.post("/v1", content=ping, headers={"content-type": "text/plain", "origin": "https://attacker.example"})
    assert refused.status_code == 403 and refused.json()["errors"][0]["code"] == "forbiddenOrigin"
    plain = client.post("/v1", content=ping, headers={"content-type": "text/plain"})
    assert plain.status_code == 415 and plain.json()["errors"][0]["code"] == "invalidContentType"
    rebound = client.post("/v1", content=ping, headers={"content-type": "application/json", "host": f"attacker.example:{server.port}"})
    assert rebound.status_code == 421
    assert_error(client.get("/v3/video-agents", headers={"host": "attacker.example"}), 421, "misdirected_request")
    ok = client.post("/v1", content=ping, headers={"content-type": "application/json", "origin": f"http://localhost:{server.port}"})
    assert ok.status_code == 200 and ok.json()["data"][0]["pong"] is True


def test_the_data_directory_is_private(local):
    server, client = local
    assert _upload(client, PNG + b"private").status_code in (200, 403)  # something written by the server now
    data = server.data_dir
    assert _mode(data) == 0o700
    for name in ("onetake.db", "url-signing.key"):
        assert _mode(data / name) == 0o600, name
    for path in (data / "files").rglob("*"):
        assert _mode(path) & 0o077 == 0, (path, oct(_mode(path)))


# ---- cases that landed earlier without a test of their own ----

def test_a_webhook_signs_its_delivery_id_and_timestamp(api, clients, receiver):
    import hashlib
    import hmac

    _, _, keys = api
    alice = clients["alice"]
    data = _failed_session(alice, receiver, callback_url=f"{receiver.base}/hooks/more-fail")
    hit = wait_until(lambda: receiver.hits("/hooks/more-fail"), 60, 0.2, "the failure webhook")[0]
    body = json.loads(hit["body"])
    assert body["event_type"] == "video_agent.fail" and body["event_data"]["video_id"] == data["video_id"]
    assert body["delivery_id"] == hit["headers"]["webhook-id"] and body["timestamp"] == int(hit["headers"]["webhook-timestamp"])
    assert hit["headers"]["signature"] == hmac.new(keys["alice"][1].encode(), hit["body"], hashlib.sha256).hexdigest()  # covers both
    alice.delete(f"/v3/video-agents/{data['session_id']}")


def test_a_chunked_multipart_upload_over_the_limit_is_refused_while_counted(clients):
    def chunks():
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n" + PNG
        for _ in range(40):
            yield b"\0" * (1024 * 1024)

    response = clients["alice"].post("/v3/assets", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert_error(response, 413, "payload_too_large")


def test_a_jpeg_logo_is_stored_as_uploaded_not_five_times_larger(clients, portrait_photo):
    alice = clients["alice"]
    jpeg = portrait_photo.read_bytes()
    made = alice.post("/v3/brand-kits", data={"name": "Jpeg logo", "primary": "#112233"}, files={"logo": ("logo.jpg", jpeg, "image/jpeg")})
    assert made.status_code == 200, made.text
    kit = made.json()["data"]
    logo = httpx.get(kit["logo_url"], timeout=30)
    assert logo.content == jpeg and logo.headers["content-type"].startswith("image/jpeg")
    assert alice.delete(f"/v3/brand-kits/{kit['brand_kit_id']}").status_code == 200


class _Drip:
    """A loopback server that sends headers, then one byte every 0.5 s (until closed)."""

    def __init__(self):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.stop = threading.Event()
        drip = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                try:
                    while not drip.stop.wait(0.5):
                        self.wfile.write(b"\0")
                        self.wfile.flush()
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.stop.set()
        self.httpd.shutdown()


def test_a_slow_file_server_is_cut_off_at_the_total_deadline():
    import time

    from onetake.service.fetch import Guard, UnsafeUrl

    drip = _Drip()
    try:
        guard = Guard((f"127.0.0.1:{drip.port}",), timeout_s=5, deadline_s=1.5)  # each byte is within the read timeout
        t0 = time.monotonic()
        with pytest.raises(UnsafeUrl, match="longer than the 1.5 s limit"):
            guard.fetch(f"http://127.0.0.1:{drip.port}/slow.png", 10_000)
        assert time.monotonic() - t0 < 4
    finally:
        drip.close()


def test_slow_dns_for_many_urls_waits_one_deadline(monkeypatch):
    import socket
    import time

    from onetake.service.fetch import Guard, UnsafeUrl

    release = threading.Event()
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: release.wait(5) and [])
    try:
        t0 = time.monotonic()
        with pytest.raises(UnsafeUrl, match="cannot resolve"):
            Guard(dns_timeout_s=0.5).check_urls([f"http://slow{i}.example/x.png" for i in range(20)])
        assert time.monotonic() - t0 < 2  # one 0.5 s budget for all twenty, not twenty of them
    finally:
        release.set()


def test_reaping_kills_a_registered_job_process_left_by_a_dead_server(tmp_path):
    import subprocess
    import sys

    import psutil

    from onetake.service.reaper import reap

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        proc = psutil.Process(child.pid)
        (tmp_path / f"job-{child.pid}").write_text(f"{child.pid} {proc.create_time()!r}\n")
        (tmp_path / "job-999999").write_text("999999 1.0\n")  # long gone: ignored, unregistered
        assert reap(tmp_path) == 1
        assert child.wait(5) is not None and not list(tmp_path.iterdir())
    finally:
        child.kill()


def test_a_slow_webhook_receiver_of_one_key_does_not_delay_another_keys(tmp_path, receiver):
    import time

    from onetake.service.db import Database
    from onetake.service.fetch import Guard
    from onetake.service.keys import create_key
    from onetake.service.models import WebhookDelivery
    from onetake.service.webhooks import Dispatcher, make_delivery

    db = Database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    slow_key, _ = create_key(db, "slow")
    fast_key, _ = create_key(db, "fast")
    import socket

    stall = socket.socket()  # a receiver that accepts connections (the kernel's backlog) and never answers
    stall.bind(("127.0.0.1", 0))
    stall.listen(8)
    port = stall.getsockname()[1]
    guard = Guard((f"127.0.0.1:{port}", f"127.0.0.1:{receiver.port}"), timeout_s=5, deadline_s=5)
    dispatcher = Dispatcher(db, guard, backoff_s=60, workers=4)
    with db.session() as s:
        for i in range(3):  # three slow ones queued first, for the slow key
            s.add(make_delivery(key_id=slow_key.id, url=f"http://127.0.0.1:{port}/hook", event_type="t", payload={"i": i}, secret="x", max_attempts=1))
        s.add(make_delivery(key_id=fast_key.id, url=f"{receiver.base}/hooks/fair-fast", event_type="t", payload={}, secret="x", max_attempts=1))
    t0 = time.monotonic()
    dispatcher.start()
    try:
        wait_until(lambda: receiver.hits("/hooks/fair-fast"), 3, 0.05, "the fast key's webhook")
        assert time.monotonic() - t0 < 3  # not behind the slow key's 5 s deadline (let alone three of them)
        with db.session() as s:
            slow = [d.status for d in s.query(WebhookDelivery).filter(WebhookDelivery.key_id == slow_key.id)]
        assert slow.count("pending") == 3  # the slow key has one in flight at a time, still waiting
    finally:
        dispatcher.stop()
        stall.close()
        db.close()


def test_a_fetch_connects_to_the_address_it_checked_not_a_second_dns_answer(monkeypatch, receiver):
    import socket

    from onetake.service.fetch import Guard

    receiver.files["/pin.png"] = (PNG, "image/png")
    real, asked = socket.getaddrinfo, []

    def rebinding(host, port, *args, **kwargs):  # the first answer passes the check; any later one points inside
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        asked.append(host)
        address = "127.0.0.1" if len(asked) == 1 else "10.255.255.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    data, _ = Guard((f"127.0.0.1:{receiver.port}",), timeout_s=3, deadline_s=5).fetch(f"http://rebind.test:{receiver.port}/pin.png", 10_000)
    assert data == PNG and asked == ["rebind.test"]  # resolved once; the connection went to the checked address


def test_a_follow_ups_file_does_not_overwrite_the_files_of_the_create(api, clients):
    server, _, _ = api
    bob = clients["bob"]
    first, second = PNG + b"first", PNG + b"second"
    made = bob.post("/v3/video-agents", json={"prompt": "A welcome to Bean There, a cafe", "mode": "chat", "incognito_mode": True, **FAST,
                                             "files": [{"type": "base64", "data": base64.b64encode(first).decode()}]})
    assert made.status_code == 200, made.text
    session_id = made.json()["data"]["session_id"]
    assert wait_draft(bob, session_id)["status"] == "reviewing"
    sent = bob.post(f"/v3/video-agents/{session_id}", json={"message": "Also use this photo", "files": [{"type": "base64", "data": base64.b64encode(second).decode()}]})
    assert sent.status_code == 200, sent.text
    wait_draft(bob, session_id)
    inputs = server.data_dir / "files" / "inputs" / session_id
    assert sorted(p.read_bytes() for p in inputs.glob("file-*")) == sorted([first, second])  # both kept, each under its own name
    bob.post(f"/v3/video-agents/{session_id}/stop")
    assert bob.delete(f"/v3/video-agents/{session_id}").status_code == 200


@pytest.mark.parametrize("field, value, code", [("ttl", 10**9, "invalidTtl"), ("seed", 2**63, "invalidSeed"), ("outputQuality", 0, "invalidOutputQuality"),
                                                ("numberResults", 0, "invalidNumberResults"), ("width", 10**6, "invalidWidth")])
def test_runware_numbers_out_of_range_name_the_parameter(clients, field, value, code):
    response = clients["alice"].post("/v1", json=_runware_video(**{field: value}))
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert (error["code"], error["parameter"]) == (code, field) and field in error["message"]


def test_runware_task_arrays_and_websocket_messages_are_capped(api, clients):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    server, _, keys = api
    response = clients["alice"].post("/v1", json=[{"taskType": "ping"}] * 51)
    assert response.status_code == 400 and response.json()["errors"][0]["code"] == "tooManyTasks"
    with connect(server.base.replace("http://", "ws://") + "/v1", additional_headers={"Authorization": f"Bearer {keys['alice'][0]}"},
                 open_timeout=10, max_size=None) as ws:
        ws.send("[" + " " * (48 * 1024 * 1024) + "]")  # over the 1-file JSON cap (~43 MB): closed before it is parsed
        with pytest.raises(ConnectionClosed):
            ws.recv(20)
        assert ws.close_code == 1009


def test_a_job_process_has_a_memory_ceiling(tmp_path):
    import subprocess
    import sys

    code = ("import os; os.environ['ONETAKE_JOB_MEMORY_MB'] = '300'\n"
            "from onetake.service.runner import _init_job_process\n"
            "_init_job_process(None, None)\n"
            "try:\n    bytearray(600 * 1024 * 1024)\nexcept MemoryError:\n    print('refused')\nelse:\n    print('allowed')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "refused", out.stderr[-2000:]
