"""A server killed (SIGKILL) mid-render and started again on the same data finishes every accepted job.
The same server checks the per-key concurrency limit (429 + Retry-After) and Idempotency-Key replay."""

from __future__ import annotations

import os
import signal

import httpx
import pytest

from tests.service.conftest import Server, make_keys, poll_session, wait_until
from tests.service.test_contract import assert_error

BRIEF = {"prompt": "A short tour of Harbor Bikes, a bicycle repair shop with same-day fixes. Visit harborbikes.shop", "duration": 6, "width": 320, "height": 180}


@pytest.fixture(scope="module")
def crashable(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("durable-data")
    keys = make_keys(data_dir, ["carol"])
    server = Server(data_dir, allow=[], extra_env={"ONETAKE_CONCURRENCY_PER_KEY": "2"})
    server.start()
    yield server, keys["carol"][0]
    server.stop()


def test_limit_idempotency_and_restart(crashable):
    server, key = crashable
    client = httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=30)
    first = client.post("/v3/video-agents", json=BRIEF, headers={"Idempotency-Key": "order-1"})
    assert first.status_code == 200, first.text
    replay = client.post("/v3/video-agents", json=BRIEF, headers={"Idempotency-Key": "order-1"})
    assert replay.status_code == 200 and replay.json() == first.json() and replay.headers.get("idempotent-replayed") == "true"
    assert_error(client.post("/v3/video-agents", json={**BRIEF, "prompt": "something else"}, headers={"Idempotency-Key": "order-1"}), 422, "idempotency_key_reused")
    second = client.post("/v3/video-agents", json={**BRIEF, "seed": 7})
    assert second.status_code == 200
    limited = client.post("/v3/video-agents", json={**BRIEF, "seed": 8})
    assert_error(limited, 429, "rate_limit_exceeded")
    assert int(limited.headers["retry-after"]) > 0
    assert len(client.get("/v3/video-agents").json()["data"]) == 2  # the replay and the 429 stored nothing

    a, b = first.json()["data"], second.json()["data"]
    wait_until(lambda: client.get(f"/v3/video-agents/{a['session_id']}").json()["data"]["progress"] >= 25, 120, 0.1, "the render to be under way")
    import psutil

    job = next(c for c in psutil.Process(server.proc.pid).children() if c.children())
    os.kill(server.proc.pid, signal.SIGKILL)  # the server alone, as a crash would
    server.proc.wait(10)
    # The job process dies with it (no orphan keeps writing the files the restart renders again).
    wait_until(lambda: not job.is_running() or job.status() == psutil.STATUS_ZOMBIE, 20, 0.1, "the job process to exit")
    server.kill()  # whatever render workers are still finishing a segment
    with pytest.raises(httpx.HTTPError):
        client.get("/v3/videos", timeout=2)

    server.start()
    assert "resuming 2 interrupted or queued videos" in server.log.read_text()  # both were still unfinished when killed
    for data in (a, b):
        session = poll_session(client, data["session_id"], 300)
        assert session["status"] == "completed", session
        video = client.get(f"/v3/videos/{data['video_id']}").json()["data"]
        assert video["status"] == "completed" and video["duration"] >= 5
        assert httpx.get(video["video_url"], timeout=30).status_code == 200
    # Exactly the two accepted videos, each once.
    assert sorted(v["id"] for v in client.get("/v3/videos").json()["data"]) == sorted([a["video_id"], b["video_id"]])
    # After the restart the idempotent replay still answers with the first response.
    assert client.post("/v3/video-agents", json=BRIEF, headers={"Idempotency-Key": "order-1"}).json() == first.json()


def test_request_in_progress_while_the_first_runs(tmp_path):
    """A second request with the same Idempotency-Key while the first is still running gets 409 request_in_progress."""
    from onetake.service.db import Database
    from onetake.service.errors import ApiError
    from onetake.service.limits import Idempotency

    idem = Idempotency(Database(f"sqlite:///{tmp_path / 'i.db'}"), ttl_s=3600)
    assert idem.begin("key_a", "k1", "POST /v3/video-agents", "h1") is None  # the first: goes ahead
    with pytest.raises(ApiError) as exc:
        idem.begin("key_a", "k1", "POST /v3/video-agents", "h1")
    assert (exc.value.status, exc.value.code) == (409, "request_in_progress")
    assert idem.begin("key_b", "k1", "POST /v3/video-agents", "h1") is None  # keys are per API key
    idem.finish("key_a", "k1", 200, {"data": {"session_id": "s1"}})
    replay = idem.begin("key_a", "k1", "POST /v3/video-agents", "h1")
    assert replay.status_code == 200 and b"s1" in replay.body


def test_a_crashed_render_fails_only_its_own_video(crashable):
    """SIGKILL the process rendering one video: that video fails with render_crashed, the server and the next video carry on."""
    import os
    import signal

    import psutil

    server, key = crashable
    client = httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=30)
    doomed = client.post("/v3/video-agents", json={**BRIEF, "seed": 21}).json()["data"]
    survivor = client.post("/v3/video-agents", json={**BRIEF, "seed": 22, "duration": 5}).json()["data"]
    wait_until(lambda: client.get(f"/v3/video-agents/{doomed['session_id']}").json()["data"]["progress"] >= 25, 120, 0.1, "the render to be under way")

    def job_process():
        return next((c for c in psutil.Process(server.proc.pid).children() if c.children()), None)  # the child that has render workers

    os.kill(wait_until(job_process, 10, what="the job process").pid, signal.SIGKILL)
    failed = poll_session(client, doomed["session_id"], 120)
    assert failed["status"] == "failed"
    video = client.get(f"/v3/videos/{doomed['video_id']}").json()["data"]
    assert video["failure_code"] == "render_crashed" and video["failure_message"]
    done = poll_session(client, survivor["session_id"], 300)
    assert done["status"] == "completed"
    assert server.proc.poll() is None  # the server itself never went down
