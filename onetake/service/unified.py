"""The unified task shape (API.md section 4): task ids, the task object and its error envelope.

A task is a session of shape "unified" whose `external_id` is the task id the client sees; its one
video carries the status. Errors here are `{"error": {code, message, type, param?}}` (OpenAI-style
`type`), not the v3 envelope.
"""

from __future__ import annotations

import secrets
import string
import time

from onetake.service.models import Session, Video
from onetake.service.storage import Storage

SHAPE = "unified"
MODEL = "heygen-video-agent"
OBJECT = "video.generation.task"
RESULT_TTL_S = 24 * 3600  # the shape documents result links as valid for 24 hours
_ALPHABET = string.ascii_lowercase + string.digits

# Rough, for `task_info.estimated_time` only: seconds of work per second of video on a 2-core machine,
# plus the fixed start (planning, voices, first frames). A client uses it to pace its polling.
_WORK_PER_VIDEO_S = 1.5
_FIXED_S = 10
_TYPICAL_VIDEO_S = 45  # the agent decides the length when the request does not


def new_task_id(now: float | None = None) -> str:
    """task-unified-<epoch seconds>-<8 lowercase letters/digits>, as the shape's clients expect."""
    suffix = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"task-unified-{int(now if now is not None else time.time())}-{suffix}"


_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error", 404: "not_found_error",
                409: "conflict_error", 413: "invalid_request_error", 429: "rate_limit_error"}


def error_type(status: int) -> str:
    return _ERROR_TYPES.get(status, "api_error")


def error_body(status: int, code: str, message: str, param: str | None = None) -> dict:
    error = {"code": code, "message": message, "type": error_type(status)}
    if param:
        error["param"] = param
    return {"error": error}


def task_status(session: Session, video: Video | None) -> str:
    if video is not None:
        return video.status  # already pending | processing | completed | failed
    return "failed" if session.status == "failed" else "pending"


def _estimate(session: Session, status: str, progress: int) -> int:
    if status in ("completed", "failed"):
        return 0
    seconds = (session.request or {}).get("duration") or _TYPICAL_VIDEO_S
    whole = _FIXED_S + seconds * _WORK_PER_VIDEO_S
    return max(1, round(whole * (100 - progress) / 100))


def _content_type(relative: str) -> str:
    ext = relative.rsplit(".", 1)[-1].lower()
    return {"mov": "video/quicktime", "webm": "video/webm"}.get(ext, "video/mp4")


def task_view(session: Session, videos: list[Video], storage: Storage) -> dict:
    video = videos[0] if videos else None
    status = task_status(session, video)
    progress = 100 if status == "completed" else int(session.progress)
    body = {
        "created": session.created_at,
        "id": session.external_id,
        "model": MODEL,
        "object": OBJECT,
        "progress": progress,
        "status": status,
        "type": "video",
        "task_info": {"can_cancel": status in ("pending", "processing"), "estimated_time": _estimate(session, status, progress)},
    }
    if status == "completed":
        relative = (video.files or {}).get("video")
        body["results"] = [{"url": storage.signed_url(relative, RESULT_TTL_S), "content_type": _content_type(relative)}]
        body["completed"] = video.completed_at
    elif status == "failed":
        code = (video.failure_code if video else None) or "generation_failed"
        message = (video.failure_message if video else None) or "the video could not be generated"
        body["error"] = {"code": code, "message": message, "type": "video_generation_error"}
    return body
