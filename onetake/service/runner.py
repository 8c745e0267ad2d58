"""Render one accepted video: fetch its files, build the Brief, call the pipeline, record the outputs.

Every failure lands on the video as failure_code/failure_message; nothing here raises into the
job backend, so one bad job never touches another.
"""

from __future__ import annotations

import json
import logging
import shutil
import traceback
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy import update

from onetake.errors import InvalidInput, OnetakeError
from onetake.service import chat
from onetake.service.db import Database, now
from onetake.service.fetch import Guard, UnsafeUrl
from onetake.service.ids import new_id
from onetake.service.models import Message, Resource, Session, Video
from onetake.service.progress import JobProgress, Stopped
from onetake.service.request import StoredRequest
from onetake.service.sniff import EXTENSIONS, sniff
from onetake.service.storage import Storage
from onetake.service.errors import ApiError
from onetake.service.timeline_resources import timeline_export_files, timeline_resources
from onetake.workers import die_with_parent

log = logging.getLogger("onetake.service")

MAX_ATTEMPTS = 3  # a video interrupted by this many server stops is failed rather than retried forever


class JobFailed(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


class Runner:
    def __init__(self, db: Database, storage: Storage, guard: Guard, max_fetch_bytes: int, render_workers: int | None, on_finished, run_dir: Path | None = None,
                 plan_timeout_s: float = 120.0, submit=None, admission=None):
        self.db, self.storage, self.guard = db, storage, guard
        self.max_fetch_bytes = max_fetch_bytes
        self.render_workers = render_workers
        self.on_finished = on_finished  # called with (video_id) after the terminal state is committed
        self._executor: ProcessPoolExecutor | None = None
        self.run_dir = run_dir  # where job processes register, for the next server to reap
        self.plan_timeout_s = plan_timeout_s
        self.submit = submit  # queues a video a chat turn decided to render
        self.admission = admission  # the key's concurrency limit, which that video is admitted under

    def _job_process(self) -> ProcessPoolExecutor:
        """One long-lived process per job slot runs the pipeline, so a crash there (a codec segfault,
        the OOM killer) fails that video only, never the server; its render workers stay warm between jobs."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(1, mp_context=mp.get_context("spawn"), initializer=_init_job_process,
                                                initargs=(os.getpid(), str(self.run_dir) if self.run_dir else None))
        return self._executor

    def draft(self, session_id: str) -> None:
        """Chat mode: think the session's turn (its first draft, or a follow-up) in the job process, under a time
        limit; record the outcome, or why there is none."""
        turn = chat.claim(self.db, self.storage, session_id)
        if turn is None:
            return
        try:
            request = StoredRequest.model_validate(turn.request)
            brief = request.to_brief(self._materialise_files(session_id, turn.request.get("files") or []), turn.seed, self._kit_store(request))
            outcome = self._job_process().submit(think_in_job_process, turn, brief).result(timeout=self.plan_timeout_s)
        except InvalidInput as exc:
            outcome = {"outcome": "error", "error": ("invalid_input", f"{exc.field}: {exc.message}")}
        except JobFailed as exc:
            outcome = {"outcome": "error", "error": (exc.code, exc.message)}
        except FutureTimeout:
            self._kill_job_process()
            outcome = {"outcome": "error", "error": ("plan_timeout", f"planning took longer than {self.plan_timeout_s:g} s")}
        except BrokenProcessPool:
            self._executor = None
            outcome = {"outcome": "error", "error": ("plan_crashed", "the planning process died (crash or out of memory)")}
        except Exception as exc:
            log.error("chat turn %s failed:\n%s", session_id, traceback.format_exc())
            outcome = {"outcome": "error", "error": ("plan_failed", f"{type(exc).__name__}: {exc}")}
        if outcome["outcome"] == "error":
            chat.fail(self.db, session_id, *outcome["error"])
        else:
            chat.record(self.db, self.storage, self.submit, turn, outcome, self.admission)

    def _kit_store(self, request: StoredRequest) -> Path | None:
        return self.storage.materialise(self.storage.absolute(request.brand_kit_store)) if request.brand_kit_store else None

    def _kill_job_process(self) -> None:
        if self._executor is not None:
            for process in list((self._executor._processes or {}).values()):  # a stuck call cannot be cancelled, only killed
                process.kill()
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def run(self, video_id: str) -> None:
        claimed = self._claim(video_id)
        if claimed is None:  # not ours to run (already final, or deleted)
            return
        if claimed == "settled":  # failed without running (stopped or interrupted too often): still tell the client
            self.on_finished(video_id)
            return
        session_id, request, seed = claimed
        try:
            outputs = self._render(video_id, session_id, request, seed)
            settled = self._complete(video_id, session_id, outputs)
        except Exception as exc:
            settled = self.record_failure(video_id, session_id, exc)
        if settled:
            self.on_finished(video_id)

    def record_failure(self, video_id: str, session_id: str, exc: Exception) -> bool:
        """Record why a video failed (stopped, bad input, a crash...) on its row; False if it was settled already."""
        if isinstance(exc, Stopped):
            return self._fail(video_id, session_id, "cancelled", "stopped at the client's request", cancelled=True, kept=self._kept(video_id, session_id))
        if isinstance(exc, JobFailed):
            return self._fail(video_id, session_id, exc.code, exc.message)
        if isinstance(exc, InvalidInput):
            return self._fail(video_id, session_id, "invalid_input", f"{exc.field}: {exc.message}")
        if isinstance(exc, BrokenProcessPool):
            self._executor = None  # the job process died (crash, OOM): this video fails, the next gets a fresh one
            return self._fail(video_id, session_id, "render_crashed", "the render process died (crash or out of memory)")
        if isinstance(exc, OnetakeError):
            return self._fail(video_id, session_id, "render_failed", str(exc))
        # never let one video take the worker thread down
        log.error("video %s failed:\n%s", video_id, "".join(traceback.format_exception(exc)))
        return self._fail(video_id, session_id, "internal_error", f"{type(exc).__name__}: {exc}")

    @staticmethod
    def _settle(s, video_id: str, status: str) -> bool:
        """processing -> completed/failed as one conditional UPDATE: of two workers finishing the same video (a task
        redelivered after its worker was thought dead) exactly one wins, and only the winner tells the client."""
        return s.execute(update(Video).where(Video.id == video_id, Video.status == "processing").values(status=status)).rowcount == 1

    def _claim(self, video_id: str):
        with self.db.session() as s:
            video = s.get(Video, video_id)
            if video is None or video.status not in ("pending", "processing"):
                return None
            session = s.get(Session, video.session_id)
            if session.stop_requested:
                video.status, video.failure_code, video.failure_message, video.completed_at = "failed", "cancelled", "stopped before it started", now()
                self._settle_session(s, session)
                return "settled"
            if video.attempts >= MAX_ATTEMPTS:
                video.status, video.failure_code, video.completed_at = "failed", "interrupted", now()
                video.failure_message = f"the server stopped during this video {video.attempts} times"
                self._settle_session(s, session)
                return "settled"
            video.status, video.started_at, video.attempts = "processing", now(), video.attempts + 1
            session.status = "generating"
            return session.id, dict(session.request), video.seed

    def _materialise_files(self, session_id: str, files: list[dict]) -> list[Path]:
        inputs = self.storage.session_inputs(session_id)
        paths = []
        for index, ref in enumerate(files):
            if ref.get("path"):
                paths.append(self.storage.materialise(self.storage.absolute(ref["path"])))
                continue
            param = f"files[{index}].url"
            try:
                data, declared = self.guard.fetch(ref["url"], self.max_fetch_bytes)
                mime = sniff(data, param, None)
            except UnsafeUrl as exc:
                raise JobFailed("file_fetch_failed", f"{param}: {exc}") from None
            except ApiError as exc:
                raise JobFailed("invalid_file", exc.message) from None
            inputs.mkdir(parents=True, exist_ok=True)
            path = inputs / f"url-{index}{EXTENSIONS[mime]}"
            path.write_bytes(data)
            paths.append(path)
        return paths

    def _render(self, video_id: str, session_id: str, request: dict, seed: int):
        stored = StoredRequest.model_validate(request)
        brief = stored.to_brief(self._materialise_files(session_id, request.get("files") or []), seed, self._kit_store(stored))
        plan = self.storage.materialise(chat.plan_path(self.storage, session_id))  # a chat session renders its reviewed plan, exactly
        out_dir = self.storage.video_dir(video_id)
        shutil.rmtree(out_dir, ignore_errors=True)  # a render interrupted by a restart starts clean
        future = self._job_process().submit(render_in_job_process, self.db.url, session_id, brief, out_dir, self.render_workers,
                                            str(plan) if plan.exists() else None, str(self.storage.session_inputs(session_id) / "cache"))
        outcome, payload = future.result()
        if outcome == "ok":
            return payload
        if outcome == "stopped":
            raise Stopped()
        raise JobFailed(*payload)

    def _complete(self, video_id: str, session_id: str, outputs) -> None:
        rel = self.storage.relative
        files = {
            "video": rel(outputs.video),
            "thumbnail": rel(outputs.thumbnail) if outputs.thumbnail.exists() else None,
            "gif": rel(outputs.gif) if outputs.gif else None,
            "srt": rel(outputs.captions_srt),
            "vtt": rel(outputs.captions_vtt),
            "storyboard": rel(outputs.storyboard),
        }
        files |= timeline_export_files(outputs.video, rel)  # <stem>.otio and <stem>.xml, when the pipeline wrote them
        title = json.loads(outputs.storyboard.read_text(encoding="utf-8")).get("title")
        self.storage.publish(self.storage.video_dir(video_id))  # kept before the video is completed: its URLs work from then on
        with self.db.session() as s:
            if not self._settle(s, video_id, "completed"):
                return False
            video = s.get(Video, video_id)
            session = s.get(Session, session_id)
            video.status, video.completed_at, video.duration, video.files, video.title = "completed", now(), round(outputs.duration, 3), files, title
            if not session.title:
                session.title = title
            resources = [
                Resource(id=new_id("res"), session_id=session_id, resource_type="draft", path=files["storyboard"], meta={"video_id": video_id, "title": title}, created_at=now()),
                Resource(id=new_id("res"), session_id=session_id, resource_type="avatar", path=None, meta={"avatar_id": outputs.cast.presenter_id}, created_at=now()),
                Resource(id=new_id("res"), session_id=session_id, resource_type="voice", path=None, meta={"voice_id": outputs.cast.voice_id}, created_at=now()),
                Resource(id=new_id("res"), session_id=session_id, resource_type="video", path=files["video"], meta={"video_id": video_id, "duration": video.duration}, created_at=now()),
            ]
            resources += timeline_resources(session_id, video_id, files)
            self._remember(s, session, outputs)
            s.add_all(resources)
            notes = " ".join(outputs.notes)
            s.add(Message(session_id=session_id, role="model", type="resource", content=f"Your video '{title}' is ready ({video.duration:.1f} s). {notes}".strip(),
                          resource_ids=[r.id for r in resources], created_at=now()))
            self._settle_session(s, session)
        return True

    def _remember(self, s, session: Session, outputs) -> None:
        """A completed HeyGen session teaches memory what it established, unless it is incognito. A chat session's
        plan holds its Reading as edited by the conversation; a generate session's is beside its video."""
        if session.shape != "heygen" or (session.meta or {}).get("incognito_mode"):
            return
        from onetake.service.memory import learn

        plan = chat.plan_path(self.storage, session.id)
        reading_file = outputs.video.parent / "reading.json"
        if plan.exists():
            reading = json.loads(plan.read_text(encoding="utf-8"))["reading"]
        elif reading_file.exists():
            reading = json.loads(reading_file.read_text(encoding="utf-8"))
        else:
            return
        learn(s, session.key_id, session.id, reading, dict(session.request))

    def _kept(self, video_id: str, session_id: str) -> list[Resource]:
        """What a stopped render had finished: its storyboard and narration (the pipeline writes them before drawing)."""
        import wave

        out = self.storage.video_dir(video_id)
        self.storage.publish(out)
        kept = []
        for board in out.glob("*/storyboard.json"):
            kept.append(Resource(id=new_id("res"), session_id=session_id, resource_type="draft", path=self.storage.relative(board), created_at=now(),
                                 meta={"video_id": video_id, "partial": True}))
            narration = board.parent / "narration.wav"
            if narration.exists():
                with wave.open(str(narration)) as w:
                    seconds = round(w.getnframes() / w.getframerate(), 2)
                kept.append(Resource(id=new_id("res"), session_id=session_id, resource_type="audio", path=self.storage.relative(narration), created_at=now(),
                                     meta={"video_id": video_id, "partial": True, "duration": seconds, "role": "narration"}))
        return kept

    def _fail(self, video_id: str, session_id: str, code: str, message: str, cancelled: bool = False, kept: list[Resource] | None = None) -> bool:
        with self.db.session() as s:
            if not self._settle(s, video_id, "failed"):
                return False
            video = s.get(Video, video_id)
            session = s.get(Session, session_id)
            video.status, video.failure_code, video.failure_message, video.completed_at = "failed", code, message[:2000], now()
            if cancelled:
                s.add_all(kept or [])
                what = [{"draft": "the storyboard", "audio": f"the narration ({(r.meta or {}).get('duration', 0):g} s)"}[r.resource_type] for r in kept or []]
                s.add(Message(session_id=session_id, role="model", type="text", resource_ids=[r.id for r in kept or []] or None, created_at=now(),
                              content="Stopped at your request. " + ("Kept: " + ", ".join(what) + "." if what else "Nothing had been made yet.")))
            else:
                s.add(Message(session_id=session_id, role="model", type="error", content=f"The video failed: {message}", resource_ids=None, created_at=now()))
            self._settle_session(s, session)
        return True

    @staticmethod
    def _settle_session(s, session: Session) -> None:
        """The session is done once all its videos are: completed if any succeeded."""
        from onetake.service.repo import session_videos

        s.flush()
        videos = session_videos(s, session.id)
        if any(v.status in ("pending", "processing") for v in videos):
            return
        session.status = "completed" if any(v.status == "completed" for v in videos) else "failed"
        session.progress = 100 if session.status == "completed" else session.progress
        session.completed_at = now()


# --- inside the job process -------------------------------------------------------------

_job_db: Database | None = None
_render_pool = None


def _init_job_process(server_pid: int | None = None, run_dir: str | None = None) -> None:
    for key in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(key, "1")
    # Die with the server: an orphaned render would keep writing files that the restarted
    # server is rendering again from scratch.
    die_with_parent(server_pid)
    from onetake.service.joblimits import apply as limit_memory

    limit_memory()  # a decoding or planning bomb fails this job, not the machine
    if run_dir:
        from onetake.service.reaper import register

        register(Path(run_dir))


def think_in_job_process(turn, brief) -> dict:
    """Runs in the job process: a chat turn's outcome (service/chat.py), or why not, as plain data."""
    try:
        return chat.think(turn, brief)
    except InvalidInput as exc:
        return {"outcome": "error", "error": ("invalid_input", f"{exc.field}: {exc.message}")}
    except OnetakeError as exc:
        return {"outcome": "error", "error": ("plan_failed", str(exc))}
    except Exception as exc:
        log.error("chat turn failed:\n%s", traceback.format_exc())
        return {"outcome": "error", "error": ("plan_failed", f"{type(exc).__name__}: {exc}")}


def render_in_job_process(db_url: str, session_id: str, brief, out_dir: Path, render_workers: int | None, plan_file: str | None = None,
                          cache_dir: str | None = None):
    """Runs in the job process. Returns ("ok", Outputs), ("stopped", None) or ("error", (code, message)):
    plain values, because the onetake exceptions do not survive pickling."""
    global _job_db, _render_pool
    from onetake.pipeline import make_video
    from onetake.workers import WorkerPool

    if _job_db is None or _job_db.url != db_url:
        _job_db = Database(db_url, run_migrations=False)
    db = _job_db

    def write(value: int) -> None:
        with db.session() as s:
            session = s.get(Session, session_id)
            if session is not None and value > session.progress:
                session.progress = value

    def stop_requested() -> bool:
        with db.session() as s:
            session = s.get(Session, session_id)
            return bool(session and session.stop_requested)

    if _render_pool is None:
        _render_pool = WorkerPool(render_workers)
    try:
        given = {}
        if plan_file is not None:
            from onetake.agent.chat.plan import ChatPlan

            plan = ChatPlan.load(Path(plan_file))
            given = {"storyboard": plan.storyboard, "cast": plan.cast}
        return "ok", make_video(brief, out_dir, JobProgress(write, stop_requested), pool=_render_pool, gif=True,
                                cache_dir=Path(cache_dir) if cache_dir else None, **given)
    except Stopped:
        return "stopped", None
    except InvalidInput as exc:
        return "error", ("invalid_input", f"{exc.field}: {exc.message}")
    except BrokenProcessPool:
        _render_pool = None
        return "error", ("render_crashed", "a render worker died (crash or out of memory)")
    except OnetakeError as exc:
        return "error", ("render_failed", str(exc))
    except Exception as exc:
        log.error("render failed:\n%s", traceback.format_exc())
        return "error", ("internal_error", f"{type(exc).__name__}: {exc}")
