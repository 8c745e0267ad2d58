"""The job backend: an interface (submit, start, stop) and the local one, a pool of threads over a queue.

Jobs are rows in the database before the client hears 200, so the queue itself holds only ids:
on start-up every video still pending or processing (a server killed mid-render) is queued again.
A distributed backend would claim rows the same way from several machines.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Protocol

from sqlalchemy import select

from onetake.service.db import Database
from onetake.service.models import Session, Video
from onetake.service.runner import Runner

log = logging.getLogger("onetake.service")


class JobBackend(Protocol):
    def start(self) -> None: ...
    def submit(self, video_id: str) -> None: ...
    def submit_draft(self, session_id: str) -> None: ...
    def stop(self) -> None: ...


class LocalJobBackend:
    def __init__(self, db: Database, make_runner, slots: int = 1):
        self.db = db
        self._make_runner = make_runner  # one Runner (and its warm worker pool) per slot
        self.slots = slots
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._queued: set[str] = set()
        self._lock = threading.Lock()
        # Chat drafts have their own thread and job process: a review never waits for someone's render.
        self._drafts: queue.Queue[str | None] = queue.Queue()

    def start(self) -> None:
        with self.db.session() as s:
            leftover = list(s.scalars(select(Video.id).where(Video.status.in_(("pending", "processing"))).order_by(Video.created_at)))
        for video_id in leftover:
            self.submit(video_id)
        if leftover:
            log.info("resuming %d interrupted or queued videos", len(leftover))
        with self.db.session() as s:
            waiting = list(s.scalars(select(Session.id).where(Session.mode == "chat", Session.status == "thinking").order_by(Session.created_at)))
        for session_id in waiting:  # Runner.draft skips those that render without a draft
            self._drafts.put(session_id)
        for index in range(self.slots):
            thread = threading.Thread(target=self._loop, name=f"onetake-job-{index}", daemon=True)
            thread.start()
            self._threads.append(thread)
        thread = threading.Thread(target=self._draft_loop, name="onetake-drafts", daemon=True)
        thread.start()
        self._threads.append(thread)

    def submit_draft(self, session_id: str) -> None:
        self._drafts.put(session_id)

    def _draft_loop(self) -> None:
        runner: Runner = self._make_runner()
        try:
            while (session_id := self._drafts.get()) is not None:
                try:
                    runner.draft(session_id)
                except Exception:
                    log.exception("draft %s", session_id)
        finally:
            runner.close()

    def submit(self, video_id: str) -> None:
        with self._lock:
            if video_id in self._queued:
                return
            self._queued.add(video_id)
        self._queue.put(video_id)

    def _loop(self) -> None:
        runner: Runner = self._make_runner()
        try:
            while True:
                video_id = self._queue.get()
                if video_id is None:
                    return
                with self._lock:
                    self._queued.discard(video_id)
                try:
                    runner.run(video_id)
                except Exception:  # Runner records failures itself; this is a last line of defence
                    log.exception("job %s", video_id)
        finally:
            runner.close()

    def stop(self) -> None:
        self._drafts.put(None)
        for _ in range(self.slots):
            self._queue.put(None)
        for thread in self._threads:
            thread.join(timeout=5)
