"""The Celery job backend with its real parts: a redis-server on a loopback port, `onetake serve --jobs celery`
and `onetake worker` processes, the HeyGen v3 API over HTTP.

Two workers share one video's segments; a worker killed with SIGKILL mid-segment loses nothing (its message is
restored once the broker's visibility timeout, short here, passes) and the video completes once, with one
webhook; jobs queued while the server restarts are rendered; a stop reaches a worker; and the result is the same,
frame for frame, as the local backend's.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.service.test_postgres import pg_url  # noqa: F401  (the throwaway PostgreSQL fixture)
from tests.service.conftest import FAST, ROOT, Server, make_keys, poll_session, wait_draft, wait_until

REDIS_SERVER = shutil.which("redis-server")
PROMPT = "A quick hello from Quill Tea, a corner tea room with oolong flights. Book at quilltea.shop"
SAME = {"prompt": PROMPT, "seed": 7, "incognito_mode": True, **FAST}  # no memory between runs: every render of it is the same video
# Short enough that a killed worker's message comes back within seconds, longer than any task here takes.
VISIBILITY_S = 8
WORKER_ENV = {"ONETAKE_CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_S), "ONETAKE_CELERY_RESTORE_INTERVAL": "1", "ONETAKE_CELERY_LEASE_S": "2",
              "ONETAKE_RENDER_WORKERS": "2"}


@pytest.fixture(scope="module")
def redis_url():
    """A throwaway redis-server (Debian's package, installed by scripts/setup.sh) on a free loopback port, no persistence."""
    from onetake.service.distributed.local_redis import throwaway_redis

    assert REDIS_SERVER, "redis-server is not installed (scripts/setup.sh installs the Debian package)"
    with throwaway_redis() as url:
        yield url


class Worker:
    """`python -m onetake worker` as a child process group; kill() is SIGKILL to all of it."""

    def __init__(self, data_dir: Path, broker: str, name: str, extra_env: dict | None = None):
        self.data_dir, self.broker, self.name, self.extra_env = data_dir, broker, name, extra_env or {}
        self.log = data_dir / f"worker-{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> Worker:
        env = dict(os.environ, ONETAKE_DATA_DIR=str(self.data_dir), **WORKER_ENV, **self.extra_env)
        self.proc = subprocess.Popen([sys.executable, "-m", "onetake", "worker", "--broker", self.broker, "--concurrency", "1", "--name", f"{self.name}@test"],
                                     cwd=ROOT, env=env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)

        def ready():
            if self.proc.poll() is not None:
                raise AssertionError(f"worker {self.name} exited with {self.proc.returncode}: {self.text()[-3000:]}")
            return f"worker {self.name}@test ready" in self.text()

        wait_until(ready, 60, 0.1, f"worker {self.name} to be ready")
        return self

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def tasks(self, task: str, video_id: str) -> list[str]:
        """This worker's log lines for `task` on the video: one per task it ran (tasks.py logs them)."""
        return [line for line in self.text().splitlines() if f"task {task} {video_id}" in line]

    def finished(self, task: str, video_id: str, outcome: str) -> list[str]:
        """Its lines for `task` on the video ending `-> outcome`, once there is one (the line follows the commit the API already shows)."""
        wait_until(lambda: [line for line in self.tasks(task, video_id) if line.endswith(f"-> {outcome}")], 20, 0.05, f"{self.name}'s {task} line")
        return [line for line in self.tasks(task, video_id) if line.endswith(f"-> {outcome}")]

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the worker and its pool processes, mid-task: nothing is acknowledged
        except ProcessLookupError:
            pass
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # Celery's warm shutdown: finish the task in hand
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url, receiver):
    """One API server on the Celery backend (its own data dir and SQLite database, which the workers share)."""
    data_dir = tmp_path_factory.mktemp("celery-data")
    keys = make_keys(data_dir, ["dana"])
    server = Server(data_dir, allow=[f"127.0.0.1:{receiver.port}"], extra_env={"ONETAKE_JOB_BACKEND": "celery", "ONETAKE_BROKER_URL": redis_url,
                                                                          "ONETAKE_CELERY_RESEND_S": "3"})
    server.start()
    workers: list[Worker] = []

    def worker(name: str) -> Worker:
        workers.append(Worker(data_dir, redis_url, name).start())
        return workers[-1]

    client = httpx.Client(base_url=server.base, headers={"x-api-key": keys["dana"][0]}, timeout=30)
    yield {"server": server, "client": client, "worker": worker, "data_dir": data_dir, "workers": workers, "broker": redis_url}
    for w in workers:
        w.stop()
    server.stop()


RENDERED: dict[str, Path] = {}  # which backend -> the video file it made of SAME


def _create(client: httpx.Client, receiver, hook: str) -> dict:
    made = client.post("/v3/video-agents", json={**SAME, "callback_url": f"{receiver.base}/hooks/{hook}"})
    assert made.status_code == 200, made.text
    return made.json()["data"]


def _video_file(data_dir: Path, client: httpx.Client, video_id: str) -> Path:
    from onetake.service.db import Database
    from onetake.service.models import Video

    db = Database(f"sqlite:///{data_dir / 'onetake.db'}", run_migrations=False)
    with db.session() as s:
        relative = s.get(Video, video_id).files["video"]
    db.close()
    return data_dir / "files" / relative


def _deliveries(data_dir: Path, video_id: str) -> list[str]:
    """Every webhook event queued for the video (the delivery rows, which the server then sends)."""
    from sqlalchemy import select

    from onetake.service.db import Database
    from onetake.service.models import WebhookDelivery

    db = Database(f"sqlite:///{data_dir / 'onetake.db'}", run_migrations=False)
    with db.session() as s:
        events = list(s.scalars(select(WebhookDelivery.event_type).where(WebhookDelivery.video_id == video_id)))
    db.close()
    return events


def frame_digests(path: Path) -> list[str]:
    """The decoded pictures, one digest each: equal lists are the same video frame for frame."""
    import av

    with av.open(str(path)) as container:
        return [hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest() for frame in container.decode(video=0)]


def test_two_workers_share_one_video_and_it_completes_once(cluster, receiver):
    a, b = cluster["worker"]("a"), cluster["worker"]("b")
    client = cluster["client"]
    data = _create(client, receiver, "celery-two")
    session = poll_session(client, data["session_id"], 180)
    assert session["status"] == "completed" and session["progress"] == 100, session
    video_id = data["video_id"]
    # Both workers drew segments of this one video, and one of them joined it.
    wait_until(lambda: a.tasks("onetake.segment", video_id) and b.tasks("onetake.segment", video_id), 20, 0.05, "segment lines from both workers")
    wait_until(lambda: [line for line in a.tasks("onetake.join", video_id) + b.tasks("onetake.join", video_id) if line.endswith("-> completed")], 20, 0.05,
               "the join's line")
    joins = [line for line in a.tasks("onetake.join", video_id) + b.tasks("onetake.join", video_id) if line.endswith("-> completed")]
    assert len(joins) == 1, joins
    assert re.search(r"task onetake\.segment \S+ \d+ SUCCESS \d+\.\d{3}s", a.tasks("onetake.segment", video_id)[0])  # one line per task, with its duration
    assert _deliveries(cluster["data_dir"], video_id) == ["video_agent.success"]
    wait_until(lambda: receiver.json_hits("/hooks/celery-two"), 30, 0.1, "the success webhook")
    assert [hit["event_type"] for hit in receiver.json_hits("/hooks/celery-two")] == ["video_agent.success"]
    RENDERED["two workers"] = _video_file(cluster["data_dir"], client, video_id)
    for w in (a, b):
        w.stop()


def test_a_worker_killed_mid_segment_loses_nothing_and_the_video_completes_once(cluster, receiver):
    client, data_dir = cluster["client"], cluster["data_dir"]
    doomed = cluster["worker"]("doomed")
    data = _create(client, receiver, "celery-kill")
    video_id, session_id = data["video_id"], data["session_id"]
    cache = data_dir / "files" / "inputs" / session_id / "cache" / "segments"
    # A segment file being written (its temporary name) is the moment to kill: the worker is mid-draw.
    wait_until(lambda: list(cache.glob(".tmp-*")), 120, 0.05, "the worker to start drawing a segment")
    doomed.kill()
    assert client.get(f"/v3/video-agents/{session_id}").json()["data"]["status"] != "completed"
    progress = client.get(f"/v3/video-agents/{session_id}").json()["data"]["progress"]
    assert 0 < progress < 100  # what the dead worker reported is served by the API
    rescuer = cluster["worker"]("rescuer")
    session = poll_session(client, session_id, 120 + VISIBILITY_S)
    assert session["status"] == "completed", session
    wait_until(lambda: rescuer.tasks("onetake.segment", video_id), 20, 0.05, "the killed segment, redelivered to the other worker")
    assert _deliveries(data_dir, video_id) == ["video_agent.success"]
    wait_until(lambda: receiver.json_hits("/hooks/celery-kill"), 30, 0.1, "the success webhook")
    assert [hit["event_type"] for hit in receiver.json_hits("/hooks/celery-kill")] == ["video_agent.success"]
    RENDERED["killed and redelivered"] = _video_file(data_dir, client, video_id)
    rescuer.stop()


def test_jobs_queued_across_a_server_restart_are_rendered(cluster, receiver):
    client, server, data_dir = cluster["client"], cluster["server"], cluster["data_dir"]
    made = [client.post("/v3/video-agents", json={"prompt": f"A hello from Juniper Lane Books, part {i}", "incognito_mode": True, **FAST}).json()["data"]
            for i in (1, 2)]
    server.stop()
    server.start()  # sends the still-pending rows again: the copies find the work claimed and do nothing
    worker = cluster["worker"]("after-restart")
    for data in made:
        assert poll_session(client, data["session_id"], 180)["status"] == "completed"
        assert _deliveries(data_dir, data["video_id"]) == []  # no callback and no endpoint: and none invented
        assert len([line for line in worker.tasks("onetake.video", data["video_id"]) if "segments" in line]) == 1  # planned once
        assert len(worker.finished("onetake.join", data["video_id"], "completed")) == 1
    worker.stop()


def test_a_message_lost_by_the_broker_is_sent_again_from_the_row(cluster):
    """The row is the truth: a video whose message vanished (a Redis restart without persistence) is re-sent."""
    import redis

    client = cluster["client"]
    data = client.post("/v3/video-agents", json={"prompt": "A hello from Fern Hollow Bakery", "incognito_mode": True, **FAST}).json()["data"]
    broker = redis.Redis.from_url(cluster["broker"])
    assert broker.delete("onetake") == 1  # the queue, with the only message for this video, is gone
    worker = cluster["worker"]("resent")
    assert poll_session(client, data["session_id"], 180)["status"] == "completed"
    assert len(worker.finished("onetake.join", data["video_id"], "completed")) == 1
    worker.stop()


def test_a_chat_draft_is_thought_on_a_worker(cluster):
    client = cluster["client"]
    worker = cluster["worker"]("drafts")
    made = client.post("/v3/video-agents", json={"prompt": "A 20-second intro for Orbit Gym", "mode": "chat"})
    assert made.status_code == 200, made.text
    session = wait_draft(client, made.json()["data"]["session_id"])
    assert session["status"] == "reviewing" and session["messages"][0]["resource_ids"], [m["content"] for m in session["messages"]]
    wait_until(lambda: [line for line in worker.text().splitlines() if f"task onetake.draft {session['session_id']} SUCCESS" in line], 20, 0.05, "the draft's line")
    worker.stop()


def test_stop_reaches_a_video_rendering_on_a_worker(cluster):
    client = cluster["client"]
    worker = cluster["worker"]("stopped")
    data = client.post("/v3/video-agents", json={"prompt": "A 10-second tour of Orbit Gym", "incognito_mode": True, "duration": 10, "width": 320,
                                                 "height": 180}).json()["data"]
    wait_until(lambda: client.get(f"/v3/video-agents/{data['session_id']}").json()["data"]["progress"] > 0, 120, 0.1, "the worker to report progress")
    assert client.post(f"/v3/video-agents/{data['session_id']}/stop").status_code == 200
    session = poll_session(client, data["session_id"], 120)
    assert session["status"] == "failed"
    assert client.get(f"/v3/videos/{data['video_id']}").json()["data"]["failure_code"] == "cancelled"
    worker.stop()


def test_celery_renders_are_frame_for_frame_the_local_backends(api):
    """The local backend (the suite's own `onetake serve`) renders the same request; every decoded frame matches."""
    server, clients, _ = api
    alice = clients["alice"]
    made = alice.post("/v3/video-agents", json=SAME)
    assert made.status_code == 200, made.text
    done = poll_session(alice, made.json()["data"]["session_id"], 180)
    assert done["status"] == "completed", alice.get(f"/v3/videos/{made.json()['data']['video_id']}").json()["data"].get("failure_message")
    local = _video_file(server.data_dir, alice, made.json()["data"]["video_id"])
    assert set(RENDERED) == {"two workers", "killed and redelivered"}, "the Celery renders above did not run"
    expected = frame_digests(local)
    assert len(expected) >= 100  # 5 s of video
    for how, path in RENDERED.items():
        assert frame_digests(path) == expected, how


def test_workers_on_postgresql(pg_url, tmp_path, redis_url):
    """The database several machines share: the claim and the conditional completion on PostgreSQL."""
    import redis

    from onetake.service.db import Database
    from onetake.service.keys import create_key

    db = Database(pg_url)  # migrated by the first process, as a server would
    _, key = create_key(db, "pg-celery")
    db.close()
    redis.Redis.from_url(redis_url).flushdb()  # nothing left over from the tests above
    url = {"ONETAKE_DATABASE_URL": pg_url.replace("postgresql+psycopg://", "postgresql://")}
    server = Server(tmp_path, allow=[], extra_env={"ONETAKE_JOB_BACKEND": "celery", "ONETAKE_BROKER_URL": redis_url, **url})
    server.start()
    worker = Worker(tmp_path, redis_url, "pg", url)
    try:
        worker.start()
        client = httpx.Client(base_url=server.base, headers={"x-api-key": key}, timeout=30)
        made = client.post("/v3/video-agents", json={"prompt": "A hello from Orbit Gym", "incognito_mode": True, **FAST}).json()["data"]
        assert poll_session(client, made["session_id"], 180)["status"] == "completed"
        video = client.get(f"/v3/videos/{made['video_id']}").json()["data"]
        assert video["status"] == "completed" and video["video_url"], video
        assert len(worker.finished("onetake.join", made["video_id"], "completed")) == 1
    finally:
        worker.stop()
        server.stop()


def test_the_local_default_imports_no_celery_and_needs_no_broker(tmp_path):
    """Without --jobs celery the server is what it was: building its services loads neither celery nor a Redis client."""
    code = ("import sys; from onetake.service.config import load_config; from onetake.service.context import Services; "
            f"svc = Services.build(load_config(data_dir={str(tmp_path)!r})); "
            "print(type(svc.jobs).__name__, sorted(m for m in sys.modules if m.split('.')[0] in ('celery', 'kombu', 'redis')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, ONETAKE_JOB_BACKEND="", ONETAKE_BROKER_URL=""))
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["LocalJobBackend", "[]"]


@pytest.mark.parametrize("argv, says", [
    (["serve", "--jobs", "celery"], "broker_url: the celery job backend needs a broker"),
    (["serve", "--jobs", "0"], "'0' is neither 'celery' nor a number of videos at once from 1 to 16"),
    (["worker"], "broker_url: the celery job backend needs a broker"),
])
def test_bad_job_settings_are_refused_naming_the_setting(tmp_path, argv, says):
    out = subprocess.run([sys.executable, "-m", "onetake", *argv, "--data-dir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, ONETAKE_BROKER_URL=""), timeout=60)
    assert out.returncode == 2 and says in out.stderr, out.stderr[-2000:]
