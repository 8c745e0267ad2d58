"""The API server's side of the Celery job backend: it sends ids to the broker; workers render.

As with the local backend, the rows are the truth and the queue holds only ids. At start-up every video
still pending and every chat session still thinking is sent again: a row accepted while the broker was
unreachable is not lost, and a second message for a row already taken is a no-op (see tasks.py).
"""

from __future__ import annotations

import logging
import os
import threading
import time

from sqlalchemy import select

from onetake.service.db import Database
from onetake.service.distributed.app import TASK_DRAFT, TASK_VIDEO, make_celery
from onetake.service.models import Session, Video

log = logging.getLogger("onetake.service")


class CeleryJobBackend:
    def __init__(self, db: Database, broker_url: str):
        self.db = db
        self.app = make_celery(broker_url)
        # A video still pending this long after it was sent is sent again: its message may be gone (a Redis restart
        # without persistence, a consumer killed between popping it and recording it as unacknowledged). A copy of a
        # message that is only waiting in a long queue costs a no-op task.
        self.resend_s = float(os.environ.get("ONETAKE_CELERY_RESEND_S") or os.environ.get("ONETAKE_CELERY_VISIBILITY_TIMEOUT") or 3600)
        self._stopping = threading.Event()
        self._sweeper: threading.Thread | None = None

    def start(self) -> None:
        with self.db.session() as s:
            pending = list(s.scalars(select(Video.id).where(Video.status == "pending").order_by(Video.created_at)))
            thinking = list(s.scalars(select(Session.id).where(Session.mode == "chat", Session.status == "thinking").order_by(Session.created_at)))
        for video_id in pending:
            self.submit(video_id)
        for session_id in thinking:
            self.submit_draft(session_id)
        if pending:
            log.info("sent %d pending videos to the broker again", len(pending))
        self._sweeper = threading.Thread(target=self._sweep, name="onetake-resend", daemon=True)
        self._sweeper.start()

    def _sweep(self) -> None:
        while not self._stopping.wait(self.resend_s):
            try:
                with self.db.session() as s:
                    stale = list(s.scalars(select(Video.id).where(Video.status == "pending", Video.created_at < time.time() - self.resend_s)))
                for video_id in stale:
                    self.submit(video_id)
                if stale:
                    log.info("sent %d videos pending for over %g s to the broker again", len(stale), self.resend_s)
            except Exception:
                log.exception("re-sending pending videos")

    def submit(self, video_id: str) -> None:
        try:
            self.app.send_task(TASK_VIDEO, args=[video_id], headers={"onetake_sent_at": time.time()})  # the worker logs the queue wait
        except Exception:  # the row is kept as pending: the next start-up sends it again
            log.exception("could not send video %s to the broker", video_id)

    def submit_draft(self, session_id: str) -> None:
        try:
            self.app.send_task(TASK_DRAFT, args=[session_id], headers={"onetake_sent_at": time.time()})
        except Exception:
            log.exception("could not send chat turn %s to the broker", session_id)

    def stop(self) -> None:
        self._stopping.set()
        if self._sweeper is not None:
            self._sweeper.join(timeout=5)
        self.app.close()
