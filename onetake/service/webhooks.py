"""Outbound events: stored as deliveries first (the log), then sent by a small pool with retries.

Each body is signed: `Signature: <hex HMAC-SHA256(secret, body)>` (v3 shape), plus the shape's own
header where it has one (`Runflow-Signature`). Network errors and 5xx are retried on a schedule that
grows x3 from `webhook_backoff_s` to an hour; a 4xx is final. The body carries `delivery_id` and
`timestamp` (also the `Webhook-Id` / `Webhook-Timestamp` headers). Every attempt is appended to the delivery's log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from onetake.service.db import Database, now
from onetake.service.fetch import Guard, UnsafeUrl
from onetake.service.ids import new_id
from onetake.service.models import WebhookDelivery

log = logging.getLogger("onetake.service")


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


UPLOAD_PATH = "X-Onetake-Upload-Path"  # kept on a stored PUT delivery, never sent: the file whose bytes are the body


def retry_delay(backoff_s: float, attempts: int, cap_s: float = 3600.0) -> float:
    """Seconds before the next attempt after `attempts` failures: x3 each time (5 s, 15 s, 45 s ... up to an hour),
    so a receiver that is down for half an hour still gets the event."""
    return min(cap_s, backoff_s * 3 ** (attempts - 1))


def make_delivery(*, key_id: str, url: str, event_type: str, payload: dict, secret: str | None, max_attempts: int, session_id: str | None = None,
                  video_id: str | None = None, endpoint_id: str | None = None, extra_headers: dict | None = None, method: str = "POST",
                  signature_header: str = "Signature") -> WebhookDelivery:
    # The delivery id and its creation time are inside the signed body (and repeated as headers), so a receiver
    # can drop a retry it already processed and refuse a captured body replayed later.
    delivery_id, created = new_id("whd"), int(time.time())
    body = json.dumps({**payload, "delivery_id": delivery_id, "timestamp": created}, separators=(",", ":"), sort_keys=True)
    headers = {"Content-Type": "application/json", "User-Agent": "onetake-webhooks/1", "Webhook-Id": delivery_id, "Webhook-Timestamp": str(created)}
    headers.update(extra_headers or {})
    if secret:
        headers[signature_header] = sign(secret, body.encode())
    return WebhookDelivery(id=delivery_id, key_id=key_id, session_id=session_id, video_id=video_id, endpoint_id=endpoint_id, url=url, method=method,
                           event_type=event_type, body=body, headers=headers, max_attempts=max_attempts, attempts=0, status="pending",
                           next_attempt_at=time.time(), log=[], created_at=created)


class Dispatcher:
    """A coordinator thread hands due deliveries to a small pool, at most one in flight per API key:
    a key whose receiver is slow waits on itself, never on another key's."""

    def __init__(self, db: Database, guard: Guard, backoff_s: float = 5.0, workers: int = 4, backoff_cap_s: float = 3600.0, storage=None):
        self.db, self.guard, self.backoff_s, self.backoff_cap_s, self.storage = db, guard, backoff_s, backoff_cap_s, storage
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="onetake-webhook")
        self._workers = workers
        self._busy_keys: set[str] = set()
        self._lock = threading.Lock()
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
        self._pool.shutdown(wait=False, cancel_futures=True)

    def notify(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self._wake.clear()
                if not self._dispatch_due():
                    self._wake.wait(self._idle_wait())
            except Exception:
                log.exception("webhook dispatcher")
                self._stopping.wait(1.0)

    def _dispatch_due(self) -> int:
        """Start every due delivery whose key has none in flight (oldest first); returns how many started."""
        with self.db.session() as s:
            due = list(s.execute(select(WebhookDelivery.id, WebhookDelivery.key_id).where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= time.time())
                                 .order_by(WebhookDelivery.next_attempt_at).limit(200)))
        started = 0
        for delivery_id, key_id in due:
            with self._lock:
                if key_id in self._busy_keys or len(self._busy_keys) >= self._workers:
                    continue
                self._busy_keys.add(key_id)
            self._pool.submit(self._run, delivery_id, key_id)
            started += 1
        return started

    def _run(self, delivery_id: str, key_id: str) -> None:
        try:
            self._attempt(delivery_id)
        except Exception:
            log.exception("webhook delivery %s", delivery_id)
        finally:
            with self._lock:
                self._busy_keys.discard(key_id)
            self._wake.set()

    def _idle_wait(self) -> float:
        with self.db.session() as s:
            nxt = s.scalar(select(WebhookDelivery.next_attempt_at).where(WebhookDelivery.status == "pending").order_by(WebhookDelivery.next_attempt_at).limit(1))
        return 1.0 if nxt is None else max(0.05, min(1.0, nxt - time.time()))

    def _attempt(self, delivery_id: str) -> None:
        with self.db.session() as s:
            d = s.get(WebhookDelivery, delivery_id)
            if d is None or d.status != "pending":
                return
            url, method, body, headers = d.url, d.method, d.body.encode(), dict(d.headers)
        code, error = None, None
        try:
            upload = headers.pop(UPLOAD_PATH, None)
            if upload:  # a Runware uploadEndpoint: PUT the video's bytes, read only now
                body = self.storage.materialise(self.storage.absolute(upload)).read_bytes()
            code = self.guard.send(method, url, body, headers)
        except UnsafeUrl as exc:
            error = f"refused: {exc}"
        except Exception as exc:  # network errors and deadline overruns: retried
            error = f"{type(exc).__name__}: {exc}"
        with self.db.session() as s:
            d = s.get(WebhookDelivery, delivery_id)
            if d is None:  # deleted with its video or session while this attempt was in flight
                return
            d.attempts += 1
            d.last_status_code, d.last_error = code, error
            d.log = list(d.log or []) + [{"at": time.time(), "status_code": code, "error": error}]
            if code is not None and code < 300:
                d.status = "delivered"
            elif (error or "").startswith("refused") or (code is not None and code < 500) or d.attempts >= d.max_attempts:
                d.status = "failed"
            else:
                d.next_attempt_at = time.time() + retry_delay(self.backoff_s, d.attempts, self.backoff_cap_s)
