"""Load check of POST /v3/video-agents: N concurrent creates at one API key with a concurrency limit.

Starts its own `onetake serve` on a loopback port with a throwaway data directory, fires the
requests at once (bounded: N requests, one burst, a time limit), then checks that every request
got 200 or 429, that each 200 names a session stored exactly once, that the stored sessions are
exactly those, and that no more were admitted than the limit. Accepted jobs are stopped so the
bench does not render. Prints p50/p99 latency and the status counts.

    .venv/bin/python bench/load_create.py [--requests 200] [--limit 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, limit: int) -> tuple[subprocess.Popen, str, str]:
    from onetake.service.db import Database
    from onetake.service.keys import create_key

    db = Database(f"sqlite:///{data_dir / 'onetake.db'}")
    _, key = create_key(db, "bench")
    db.close()
    port = free_port()
    env = dict(os.environ, ONETAKE_DATA_DIR=str(data_dir), ONETAKE_CONCURRENCY_PER_KEY=str(limit))
    log = (data_dir / "server.log").open("ab")
    proc = subprocess.Popen([sys.executable, "-m", "onetake", "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {(data_dir / 'server.log').read_text()[-2000:]}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return proc, base, key
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("server did not start within 60 s")


async def burst(base: str, key: str, n: int, timeout: float) -> list[tuple[int, float, dict | None, int]]:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=base, headers={"x-api-key": key}, limits=limits, timeout=timeout) as client:
        start = asyncio.Event()

        async def one(i: int):
            await start.wait()
            t0 = time.perf_counter()
            r = await client.post("/v3/video-agents", json={"prompt": f"A short welcome to shop number {i}", "callback_id": f"req-{i}", "duration": 5,
                                                            "width": 320, "height": 180}, headers={"Idempotency-Key": f"bench-{i}"})
            return r.status_code, time.perf_counter() - t0, r.json(), i

        tasks = [asyncio.create_task(one(i)) for i in range(n)]
        await asyncio.sleep(0.1)
        start.set()
        return await asyncio.wait_for(asyncio.gather(*tasks), timeout)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--limit", type=int, default=5, help="the key's concurrency limit")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="onetake-bench-") as tmp:
        proc, base, key = start_server(Path(tmp), args.limit)
        try:
            results = asyncio.run(burst(base, key, args.requests, args.timeout))
            client = httpx.Client(base_url=base, headers={"x-api-key": key}, timeout=30)
            accepted = [body["data"]["session_id"] for code, _, body, _ in results if code == 200]
            for session_id in accepted:  # do not render: stop every accepted job
                client.post(f"/v3/video-agents/{session_id}/stop")
            stored, token = [], None
            while True:
                page = client.get("/v3/video-agents", params={"limit": 100, **({"token": token} if token else {})}).json()
                stored += [s["session_id"] for s in page["data"]]
                token = page["next_token"]
                if not page["has_more"]:
                    break
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    codes = Counter(code for code, *_ in results)
    latencies = sorted(lat * 1000 for _, lat, _, _ in results)
    p99 = latencies[min(len(latencies) - 1, int(round(0.99 * len(latencies))) - 1)]
    retry_after_ok = all(body["error"]["code"] == "rate_limit_exceeded" for code, _, body, _ in results if code == 429)
    problems = []
    if set(codes) - {200, 429}:
        problems.append(f"unexpected statuses: {dict(codes)}")
    if len(accepted) != len(set(accepted)):
        problems.append("a session id was returned twice")
    if sorted(stored) != sorted(accepted):
        problems.append(f"stored sessions ({len(stored)}) differ from the 200 answers ({len(accepted)})")
    if len(accepted) > args.limit:
        problems.append(f"{len(accepted)} admitted, over the limit of {args.limit}")
    if not retry_after_ok:
        problems.append("a 429 without the rate_limit_exceeded envelope")
    print(f"machine load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (latency here is mostly CPU contention)")
    print(f"requests {len(results)}  200: {codes.get(200, 0)}  429: {codes.get(429, 0)}  other: {sum(v for k, v in codes.items() if k not in (200, 429))}")
    print(f"POST /v3/video-agents latency ms: p50 {statistics.median(latencies):.1f}  p99 {p99:.1f}  max {latencies[-1]:.1f}")
    print(f"stored sessions {len(stored)} == accepted {len(accepted)}; none lost, none duplicated" if not problems else "PROBLEMS: " + "; ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
