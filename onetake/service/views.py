"""Rows -> response bodies of each shape. Field names follow ../shared/reference/heygen-v3-fields.md."""

from __future__ import annotations

from datetime import datetime, timezone

from onetake.service.models import Message, Resource, Session, Video, WebhookEndpoint
from onetake.service.storage import Storage

RUNFLOW_STATUS = {"thinking": "queued", "waiting_for_input": "running", "reviewing": "running", "generating": "running", "completed": "succeeded", "failed": "failed"}


def _file(storage: Storage, video: Video, role: str, ttl: int | None = None) -> str | None:
    return storage.signed_url((video.files or {}).get(role), ttl) if video.status == "completed" else None


def video_view(video: Video, storage: Storage) -> dict:
    url = _file(storage, video, "video")
    return {
        "id": video.id,
        "title": video.title,
        "status": video.status,
        "created_at": video.created_at,
        "completed_at": video.completed_at,
        "video_url": url,
        "thumbnail_url": _file(storage, video, "thumbnail"),
        "gif_url": _file(storage, video, "gif"),
        "captioned_video_url": url,  # captions are burned into the video itself
        "subtitle_url": _file(storage, video, "srt"),
        "duration": video.duration,
        "failure_code": video.failure_code,
        "failure_message": video.failure_message,
        "video_page_url": None,
        "folder_id": None,
        "output_language": "en" if video.status == "completed" else None,
    }


def v1_status_view(video: Video, callback_id: str | None, storage: Storage) -> dict:
    """`GET /v1/video_status.get`'s data (the older HeyGen path its own scripts still call)."""
    url = _file(storage, video, "video")
    failed = video.status == "failed"
    return {
        "id": video.id,
        "status": video.status,
        "video_url": url,
        "video_url_caption": url,  # captions are burned in
        "thumbnail_url": _file(storage, video, "thumbnail"),
        "gif_url": _file(storage, video, "gif"),
        "caption_url": _file(storage, video, "srt"),
        "duration": video.duration,
        "callback_id": callback_id,
        "created_at": video.created_at,
        "error": {"code": video.failure_code, "message": video.failure_message, "detail": video.failure_message} if failed else None,
    }


def message_view(message: Message) -> dict:
    return {"role": message.role, "content": message.content, "type": message.type, "resource_ids": message.resource_ids or [], "created_at": message.created_at}


def session_view(session: Session, videos: list[Video], messages: list[Message]) -> dict:
    return {
        "session_id": session.id,
        "status": session.status,
        "progress": int(session.progress),
        "title": session.title,
        "video_id": videos[-1].id if videos else None,  # the newest: what a client following the flow downloads
        "created_at": session.created_at,
        "messages": [message_view(m) for m in messages],
        **({"failure_code": session.meta["failure_code"], "failure_message": session.meta.get("failure_message")}
           if (session.meta or {}).get("failure_code") else {}),  # a chat draft that could not be planned
    }


def resource_view(resource: Resource, storage: Storage) -> dict:
    meta = dict(resource.meta or {})
    url = storage.signed_url(resource.path) if resource.path else None
    preview = thumb = None
    if resource.resource_type == "avatar" and meta.get("avatar_id"):
        url = preview = thumb = storage.signed_url(f"catalogue/avatars/{meta['avatar_id']}.png")
    elif resource.resource_type == "draft" and meta.get("sheet"):  # a chat draft: its storyboard JSON, and a contact sheet of its scenes
        preview = thumb = storage.signed_url(meta.pop("sheet"))
    return {
        "resource_id": resource.id,
        "resource_type": resource.resource_type,
        "source_type": "generated",
        "url": url,
        "preview_url": preview,
        "thumbnail_url": thumb,
        "metadata": meta,
        "created_at": resource.created_at,
    }


def endpoint_view(endpoint: WebhookEndpoint, show_secret: bool = False) -> dict:
    return {
        "endpoint_id": endpoint.id,
        "url": endpoint.url,
        "events": endpoint.events,
        "secret": endpoint.secret if show_secret else None,
        "status": endpoint.status,
        "created_at": iso(endpoint.created_at),
    }


def iso(ts: int | float | None) -> str | None:
    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat().replace("+00:00", "Z") if ts is not None else None


def runflow_status(session: Session, videos: list[Video]) -> str:
    if any(v.failure_code == "cancelled" for v in videos) and session.status == "failed":
        return "cancelled"
    return RUNFLOW_STATUS.get(session.status, "running")


def runflow_output(session: Session, videos: list[Video], storage: Storage) -> dict | None:
    done = [v for v in videos if v.status == "completed"]
    if session.status != "completed" or not done:
        return None
    outputs = [{"type": "video", "url": _file(storage, v, "video"), "thumbnail_url": _file(storage, v, "thumbnail"), "subtitle_url": _file(storage, v, "srt"),
                "duration": v.duration, "video_id": v.id, "content_type": "video/" + ("quicktime" if (v.files or {}).get("video", "").endswith(".mov") else (v.files or {}).get("video", "x.mp4").rsplit(".", 1)[-1])}
               for v in done]
    timing = {"started_at": iso(min((v.started_at for v in done if v.started_at), default=None)), "completed_at": iso(session.completed_at)}
    return {"outputs": outputs, "seed": done[0].seed, "timing": timing, "nsfw_detected": False}


def run_view(session: Session, videos: list[Video], storage: Storage, price_per_second: float) -> dict:
    status = runflow_status(session, videos)
    failed = next((v for v in videos if v.status == "failed"), None)
    seconds = sum(v.duration or 0 for v in videos if v.status == "completed")
    return {
        "run_id": session.id,
        "model": "heygen/v3/video-agent",
        "status": status,
        "progress": int(session.progress),
        "input": session.meta.get("input") if session.meta else None,
        "output": runflow_output(session, videos, storage),
        "error": {"code": failed.failure_code, "message": failed.failure_message} if failed and status != "succeeded" else None,
        "metadata": (session.meta or {}).get("metadata"),
        "created_at": iso(session.created_at),
        "completed_at": iso(session.completed_at),
        "duration_ms": (session.completed_at - session.created_at) * 1000 if session.completed_at else None,
        "cost": {"amount": round(seconds * price_per_second, 4), "currency": "USD", "unit_price_per_second": price_per_second} if status == "succeeded" else None,
    }
