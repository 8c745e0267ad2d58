"""Retention: with `retention_days` set, finished sessions older than that go with everything they used.

A sweep runs at start-up and then hourly on a daemon thread; each session is deleted in its own
transaction (deletion.py), so a crash mid-sweep leaves whole sessions, never half of one. Only
finished sessions (completed or failed, no video queued or rendering) are ever touched.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import select

from onetake.service.deletion import delete_session_rows, remove_folders
from onetake.service.models import Session, Video
from onetake.service.repo import ACTIVE

log = logging.getLogger(__name__)
SWEEP_EVERY_S = 3600.0
FINISHED = ("completed", "failed")


def sweep(db, storage, retention_days: float, now: float | None = None) -> int:
    """Delete finished sessions completed before now - retention_days; returns how many."""
    cutoff = int((now if now is not None else time.time()) - retention_days * 86400)
    busy = select(Video.session_id).where(Video.status.in_(ACTIVE))
    with db.session() as s:
        ids = list(s.scalars(select(Session.id).where(Session.status.in_(FINISHED), Session.completed_at.is_not(None),
                                                      Session.completed_at < cutoff, Session.id.not_in(busy))))
    for session_id in ids:
        with db.session() as s:
            session = s.get(Session, session_id)
            if session is None:
                continue
            folders = delete_session_rows(s, storage, session)
        remove_folders(storage, folders)
    return len(ids)


class Retention:
    def __init__(self, db, storage, retention_days: float | None):
        self.db, self.storage, self.days = db, storage, retention_days
        self._stop = threading.Event()

    def start(self) -> None:
        if self.days is not None:
            threading.Thread(target=self._run, name="onetake-retention", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if n := sweep(self.db, self.storage, self.days):
                    log.info("retention: deleted %d sessions finished over %g days ago", n, self.days)
            except Exception:  # a failed sweep is retried at the next one; it must never take the server down
                log.exception("retention sweep failed")
            self._stop.wait(SWEEP_EVERY_S)
