"""Per-key admission (concurrency limit -> 429 + Retry-After) and Idempotency-Key replay."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import defaultdict

from fastapi.responses import JSONResponse
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from onetake.service.db import Database, now
from onetake.service.errors import ApiError
from onetake.service.models import IdempotencyRecord
from onetake.service.repo import active_videos

RETRY_AFTER_S = 15  # roughly one short render on this kind of machine


class Admission:
    """Count-then-insert under one lock per key, so concurrent creates can never overshoot the limit.
    (A multi-process deployment would take the same decision inside a row lock on the key.)"""

    def __init__(self, limit: int):
        self.limit = limit
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()

    def lock(self, key_id: str) -> threading.Lock:
        with self._guard:
            return self._locks[key_id]

    def precheck(self, db: Database, key_id: str, new_videos: int = 1) -> None:
        """A read-only early refusal, so a burst over the limit is answered without validation or writes."""
        with db.session() as s:
            self.check(s, key_id, new_videos)

    def check(self, s, key_id: str, new_videos: int = 1) -> None:
        active = active_videos(s, key_id)
        if active + new_videos > self.limit:
            raise ApiError(429, "rate_limit_exceeded", f"this API key has {active} videos in progress; the limit is {self.limit} at once",
                           headers={"Retry-After": str(RETRY_AFTER_S)})


def request_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class Idempotency:
    def __init__(self, db: Database, ttl_s: int):
        self.db, self.ttl_s = db, ttl_s
        self._last_expiry = 0.0

    def begin(self, key_id: str, idem_key: str, route: str, digest: str, precheck=None) -> JSONResponse | None:
        """None: go ahead (the key is now reserved). A response: replay it, or 409 while the first is still running.
        `precheck` (e.g. the concurrency limit) runs after a replay is ruled out and before anything is written."""
        if len(idem_key) > 255:
            raise ApiError(400, "invalid_parameter", "Idempotency-Key: at most 255 characters", "Idempotency-Key")
        self._expire()
        replay = self._existing(key_id, idem_key, route, digest)
        if replay is not None:
            return replay
        if precheck is not None:
            precheck()
        try:
            with self.db.session() as s:
                s.add(IdempotencyRecord(key_id=key_id, idem_key=idem_key, route=route, request_hash=digest, state="in_progress", created_at=now()))
            return None
        except IntegrityError:  # a concurrent twin got there first
            return self._existing(key_id, idem_key, route, digest) or self.begin(key_id, idem_key, route, digest)

    def _expire(self) -> None:
        """Drop records past their 24 h at most once a minute (not on every request: it is a write)."""
        if time.monotonic() - self._last_expiry < 60:
            return
        self._last_expiry = time.monotonic()
        with self.db.session() as s:
            s.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now() - self.ttl_s))

    def _existing(self, key_id: str, idem_key: str, route: str, digest: str) -> JSONResponse | None:
        with self.db.session() as s:
            row = s.get(IdempotencyRecord, (key_id, idem_key))
            if row is None:
                return None
            if row.created_at < now() - self.ttl_s:
                s.delete(row)
                return None
            if row.route != route or row.request_hash != digest:
                raise ApiError(422, "idempotency_key_reused", "Idempotency-Key was already used with a different request", "Idempotency-Key")
            if row.state == "in_progress":
                raise ApiError(409, "request_in_progress", "a request with this Idempotency-Key is still being processed; retry shortly")
            return JSONResponse(json.loads(row.response_body), status_code=row.status_code, headers={"Idempotent-Replayed": "true"})

    def record(self, s, ticket: tuple[str, str] | None, status_code: int, body: dict) -> None:
        """Mark the reserved key done with its answer inside the caller's transaction, the one that stores what the
        request accepted: the acceptance and its replayable answer commit together or not at all, so a crash can never
        leave an accepted job whose retry would make a second one."""
        if ticket is None:
            return
        row = s.get(IdempotencyRecord, ticket)
        if row is not None:
            row.state, row.status_code, row.response_body = "done", status_code, json.dumps(body)

    def release_interrupted(self) -> None:
        """At start-up: a record still in progress belongs to a request that died before its acceptance committed
        (acceptance and the answer are one transaction), so nothing was stored: its retry runs afresh.
        Records whose acceptance committed are already done and replay."""
        with self.db.session() as s:
            s.execute(delete(IdempotencyRecord).where(IdempotencyRecord.state == "in_progress"))

    def finish(self, key_id: str, idem_key: str, status_code: int, body: dict) -> None:
        with self.db.session() as s:
            row = s.get(IdempotencyRecord, (key_id, idem_key))
            if row is None or row.state == "done":  # done: recorded with the acceptance itself
                return
            if status_code == 429 or status_code >= 500:  # not an answer worth replaying: let a retry run again
                s.delete(row)
                return
            row.state, row.status_code, row.response_body = "done", status_code, json.dumps(body)

    def abandon(self, key_id: str, idem_key: str) -> None:
        with self.db.session() as s:
            row = s.get(IdempotencyRecord, (key_id, idem_key))
            if row is not None and row.state == "in_progress":
                s.delete(row)
