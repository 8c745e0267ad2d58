"""Soak: mixed traffic from several keys for a few minutes, one of them misbehaving, and a kill -9 in the middle.

Starts its own `onetake serve` on a loopback port with a throwaway data directory and a local
helper (a file server that sends one byte every 2 s, and webhook receivers, one of them slow).
Good keys read steadily (list sessions, list videos, get a session) and create a small video now
and then, with an Idempotency-Key they retry across the crash. The noisy key sends bursts of
creates whose file URL is the slow server and whose callback is the slow receiver, floods GETs
and sends oversized bodies. At `--restart-at` of the run the server's process group is killed
with SIGKILL and started again on the same data. After the run every accepted job is waited for
(at most `--drain` s), the server stopped and the database read directly.

Prints requests served and p50/p99 latency per key, peak RSS of the API process (and of its
whole process tree, renders included), jobs accepted, lost (an accepted job whose session is not
stored or never finished) and duplicated (two sessions for one Idempotency-Key, or a video whose
completion webhook came with two delivery ids).

    .venv/bin/python bench/soak.py [--duration 180] [--restart-at 0.5] [--drain 300]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.load_create import free_port  # noqa: E402

GOOD = ("key-a", "key-b", "key-c")
NOISY = "noisy"
FAST = {"duration": 5, "width": 320, "height": 180}


class Helper:
    """The slow file server and the webhook receivers, on one loopback port."""

    def __init__(self):
        self.hooks: list[dict] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        helper = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # /slow.png: a PNG that arrives one byte every 2 s
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                try:
                    self.wfile.write(b"\x89PNG\r\n\x1a\n")
                    while not helper.stop.wait(2):
                        self.wfile.write(b"\0")
                        self.wfile.flush()
                except OSError:
                    pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/hook/slow"):
                    helper.stop.wait(20)  # a receiver that takes 20 s to answer
                try:
                    payload = json.loads(body)
                except ValueError:
                    payload = {}
                with helper.lock:
                    helper.hooks.append({"path": self.path, "delivery_id": payload.get("delivery_id"), "event": payload.get("event_type"),
                                         "video_id": (payload.get("event_data") or {}).get("video_id")})
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


class Server:
    def __init__(self, data_dir: Path, allow: str):
        self.data_dir, self.port = data_dir, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, ONETAKE_DATA_DIR=str(data_dir), ONETAKE_ALLOW_HOSTS=allow, ONETAKE_CONCURRENCY_PER_KEY="3", ONETAKE_RENDER_WORKERS="1",
                        ONETAKE_FETCH_DEADLINE_S="8", ONETAKE_WEBHOOK_BACKOFF_S="1")
        self.proc: subprocess.Popen | None = None
        self.peak_api_kb = self.peak_tree_kb = 0
        self._sampling = threading.Event()

    def start(self) -> float:
        t0 = time.monotonic()
        log = (self.data_dir / "server.log").open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "onetake", "serve", "--host", "127.0.0.1", "--port", str(self.port)], cwd=ROOT, env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        while time.monotonic() - t0 < 90:
            if self.proc.poll() is not None:
                raise SystemExit(f"server exited: {(self.data_dir / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(self.base + "/openapi.json", timeout=2).status_code == 200:
                    return time.monotonic() - t0
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise SystemExit("server did not start within 90 s")

    def kill9(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)  # the server and its job and render processes, as a crash would
        self.proc.wait(10)

    def stop(self) -> None:
        self._sampling.set()
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def sample_rss(self) -> None:
        while not self._sampling.wait(0.5):
            proc = self.proc
            if proc is None or proc.poll() is not None:
                continue
            api = _rss_kb(proc.pid)
            tree = sum(_rss_kb(pid) for pid in _group(proc.pid))
            self.peak_api_kb, self.peak_tree_kb = max(self.peak_api_kb, api), max(self.peak_tree_kb, tree)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _group(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


class Traffic:
    def __init__(self, base: str, keys: dict[str, str], helper: Helper, until: float):
        self.base, self.keys, self.helper, self.until = base, keys, helper, until
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.unavailable: Counter = Counter()  # connection refused or reset: the crash window
        self.accepted: dict[str, tuple[str, str]] = {}  # Idempotency-Key -> (key name, session id)
        self.lock = threading.Lock()

    def call(self, name: str, client: httpx.Client, method: str, path: str, **kw) -> httpx.Response | None:
        t0 = time.perf_counter()
        try:
            r = client.request(method, path, **kw)
        except httpx.TransportError:
            with self.lock:
                self.unavailable[name] += 1
            time.sleep(0.2)
            return None
        with self.lock:
            self.latency[name].append(time.perf_counter() - t0)
            self.statuses[name][r.status_code] += 1
        return r

    def client(self, name: str) -> httpx.Client:
        return httpx.Client(base_url=self.base, headers={"x-api-key": self.keys[name]}, timeout=60)

    def reader(self, name: str) -> None:
        with self.client(name) as c:
            while time.monotonic() < self.until:
                r = self.call(name, c, "GET", "/v3/video-agents", params={"limit": 20})
                self.call(name, c, "GET", "/v3/videos", params={"limit": 20})
                if r is not None and r.status_code == 200 and r.json()["data"]:
                    self.call(name, c, "GET", f"/v3/video-agents/{r.json()['data'][0]['session_id']}")
                time.sleep(0.05)

    def create(self, name: str, c: httpx.Client, body: dict, give_up: float) -> None:
        """One create, retried with its Idempotency-Key through 429s, 5xx and the crash until answered or `give_up`."""
        idem = f"{name}-{uuid.uuid4().hex[:10]}"
        body = {**body, "callback_id": idem}
        while time.monotonic() < give_up:
            r = self.call(name, c, "POST", "/v3/video-agents", json=body, headers={"Idempotency-Key": idem})
            if r is None or r.status_code >= 500 or r.status_code == 409:
                continue
            if r.status_code == 429:
                time.sleep(min(float(r.headers.get("retry-after", 5)), max(0.0, give_up - time.monotonic())))
                continue
            if r.status_code == 200:
                with self.lock:
                    self.accepted[idem] = (name, r.json()["data"]["session_id"])
            return

    def creator(self, name: str, every_s: float) -> None:
        with self.client(name) as c:
            while time.monotonic() < self.until:
                self.create(name, c, {"prompt": f"A short welcome to {name}'s shop", **FAST, "callback_url": f"{self.helper.base}/hook/{name}"}, self.until)
                time.sleep(every_s)

    def noisy(self) -> None:
        """Bursts of creates with a slow file URL and a slow webhook receiver, a GET flood, oversized bodies."""
        slow = {"prompt": "A welcome to the noisy shop", **FAST, "files": [{"type": "url", "url": f"{self.helper.base}/slow.png"}],
                "callback_url": f"{self.helper.base}/hook/slow"}
        clients = [self.client(NOISY) for _ in range(10)]

        def flood():
            oversized, last = b'{"url": "' + b"x" * (2 * 1024 * 1024) + b'"}', 0.0  # over the 1 MiB limit of small JSON routes: a 413
            while time.monotonic() < self.until:
                self.call(NOISY, clients[0], "GET", "/v3/videos", params={"limit": 100})
                if time.monotonic() - last > 2:
                    last = time.monotonic()
                    self.call(NOISY, clients[0], "POST", "/v3/webhooks/endpoints", content=oversized, headers={"content-type": "application/json"})

        threading.Thread(target=flood, daemon=True).start()
        with ThreadPoolExecutor(10) as pool:
            while time.monotonic() < self.until:
                list(pool.map(lambda c: self.create(NOISY, c, slow, time.monotonic() + 2), clients))  # a burst; refused ones are not retried long
                time.sleep(5)


def p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * len(values))) - 1))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=180, help="seconds of traffic")
    parser.add_argument("--restart-at", type=float, default=0.5, help="when to kill -9 and restart, as a fraction of the run")
    parser.add_argument("--create-every", type=float, default=20, help="seconds between a good key's creates")
    parser.add_argument("--drain", type=float, default=300, help="at most this long waiting for accepted jobs to finish")
    args = parser.parse_args()
    helper = Helper()
    with tempfile.TemporaryDirectory(prefix="onetake-soak-") as tmp:
        data_dir = Path(tmp)
        from onetake.service.db import Database
        from onetake.service.keys import create_key

        db = Database(f"sqlite:///{data_dir / 'onetake.db'}")
        keys = {name: create_key(db, name)[1] for name in (*GOOD, NOISY)}
        db.close()
        server = Server(data_dir, helper.base.removeprefix("http://"))
        server.start()
        threading.Thread(target=server.sample_rss, daemon=True).start()
        t_start = time.monotonic()
        traffic = Traffic(server.base, keys, helper, t_start + args.duration)
        threads = [threading.Thread(target=traffic.reader, args=(n,), daemon=True) for n in GOOD]
        threads += [threading.Thread(target=traffic.creator, args=(n, args.create_every), daemon=True) for n in GOOD]
        threads += [threading.Thread(target=traffic.noisy, daemon=True)]
        for t in threads:
            t.start()
        time.sleep(args.duration * args.restart_at)
        server.kill9()
        killed_at = time.monotonic() - t_start
        downtime = server.start()
        for t in threads:
            t.join(args.duration + 120)
        helper.stop.set()  # the slow parties let go
        drained = _drain(server.base, keys, traffic, args.drain)
        server.stop()
        figures = _tally(data_dir, traffic, helper)
    print(f"soak: {args.duration:.0f} s of traffic, kill -9 at {killed_at:.0f} s, back up after {downtime:.1f} s; drain {'complete' if drained else 'TIMED OUT'}")
    print(f"machine: {os.cpu_count()} cores, load average (1 min) {os.getloadavg()[0]:.1f}")
    for name in (*GOOD, NOISY):
        lat, st = traffic.latency[name], traffic.statuses[name]
        codes = " ".join(f"{k}:{v}" for k, v in sorted(st.items()))
        print(f"  {name:6} served {len(lat):6}  p50 {p(lat, 0.5):7.1f} ms  p99 {p(lat, 0.99):7.1f} ms  unavailable {traffic.unavailable[name]:4}  [{codes}]")
    print(f"requests served: {sum(len(v) for v in traffic.latency.values())}")
    print(f"peak RSS: API process {server.peak_api_kb / 1024:.0f} MB, whole process tree {server.peak_tree_kb / 1024:.0f} MB")
    print(f"jobs: accepted {figures['accepted']} (good keys {figures['accepted_good']}), finished {figures['finished']}, "
          f"lost {figures['lost']}, duplicated {figures['duplicated']}; completion webhooks duplicated {figures['webhook_dups']}")
    for line in figures["notes"]:
        print("  " + line)
    return 1 if figures["lost"] or figures["duplicated"] else 0


def _drain(base: str, keys: dict[str, str], traffic: Traffic, limit_s: float) -> bool:
    """Wait until every accepted session is final (completed or failed)."""
    deadline = time.monotonic() + limit_s
    pending = dict(traffic.accepted)
    while pending and time.monotonic() < deadline:
        for idem, (name, session_id) in list(pending.items()):
            try:
                r = httpx.get(f"{base}/v3/video-agents/{session_id}", headers={"x-api-key": keys[name]}, timeout=30)
            except httpx.HTTPError:
                continue
            if r.status_code == 200 and r.json()["data"]["status"] in ("completed", "failed"):
                pending.pop(idem)
        time.sleep(1)
    return not pending


def _tally(data_dir: Path, traffic: Traffic, helper: Helper) -> dict:
    from sqlalchemy import select

    from onetake.service.db import Database
    from onetake.service.models import Session, Video

    db = Database(f"sqlite:///{data_dir / 'onetake.db'}", run_migrations=False)
    with db.session() as s:
        sessions = list(s.scalars(select(Session)))
        videos = {v.session_id: v for v in s.scalars(select(Video))}
    db.close()
    by_callback = Counter(x.callback_id for x in sessions if x.callback_id)
    stored = {x.id: x for x in sessions}
    lost, notes = 0, []
    for idem, (name, session_id) in traffic.accepted.items():
        session = stored.get(session_id)
        video = videos.get(session_id)
        if session is None or video is None or video.status not in ("completed", "failed"):
            lost += 1
            notes.append(f"lost: {idem} -> {session_id} ({'not stored' if session is None else video.status if video else 'no video'})")
    duplicated = sum(n - 1 for n in by_callback.values() if n > 1)
    if duplicated:
        notes += [f"duplicated: {cb} made {n} sessions" for cb, n in by_callback.items() if n > 1]
    done = defaultdict(set)
    for hook in helper.hooks:
        if (hook["event"] or "").startswith("video_agent."):  # one final event per video: success or fail
            done[hook["video_id"]].add(hook["delivery_id"])
    failures = Counter(v.failure_code for v in videos.values() if v.status == "failed")
    notes.append(f"video outcomes: {dict(Counter(v.status for v in videos.values()))}; failure codes {dict(failures)}; "
                 f"final webhooks received for {len(done)} videos")
    return {"accepted": len(traffic.accepted), "accepted_good": sum(1 for n, _ in traffic.accepted.values() if n != NOISY),
            "finished": sum(1 for v in videos.values() if v.status in ("completed", "failed")), "lost": lost, "duplicated": duplicated,
            "webhook_dups": sum(1 for ids in done.values() if len(ids) > 1), "notes": notes}


if __name__ == "__main__":
    raise SystemExit(main())
