"""Outbound events: stored as deliveries first (the log), then sent by one thread with retries.

Each body is signed: `Signature: <hex HMAC-SHA256(secret, body)>` (v3 shape), plus the shape's own
header where it has one (`Runflow-Signature`). Network errors and 5xx are retried with exponential
backoff; a 4xx is final. Every attempt is appended to the delivery's log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time

from sqlalchemy import select

from onetake.service.db import Database, now
from onetake.service.fetch import Guard, UnsafeUrl
from onetake.service.ids import new_id
from onetake.service.models import WebhookDelivery

log = logging.getLogger("onetake.service")


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def make_delivery(*, key_id: str, url: str, event_type: str, payload: dict, secret: str | None, max_attempts: int, session_id: str | None = None,
                  video_id: str | None = None, endpoint_id: str | None = None, extra_headers: dict | None = None, method: str = "POST",
                  signature_header: str = "Signature") -> WebhookDelivery:
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True)
    headers = {"Content-Type": "application/json", "User-Agent": "onetake-webhooks/1"}
    headers.update(extra_headers or {})
    if secret:
        headers[signature_header] = sign(secret, body.encode())
    return WebhookDelivery(id=new_id("whd"), key_id=key_id, session_id=session_id, video_id=video_id, endpoint_id=endpoint_id, url=url, method=method,
                           event_type=event_type, body=body, headers=headers, max_attempts=max_attempts, attempts=0, status="pending",
                           next_attempt_at=time.time(), log=[], created_at=now())


class Dispatcher:
    def __init__(self, db: Database, guard: Guard, backoff_s: float = 1.0):
        self.db, self.guard, self.backoff_s = db, guard, backoff_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="onetake-webhooks", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=5)

    def notify(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                due = self._due()
                for delivery_id in due:
                    self._attempt(delivery_id)
                if not due:
                    self._wake.wait(self._idle_wait())
                    self._wake.clear()
            except Exception:
                log.exception("webhook dispatcher")
                self._stopping.wait(1.0)

    def _due(self) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(WebhookDelivery.id).where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= time.time())
                                  .order_by(WebhookDelivery.next_attempt_at).limit(50)))

    def _idle_wait(self) -> float:
        with self.db.session() as s:
            nxt = s.scalar(select(WebhookDelivery.next_attempt_at).where(WebhookDelivery.status == "pending").order_by(WebhookDelivery.next_attempt_at).limit(1))
        return 1.0 if nxt is None else max(0.05, min(1.0, nxt - time.time()))

    def _attempt(self, delivery_id: str) -> None:
        with self.db.session() as s:
            d = s.get(WebhookDelivery, delivery_id)
            url, method, body, headers = d.url, d.method, d.body.encode(), dict(d.headers)
        code, error = None, None
        try:
            code = self.guard.send(method, url, body, headers)
        except UnsafeUrl as exc:
            error = f"refused: {exc}"
        except Exception as exc:  # network errors: retried
            error = f"{type(exc).__name__}: {exc}"
        with self.db.session() as s:
            d = s.get(WebhookDelivery, delivery_id)
            d.attempts += 1
            d.last_status_code, d.last_error = code, error
            d.log = list(d.log or []) + [{"at": time.time(), "status_code": code, "error": error}]
            if code is not None and code < 300:
                d.status = "delivered"
            elif (error or "").startswith("refused") or (code is not None and code < 500) or d.attempts >= d.max_attempts:
                d.status = "failed"
            else:
                d.next_attempt_at = time.time() + self.backoff_s * 2 ** (d.attempts - 1)
