"""The API server's side of the Celery job backend: it sends ids to the broker; workers render.

As with the local backend, the rows are the truth and the queue holds only ids. At start-up every video
still pending and every chat session still thinking is sent again: a row accepted while the broker was
unreachable is not lost, and a second message for a row already taken is a no-op (see tasks.py).
"""

from __future__ import annotations

import logging
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
        self.app.close()
