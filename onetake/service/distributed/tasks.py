"""The Celery tasks `onetake worker` runs: one video is a task that plans it, then a chord of segment tasks
(any worker draws any segment) whose body joins them with the same lossless mux as a local render.

    onetake.video(video_id)      claim the row, plan, speak, time; send the chord; exit
      onetake.segment(id, i)     draw piece i of the timeline into the session's segment cache (in the storage)
    onetake.join(results, id)    mux the pieces and the soundtrack, write the outputs, complete the row once

Exactly once, whatever is redelivered:
- the row is the truth: a video task whose row is no longer pending/processing does nothing, and the chord is
  sent once (a marker in Redis, set after sending, makes a later copy of the message a no-op);
- a step is leased (leases.py): a second delivery while the first still runs waits and retries;
- a segment is written under a temporary name and renamed into place, under its content key: a repeat finds it;
- the end is one conditional UPDATE processing -> completed|failed (Runner._settle): only its winner queues the
  webhooks, so a join redelivered after its worker died never sends a second `success`.
Stop: the API sets the session's stop flag in the database, which every machine reads: the planning step checks
it at each progress tick, each segment before drawing, the join before joining.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import time
from pathlib import Path

from celery import chord, shared_task, signals

from onetake.service.distributed.app import TASK_DRAFT, TASK_JOIN, TASK_PROBE, TASK_SEGMENT, TASK_VIDEO

log = logging.getLogger("onetake.worker")

WORK = ".work"  # inside the video's folder in the storage: the plan, soundtrack and narration between the tasks
LAUNCHED_TTL_S = 7 * 24 * 3600
RENDER_START, RENDER_SPAN = 25, 70  # progress.py's weights: planning, speech and timeline come first, drawing is 70 of 100


class _ServerSends:
    """Webhook deliveries are rows; the API server's dispatcher sends them (it looks for due rows at least every second)."""

    def notify(self) -> None:
        pass


class InlinePool:
    """Speech inside the task's own process: here the parallelism is the worker processes and the machines."""

    workers = 1

    def run(self, fn, jobs, on_progress=None) -> list:
        out = []
        for job in jobs:
            out.append(fn(*job))
            if on_progress:
                on_progress(1)
        return out


class _InlineExecutor:
    """The runner's job process, for a chat turn: here the pool process itself (a process of its own already, under the
    same memory ceiling), since a Celery pool process may not start children. The turn's time limit is the task's."""

    def submit(self, fn, *args):
        from concurrent.futures import Future

        future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, **_) -> None:
        pass


class WorkerContext:
    """What one worker process needs, built from the same ONETAKE_* settings as the server."""

    def __init__(self):
        import redis

        from onetake.service.config import load_config
        from onetake.service.db import Database
        from onetake.service.events import Events
        from onetake.service.fetch import Guard
        from onetake.service.limits import Admission
        from onetake.service.runner import Runner
        from onetake.service.storage import open_storage

        config = load_config()
        self.config = config
        self.db = Database(config.resolved_database_url(), run_migrations=False)  # the server migrates; workers only read and write rows
        self.storage = open_storage(config)  # the server's own choice of store (ONETAKE_STORAGE)
        self.guard = Guard(tuple(h.lower() for h in config.allow_hosts), config.fetch_timeout_s, config.fetch_deadline_s, config.dns_timeout_s)
        self.events = Events(config, self.db, self.storage, self.guard, _ServerSends())
        self.runner = Runner(self.db, self.storage, self.guard, config.max_fetch_bytes, config.render_workers, self.events.video_finished,
                             submit=send_video, admission=Admission(config.concurrency_per_key))
        self.runner._executor = _InlineExecutor()
        self.redis = redis.Redis.from_url(config.broker_url)
        self.lease_s = float(os.environ.get("ONETAKE_CELERY_LEASE_S") or 30)

    def session_of(self, video_id: str):
        from onetake.service.models import Session, Video

        with self.db.session() as s:
            video = s.get(Video, video_id)
            session = s.get(Session, video.session_id) if video is not None else None
            return (video.status if video else None), session

    def write_progress(self, session_id: str, value: int) -> None:
        from onetake.service.models import Session

        with self.db.session() as s:
            session = s.get(Session, session_id)
            if session is not None and value > session.progress:
                session.progress = value

    def stop_requested(self, session_id: str) -> bool:
        from onetake.service.models import Session

        with self.db.session() as s:
            session = s.get(Session, session_id)
            return bool(session and session.stop_requested)


_context: tuple[int, WorkerContext] | None = None


def context() -> WorkerContext:
    """One per process (Celery forks its pool processes: a database engine must not cross a fork)."""
    global _context
    if _context is None or _context[0] != os.getpid():
        _context = (os.getpid(), WorkerContext())
    return _context[1]


def send_video(video_id: str) -> None:
    """A chat turn decided to render: queue the video like the API does."""
    from celery import current_app

    current_app.send_task(TASK_VIDEO, args=[video_id], headers={"onetake_sent_at": time.time()})


def _launched(video_id: str) -> str:
    return f"onetake:launched:{video_id}"


def _done(video_id: str) -> str:
    return f"onetake:segments-done:{video_id}"


# --- the video: claim and plan ---------------------------------------------------------------------

@shared_task(bind=True, name=TASK_VIDEO, max_retries=None)
def video_task(self, video_id: str) -> str:
    ctx = context()
    if ctx.redis.exists(_launched(video_id)):
        return "already launched"
    from onetake.service.distributed.leases import lease

    with lease(ctx.redis, f"video:{video_id}", ctx.lease_s) as held:
        if not held:  # another delivery is planning it now; if its worker dies, this retry takes over
            raise self.retry(countdown=ctx.lease_s)
        return _plan(ctx, video_id)


def _plan(ctx: WorkerContext, video_id: str) -> str:
    from onetake.service.progress import JobProgress

    claimed = ctx.runner._claim(video_id)
    if claimed is None:  # already final, or deleted
        return "not ours"
    if claimed == "settled":  # stopped before it started, or interrupted too often
        ctx.events.video_finished(video_id)
        return "settled"
    session_id, request, seed = claimed
    try:
        progress = JobProgress(lambda v: ctx.write_progress(session_id, v), lambda: ctx.stop_requested(session_id))
        pieces = _prepare(ctx, video_id, session_id, request, seed, progress)
    except Exception as exc:
        if ctx.runner.record_failure(video_id, session_id, exc):
            ctx.events.video_finished(video_id)
        shutil.rmtree(ctx.storage.video_dir(video_id) / WORK, ignore_errors=True)  # what was kept is beside it (Runner._kept)
        return "failed"
    ctx.redis.delete(_done(video_id))
    chord([segment_task.si(video_id, i) for i in range(pieces)], join_task.s(video_id)).apply_async()
    ctx.redis.set(_launched(video_id), "1", ex=LAUNCHED_TTL_S)
    return f"{pieces} segments"


def _prepare(ctx: WorkerContext, video_id: str, session_id: str, request: dict, seed: int, progress) -> int:
    """The local runner's render_in_job_process up to the frames; the plan is kept in the storage for the other tasks."""
    from onetake.pipeline import prepare_video
    from onetake.render.segments import plan_pieces
    from onetake.service import chat
    from onetake.service.request import StoredRequest

    stored = StoredRequest.model_validate(request)
    brief = stored.to_brief(ctx.runner._materialise_files(session_id, request.get("files") or []), seed, ctx.runner._kit_store(stored))
    given = {}
    plan_file = ctx.storage.materialise(chat.plan_path(ctx.storage, session_id))  # a chat session renders its reviewed plan, exactly
    if plan_file.exists():
        from onetake.agent.chat.plan import ChatPlan

        plan = ChatPlan.load(plan_file)
        given = {"storyboard": plan.storyboard, "cast": plan.cast}
    out_dir = ctx.storage.video_dir(video_id)
    shutil.rmtree(out_dir, ignore_errors=True)  # a plan interrupted by a dead worker starts clean
    work_dir = out_dir / WORK
    work_dir.mkdir(parents=True)
    cache_dir = ctx.storage.session_inputs(session_id) / "cache"
    ready = prepare_video(brief, out_dir, work_dir, progress, InlinePool(), cache_dir=cache_dir, **given)
    # Scene-aligned pieces, as the local backend cuts them with its cache: the same whichever workers draw them.
    pieces = plan_pieces(ready.timeline, ready.settings, 1, cache_dir)
    tmp = work_dir / "plan.pkl.tmp"
    tmp.write_bytes(pickle.dumps({"session_id": session_id, "ready": ready, "pieces": pieces, "cache_dir": cache_dir}))
    os.replace(tmp, work_dir / "plan.pkl")
    return len(pieces)


_plans: dict[str, tuple[float, dict]] = {}


def _load_plan(ctx: WorkerContext, video_id: str) -> dict | None:
    path = ctx.storage.video_dir(video_id) / WORK / "plan.pkl"
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    kept = _plans.get(video_id)
    if kept is None or kept[0] != mtime:
        _plans.clear()  # a worker holds one video's plan at a time
        kept = _plans[video_id] = (mtime, pickle.loads(path.read_bytes()))
    return kept[1]


# --- the segments: any worker draws any piece -------------------------------------------------------

@shared_task(bind=True, name=TASK_SEGMENT)
def segment_task(self, video_id: str, index: int) -> dict | None:
    ctx = context()
    plan = _load_plan(ctx, video_id)
    status, session = ctx.session_of(video_id)
    if plan is None or status != "processing" or session.stop_requested:
        return None  # settled, deleted or stopped: the join records it
    try:
        drawn = _draw(plan, index)
    except Exception as exc:  # a chord does not run its body after a failed part: settle the video here
        if ctx.runner.record_failure(video_id, plan["session_id"], exc):
            ctx.events.video_finished(video_id)
        return None
    done = ctx.redis.incr(_done(video_id))
    ctx.redis.expire(_done(video_id), LAUNCHED_TTL_S)
    ctx.write_progress(plan["session_id"], RENDER_START + RENDER_SPAN * min(done, len(plan["pieces"])) // len(plan["pieces"]))
    return drawn


def _draw(plan: dict, index: int) -> dict:
    from onetake.pipeline import thumbnail_time
    from onetake.render.segment_cache import SegmentCache
    from onetake.render.segments import render_segment

    ready, piece = plan["ready"], plan["pieces"][index]
    timeline, settings = ready.timeline, ready.settings
    cache = SegmentCache(Path(plan["cache_dir"]), settings.segment_suffix)
    still_index = min(timeline.frame_count - 1, round(thumbnail_time(timeline) * timeline.fps))
    still = piece.first <= still_index < piece.last
    target, kept_still = cache.path(piece.key), cache.still_path(piece.key, still_index - piece.first)
    if target.exists() and (not still or kept_still.exists()):  # drawn before: by an earlier revision, or by this task before its worker died
        if still:
            shutil.copyfile(kept_still, ready.thumbnail)
        return {"index": index, "drawn": False}
    scratch = cache.scratch(piece.key)
    render_segment(timeline.model_dump_json(), piece.first, piece.last, str(scratch), settings, (still_index, str(ready.thumbnail)) if still else None)
    cache.keep(scratch, target)
    if still:
        cache.keep_copy(ready.thumbnail, kept_still)
    return {"index": index, "drawn": True}


# --- the join: one lossless mux, the outputs, the row completed once ---------------------------------

JOIN_WAIT_S = 600  # how long a join waits for a piece still being drawn (a duplicate delivery can fire a chord early)


@shared_task(bind=True, name=TASK_JOIN, max_retries=None)
def join_task(self, results: list, video_id: str) -> str:
    ctx = context()
    from onetake.service.distributed.leases import lease

    with lease(ctx.redis, f"join:{video_id}", ctx.lease_s) as held:
        if not held:
            raise self.retry(countdown=ctx.lease_s)
        return _join(self, ctx, video_id, results)


def _join(task, ctx: WorkerContext, video_id: str, results: list) -> str:
    from onetake.pipeline import NoProgress, finish_video
    from onetake.render.encode import mux
    from onetake.render.segment_cache import SegmentCache
    from onetake.render.segments import RenderStats, frames_by_scene, soundtrack
    from onetake.service.progress import Stopped
    from onetake.service.runner import JobFailed

    plan = _load_plan(ctx, video_id)
    status, session = ctx.session_of(video_id)
    if plan is None or status != "processing":  # settled already: by a failed segment, a stop, or an earlier join
        return "not ours"
    session_id, ready, pieces = plan["session_id"], plan["ready"], plan["pieces"]
    timeline, settings = ready.timeline, ready.settings
    work_dir = ctx.storage.video_dir(video_id) / WORK
    # The pieces are read from the cache by key, not from the chord's results: a segment delivered twice (its worker
    # thought dead) is counted twice by the chord, which may then call this before another piece is done.
    paths = [SegmentCache(Path(plan["cache_dir"]), settings.segment_suffix).path(p.key) for p in pieces]
    missing = [i for i, path in enumerate(paths) if not path.exists()]
    if missing and not session.stop_requested and task.request.retries < JOIN_WAIT_S:
        raise task.retry(countdown=1)
    try:
        if session.stop_requested:
            raise Stopped()
        if missing:
            raise JobFailed("render_failed", f"segments {missing} were never drawn")
        if not Path(timeline.narration_wav).exists():  # a join killed after moving it out: the copy beside the video is the same
            shutil.copyfile(ready.video_dir / "narration.wav", timeline.narration_wav)
        audio = soundtrack(Path(timeline.narration_wav), ready.music, work_dir / f"soundtrack{settings.audio_suffix}", settings)
        mux([(path, p.first / timeline.fps) for path, p in zip(paths, pieces)], audio, ready.video_path, settings)
        drawn_ids = {r["index"] for r in results if r and r["drawn"]}
        drawn = [p for i, p in enumerate(pieces) if i in drawn_ids]
        stats = RenderStats(len(drawn), len(pieces) - len(drawn), frames_by_scene(timeline, drawn))
        outputs = finish_video(ready, stats, NoProgress(), gif=True)
        settled = ctx.runner._complete(video_id, session_id, outputs)
    except Exception as exc:
        settled = ctx.runner.record_failure(video_id, session_id, exc)
    if settled:
        ctx.events.video_finished(video_id)
        shutil.rmtree(work_dir, ignore_errors=True)
    ctx.redis.delete(_done(video_id))
    return "completed" if settled else "settled elsewhere"


# --- chat drafts, and the probe the load simulation sends --------------------------------------------

PLAN_TIMEOUT_S = 120  # as the local runner's: a turn still thinking after this is failed with the reason


@shared_task(name=TASK_DRAFT, soft_time_limit=PLAN_TIMEOUT_S, time_limit=PLAN_TIMEOUT_S + 30)
def draft_task(session_id: str) -> None:
    context().runner.draft(session_id)


@shared_task(name=TASK_PROBE)
def probe_task() -> str:
    return "ok"


@signals.worker_ready.connect
def _ready(sender=None, **_):
    log.info("worker %s ready", getattr(sender, "hostname", "?"))


# --- one log line per task, with its duration and how long it waited in the queue ------------------

_started: dict[str, tuple[float, float | None]] = {}


@signals.task_prerun.connect
def _task_started(task_id=None, task=None, **_):
    sent = getattr(task.request, "onetake_sent_at", None) or (task.request.headers or {}).get("onetake_sent_at") if task is not None else None
    _started[task_id] = (time.monotonic(), time.time() - float(sent) if sent else None)


@signals.task_postrun.connect
def _task_finished(task_id=None, task=None, args=None, state=None, retval=None, **_):
    began, waited = _started.pop(task_id, (time.monotonic(), None))
    ids = [a for a in (args or []) if isinstance(a, (str, int))]
    wait = f" wait={waited:.3f}s" if waited is not None else ""
    log.info("task %s %s %s %.3fs%s -> %s", task.name if task else "?", " ".join(map(str, ids)), state, time.monotonic() - began, wait,
             retval if isinstance(retval, str) else "ok" if state == "SUCCESS" else state)


@signals.worker_process_init.connect
def _limit_memory(**_):
    """Each pool process runs a whole job, as the local backend's job process does: the same memory ceiling."""
    from onetake.service.joblimits import apply

    apply()
