"""A real `onetake serve` (uvicorn in a subprocess on a loopback port) and a local receiver for files and webhooks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.service.s3_server import monkeypatch_session_env, s3_server, s3rver_server  # noqa: F401 (fixtures: one of each per run)

ROOT = Path(__file__).resolve().parents[2]
FAST = {"duration": 5, "width": 320, "height": 180}  # keeps each real render to a few seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Receiver:
    """Serves registered files and records every POST/PUT (webhooks, uploads); answers can be scripted per path."""

    def __init__(self):
        self.files: dict[str, tuple[bytes, str]] = {}
        self.received: list[dict] = []
        self.script: dict[str, list[int]] = {}  # path -> status codes to answer in turn (then 200)
        self.hold: dict[str, threading.Event] = {}  # path -> a GET waits for the event (at most 60 s): a slow file server
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                if path in receiver.hold:
                    receiver.hold[path].wait(60)
                if path.startswith("/redirect/"):
                    self.send_response(302)
                    self.send_header("Location", "http://" + path.removeprefix("/redirect/"))
                    self.end_headers()
                    return
                if path not in receiver.files:
                    self.send_response(404)
                    self.end_headers()
                    return
                data, mime = receiver.files[path]
                self.send_response(200)
                self.send_header("Content-Type", mime)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _record(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                path = self.path.split("?")[0]
                with receiver.lock:
                    queue = receiver.script.get(path) or []
                    code = queue.pop(0) if queue else 200
                    receiver.received.append({"method": self.command, "path": path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body, "status": code})
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = _record
            do_PUT = _record

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def hits(self, path: str, method: str = "POST") -> list[dict]:
        with self.lock:
            return [r for r in self.received if r["path"] == path and r["method"] == method]

    def json_hits(self, path: str) -> list[dict]:
        return [json.loads(r["body"]) for r in self.hits(path)]

    def close(self):
        self.httpd.shutdown()


class Server:
    """`python -m onetake serve` as a child process; kill() is a real crash (SIGKILL), start() a restart on the same data."""

    def __init__(self, data_dir: Path, allow: list[str], extra_env: dict | None = None):
        self.data_dir, self.allow, self.extra_env = data_dir, allow, extra_env or {}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = data_dir / "server.log"

    def start(self) -> None:
        env = dict(os.environ, ONETAKE_DATA_DIR=str(self.data_dir), ONETAKE_ALLOW_HOSTS=",".join(self.allow), ONETAKE_RENDER_WORKERS="2",
                   ONETAKE_WEBHOOK_BACKOFF_S="0.2", **self.extra_env)
        self.proc = subprocess.Popen([sys.executable, "-m", "onetake", "serve", "--port", str(self.port)], cwd=ROOT, env=env,
                                     stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)

        def up():
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode}: {self.log.read_text()[-3000:]}")
            try:
                return httpx.get(self.base + "/openapi.json", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(up, 60, what="the server to answer")

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the server and its render processes
        except ProcessLookupError:
            pass
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


def make_keys(data_dir: Path, names: list[str]) -> dict[str, tuple[str, str]]:
    """name -> (api key, webhook secret), created through the same code `onetake keys create` runs."""
    from onetake.service.db import Database
    from onetake.service.keys import create_key

    db = Database(f"sqlite:///{data_dir / 'onetake.db'}")
    out = {}
    for name in names:
        row, plaintext = create_key(db, name)
        out[name] = (plaintext, row.webhook_secret)
    db.close()
    return out


@pytest.fixture(scope="session")
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture(scope="session")
def server_env(tmp_path_factory, receiver):
    """One server for the whole service suite: keys A and B, the receiver allow-listed (and nothing else private)."""
    data_dir = tmp_path_factory.mktemp("service-data")
    keys = make_keys(data_dir, ["alice", "bob", "carol"])  # carol: chat and memory tests, whose memory must not reach the others
    server = Server(data_dir, allow=[f"127.0.0.1:{receiver.port}"], extra_env={"ONETAKE_CONCURRENCY_PER_KEY": "3"})
    server.start()
    yield server, keys
    server.stop()


@pytest.fixture(scope="session")
def api(server_env):
    server, keys = server_env
    return server, {name: httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=30) for name, (key, _) in keys.items()}, keys


def poll_session(client: httpx.Client, session_id: str, timeout: float = 240) -> dict:
    def done():
        data = client.get(f"/v3/video-agents/{session_id}").json()["data"]
        return data if data["status"] in ("completed", "failed") else None

    return wait_until(done, timeout, 0.5, f"session {session_id}")


def wait_draft(client: httpx.Client, session_id: str, timeout: float = 120) -> dict:
    """A chat session once its draft is planned (in a job process): reviewing, or failed with the reason."""
    def planned():
        data = client.get(f"/v3/video-agents/{session_id}").json()["data"]
        return data if data["status"] != "thinking" else None

    return wait_until(planned, timeout, 0.2, f"the draft of {session_id}")


@pytest.fixture(scope="session")
def finished(api):
    """One completed v3 session (kept, for contract checks); the flow test makes and deletes its own."""
    _, clients, _ = api
    alice = clients["alice"]
    created = alice.post("/v3/video-agents", json={"prompt": "A quick hello from Bloom Yoga, a neighbourhood studio. Book at bloomyoga.studio", **FAST})
    assert created.status_code == 200, created.text
    data = created.json()["data"]
    session = poll_session(alice, data["session_id"])
    assert session["status"] == "completed", session
    return {"create": created.json(), "session": session, "video_id": data["video_id"], "session_id": data["session_id"]}
