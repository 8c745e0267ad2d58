"""What happens when a video reaches a terminal state: each shape's webhooks are queued (and Runware uploads PUT)."""

from __future__ import annotations

import logging

from sqlalchemy import select

from onetake.service.config import ServiceConfig
from onetake.service.db import Database
from onetake.service.fetch import Guard
from onetake.service.models import ApiKey, Session, Video, WebhookDelivery, WebhookEndpoint
from onetake.service.repo import session_videos
from onetake.service.storage import Storage
from onetake.service.views import iso, runflow_output, runflow_status
from onetake.service.webhooks import UPLOAD_PATH, Dispatcher, make_delivery

log = logging.getLogger("onetake.service")

RUNFLOW_ATTEMPTS = 3  # Runflow's documented policy: 3 attempts, 1 s then 2 s apart


def runware_item(video: Video, session: Session, storage: Storage, price_per_second: float, final: bool = True) -> dict:
    opts = session.meta or {}
    item = {"taskType": "videoInference", "taskUUID": session.external_id, "videoUUID": video.id, "seed": video.seed}
    if final and video.status == "completed":
        item["status"] = "success"
        item["videoURL"] = storage.signed_url((video.files or {}).get("video"), opts.get("ttl"))
        if opts.get("includeCost"):
            item["cost"] = round((video.duration or 0) * price_per_second, 4)
    else:
        item["status"] = "processing"
    return item


def runware_error(video: Video, session: Session) -> dict:
    return {"code": video.failure_code or "failed", "message": video.failure_message or "the video failed", "taskType": "videoInference",
            "taskUUID": session.external_id, "status": "error"}


class Events:
    def __init__(self, config: ServiceConfig, db: Database, storage: Storage, guard: Guard, dispatcher: Dispatcher):
        self.config, self.db, self.storage, self.guard, self.dispatcher = config, db, storage, guard, dispatcher

    def video_finished(self, video_id: str) -> None:
        try:
            with self.db.session() as s:
                video = s.get(Video, video_id)
                session = s.get(Session, video.session_id)
                key = s.get(ApiKey, video.key_id)
                videos = session_videos(s, session.id)
                settled = all(v.status in ("completed", "failed") for v in videos)
                deliveries = self._heygen(s, session, video, key)
                if session.shape == "runflow" and settled:
                    deliveries += self._runflow(session, videos, key)
                if session.shape == "runware":
                    deliveries += self._runware(session, video, key)
                    if video.status == "completed" and (session.meta or {}).get("uploadEndpoint"):
                        deliveries.append(self._upload(session, video))
                s.add_all(deliveries)
            self.dispatcher.notify()
        except Exception:
            log.exception("events for %s", video_id)

    def _heygen(self, s, session: Session, video: Video, key: ApiKey) -> list[WebhookDelivery]:
        ok = video.status == "completed"
        event = "video_agent.success" if ok else "video_agent.fail"
        data = {"video_id": video.id, "session_id": session.id, "callback_id": session.callback_id}
        if ok:
            data.update(url=self.storage.signed_url(video.files["video"]), thumbnail_url=self.storage.signed_url(video.files.get("thumbnail")),
                        gif_url=self.storage.signed_url(video.files.get("gif")),
                        subtitle_url=self.storage.signed_url(video.files.get("srt")), duration=video.duration, title=video.title)
        else:
            data.update(msg=video.failure_message, failure_code=video.failure_code)
        payload = {"event_type": event, "event_data": data}
        out = []
        if session.shape == "heygen" and session.callback_url:
            out.append(make_delivery(key_id=key.id, url=session.callback_url, event_type=event, payload=payload, secret=key.webhook_secret,
                                     max_attempts=self.config.webhook_attempts, session_id=session.id, video_id=video.id))
        for endpoint in s.scalars(select(WebhookEndpoint).where(WebhookEndpoint.key_id == key.id, WebhookEndpoint.status == "enabled")):
            if endpoint.events is None or event in endpoint.events:
                out.append(make_delivery(key_id=key.id, url=endpoint.url, event_type=event, payload=payload, secret=endpoint.secret,
                                         max_attempts=self.config.webhook_attempts, session_id=session.id, video_id=video.id, endpoint_id=endpoint.id))
        return out

    def _runflow(self, session: Session, videos: list[Video], key: ApiKey) -> list[WebhookDelivery]:
        if not session.callback_url:
            return []
        status = runflow_status(session, videos)
        event = {"succeeded": "run.completed", "failed": "run.failed", "cancelled": "run.cancelled"}[status]
        payload = {
            "event": event, "run_id": session.id, "status": status, "output": runflow_output(session, videos, self.storage),
            "duration_ms": (session.completed_at - session.created_at) * 1000 if session.completed_at else None,
            "created_at": iso(session.created_at), "completed_at": iso(session.completed_at), "metadata": (session.meta or {}).get("metadata"),
        }
        delivery = make_delivery(key_id=key.id, url=session.callback_url, event_type=event, payload=payload, secret=key.webhook_secret,
                                 max_attempts=RUNFLOW_ATTEMPTS, session_id=session.id, video_id=videos[0].id, signature_header="Runflow-Signature")
        delivery.headers = dict(delivery.headers, **{"Runflow-Request-Id": delivery.id})
        return [delivery]

    def _runware(self, session: Session, video: Video, key: ApiKey) -> list[WebhookDelivery]:
        url = (session.meta or {}).get("webhookURL")
        if not url:
            return []
        if video.status == "completed":
            payload, event = {"data": [runware_item(video, session, self.storage, self.config.price_per_second)]}, "videoInference.success"
        else:
            payload, event = {"errors": [runware_error(video, session)]}, "videoInference.error"
        return [make_delivery(key_id=key.id, url=url, event_type=event, payload=payload, secret=key.webhook_secret, max_attempts=self.config.webhook_attempts,
                              session_id=session.id, video_id=video.id)]

    def _upload(self, session: Session, video: Video) -> WebhookDelivery:
        """PUT the raw bytes to the client's uploadEndpoint (presigned-URL style): a delivery like a webhook, sent and retried by the dispatcher."""
        relative = video.files["video"]
        suffix = relative.rsplit(".", 1)[-1]
        mime = {"mp4": "video/mp4", "webm": "video/webm", "mov": "video/quicktime"}.get(suffix, "application/octet-stream")
        record = make_delivery(key_id=video.key_id, url=session.meta["uploadEndpoint"], event_type="upload", payload={}, secret=None, max_attempts=3,
                               session_id=session.id, video_id=video.id, method="PUT")
        record.body, record.headers = "", {"Content-Type": mime, UPLOAD_PATH: relative}
        return record
