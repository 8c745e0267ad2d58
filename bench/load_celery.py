"""Load simulation of the Celery job backend: N queued jobs drained by W local `onetake worker` processes.

Everything real and on loopback: a throwaway redis-server, `onetake serve --jobs celery`, the worker processes,
a webhook receiver. The jobs are real creates through the API, each stopped before any worker starts, so the
job each worker runs is the cheapest one the runner has: claim the row (the conditional update), settle it as
"stopped before it started", queue its `video_agent.fail` webhook, acknowledge the message. No frame is drawn:
a real 5-second render takes several seconds of CPU, and 500 of them would take most of an hour on two cores.
Every `--duplicate-every`-th job's message is also sent a second time, as a broker redelivery would.

Prints throughput (jobs per second from the first task's start to the last one's end), the queue wait
p50/p99 (from the message being sent to its task starting: the workers' own log lines), and how many jobs were
lost (not settled, or no webhook) or duplicated (settled twice, or two webhooks): both must be 0.

    .venv/bin/python bench/load_celery.py [--jobs 500] [--workers 2] [--concurrency 1] [--timeout 600]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LINE = re.compile(r"^(\S+ \S+) \S+ onetake\.worker INFO task onetake\.video (\S+) (\w+) (\d+\.\d+)s(?: wait=(\d+\.\d+)s)? -> (.*)$")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hooks:
    """Counts the webhooks the server delivers, per video."""

    def __init__(self):
        self.per_video: Counter[str] = Counter()
        lock = threading.Lock()
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                with lock:
                    hooks.per_video[body["event_data"]["video_id"]] += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise SystemExit(f"timed out after {timeout:g} s waiting for {what}")


def start(argv: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "onetake", *argv], cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered))) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2, help="worker processes (`onetake worker`)")
    parser.add_argument("--concurrency", type=int, default=1, help="pool processes per worker")
    parser.add_argument("--duplicate-every", type=int, default=10, help="send every Nth job's message twice (0: never)")
    parser.add_argument("--kill-after", type=int, default=200, help="SIGKILL worker 0 once this many jobs settled, and start another (0: never)")
    parser.add_argument("--timeout", type=float, default=600, help="the whole run's bound, in seconds")
    args = parser.parse_args()
    began = time.monotonic()
    from onetake.service.db import Database
    from onetake.service.distributed.backend import CeleryJobBackend
    from onetake.service.distributed.local_redis import throwaway_redis
    from onetake.service.keys import create_key
    from onetake.service.models import Video, WebhookDelivery

    hooks = Hooks()
    with throwaway_redis() as broker, tempfile.TemporaryDirectory(prefix="onetake-load-celery-") as tmp:
        data = Path(tmp)
        db = Database(f"sqlite:///{data / 'onetake.db'}")
        _, key = create_key(db, "load")
        # The server queues into Redis database 1, which nothing consumes: the bench itself sends every job to the workers'
        # database 0 once they are all up, through the same CeleryJobBackend.submit, so the waits measure draining a queue
        # of `--jobs` messages, not the workers' start-up.
        env = dict(os.environ, ONETAKE_DATA_DIR=str(data), ONETAKE_JOB_BACKEND="celery", ONETAKE_BROKER_URL=broker.removesuffix("/0") + "/1",
                   ONETAKE_CONCURRENCY_PER_KEY=str(args.jobs + 10), ONETAKE_ALLOW_HOSTS=hooks.url.split("/")[2], ONETAKE_WEBHOOK_BACKOFF_S="0.5",
                   # A killed worker's message comes back after this; each task here takes milliseconds.
                   ONETAKE_CELERY_VISIBILITY_TIMEOUT="5", ONETAKE_CELERY_RESTORE_INTERVAL="1", ONETAKE_CELERY_LEASE_S="2")
        port = free_port()
        server = start(["serve", "--port", str(port)], env, data / "server.log")
        workers: list[subprocess.Popen] = []
        try:
            base = f"http://127.0.0.1:{port}"

            def up():
                if server.poll() is not None:
                    raise SystemExit(f"server exited: {(data / 'server.log').read_text()[-2000:]}")
                try:
                    return httpx.get(base + "/openapi.json", timeout=2).status_code == 200
                except httpx.HTTPError:
                    return False

            wait_for(up, 60, "the server")
            client = httpx.Client(base_url=base, headers={"x-api-key": key}, timeout=30, limits=httpx.Limits(max_connections=8))
            assert client.post("/v3/webhooks/endpoints", json={"url": hooks.url}).status_code == 200

            def queue_one(i: int) -> str:
                made = client.post("/v3/video-agents", json={"prompt": f"A short welcome to shop number {i}", "duration": 5, "width": 320, "height": 180})
                assert made.status_code == 200, made.text
                assert client.post(f"/v3/video-agents/{made.json()['data']['session_id']}/stop").status_code == 200
                return made.json()["data"]["video_id"]

            with ThreadPoolExecutor(4) as pool:
                videos = list(pool.map(queue_one, range(args.jobs)))
            again = videos[:: args.duplicate_every] if args.duplicate_every else []
            for index in range(args.workers):
                workers.append(start(["worker", "--broker", broker, "--concurrency", str(args.concurrency), "--name", f"load{index}@bench"], env,
                                     data / f"worker-{index}.log"))
            for index in range(args.workers):
                log = data / f"worker-{index}.log"
                wait_for(lambda: f"worker load{index}@bench ready" in log.read_text(errors="replace"), 120, f"worker {index} to be ready")
            backend = CeleryJobBackend(db, broker)
            for video_id in videos + again:  # the duplicates: a second message for the same row, as a redelivery would be
                backend.submit(video_id)
            print(f"created and stopped {len(videos)} jobs in {time.monotonic() - began:.1f} s; {args.workers} workers x {args.concurrency} ready; "
                  f"sent {len(videos)} + {len(again)} duplicate messages")

            def unsettled() -> int:
                with db.session() as s:
                    return s.query(Video).filter(Video.status.in_(("pending", "processing"))).count()

            killed = None
            if args.kill_after:
                wait_for(lambda: len(videos) - unsettled() >= args.kill_after, args.timeout, f"{args.kill_after} jobs to settle", 0.02)
                os.killpg(workers[0].pid, signal.SIGKILL)  # mid-drain: whatever it holds is unacknowledged
                workers[0].wait(10)
                killed = len(videos) - unsettled()
                workers.append(start(["worker", "--broker", broker, "--concurrency", str(args.concurrency), "--name", "replacement@bench"], env,
                                     data / f"worker-{len(workers)}.log"))
                print(f"killed worker 0 (SIGKILL) after {killed} jobs settled; started a replacement")

            def settled():
                return unsettled() == 0

            left = args.timeout - (time.monotonic() - began)
            try:
                wait_for(settled, max(10.0, left), "every job to settle")
            except SystemExit:
                import redis

                with db.session() as s:
                    stuck = s.query(Video.id, Video.status, Video.attempts).filter(Video.status.in_(("pending", "processing"))).all()
                r = redis.Redis.from_url(broker)
                print(f"unsettled: {stuck[:10]}; broker: queue {r.llen('onetake')}, unacked {r.hlen('unacked')}, "
                      f"mutex {r.get('unacked_mutex')!r} ttl {r.ttl('unacked_mutex')}", file=sys.stderr)
                raise
            wait_for(lambda: len(hooks.per_video) >= len(videos), 60, "every webhook")
            with db.session() as s:
                statuses = Counter(s.query(Video.failure_code).filter(Video.id.in_(videos)).all())
                final = {vid for (vid,) in s.query(Video.id).filter(Video.status.in_(("completed", "failed")))}
                deliveries = Counter(vid for (vid,) in s.query(WebhookDelivery.video_id))
        finally:
            for proc in workers:
                stop(proc)
            stop(server)
        lines = []
        for index in range(len(workers)):
            for text in (data / f"worker-{index}.log").read_text(errors="replace").splitlines():
                match = LINE.match(text)
                if match:
                    lines.append(match.groups())
        db.close()

    settles = Counter(vid for _, vid, state, _, _, result in lines if result == "settled")
    first_waits = {}
    for stamp, vid, state, duration, wait, result in lines:
        if wait is not None and vid not in first_waits:
            first_waits[vid] = float(wait)
    stamps = [datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp() for stamp, *_ in lines]
    starts = [t - float(d) for t, (_, _, _, d, _, _) in zip(stamps, lines)]
    span = max(stamps) - min(starts)
    # The rows and the webhooks are the truth; a worker killed between settling a row and writing its log line
    # leaves no line for it, so the log only adds evidence of a duplicate, never of a loss.
    lost = [v for v in videos if v not in final or deliveries[v] == 0 or hooks.per_video[v] == 0]
    duplicated = [v for v in videos if deliveries[v] > 1 or hooks.per_video[v] > 1 or settles[v] > 1]
    waits = [first_waits[v] for v in videos if v in first_waits]
    print(f"tasks run {len(lines)} ({len(videos)} jobs + {len(again)} duplicate messages); outcomes {dict(Counter(r for *_, r in lines))}")
    print(f"failure codes of the rows: {dict((k[0], v) for k, v in statuses.items())}")
    print(f"throughput {len(videos) / span:.1f} jobs/s ({len(videos)} jobs in {span:.2f} s, first task start to last task end)")
    print(f"queue wait (sent -> task start) p50 {statistics.median(waits):.3f} s  p99 {percentile(waits, 0.99):.3f} s  max {max(waits):.3f} s")
    print(f"task duration p50 {statistics.median(float(d) for *_, d, _, _ in lines):.4f} s")
    print(f"lost {len(lost)}  duplicated {len(duplicated)}")
    print(f"whole run {time.monotonic() - began:.1f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 1 if lost or duplicated else 0


if __name__ == "__main__":
    raise SystemExit(main())
