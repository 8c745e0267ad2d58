"""Deleting what a video or a session used: rows and files, nothing another session still needs.

Shared by the DELETE routes and the retention sweep. Rows go in the caller's transaction; the
folders are returned so they are removed only after it commits (a rolled-back delete keeps them).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from onetake.service.errors import ApiError
from onetake.service.models import Message, Resource, Session, Video, WebhookDelivery
from onetake.service.repo import ACTIVE, session_videos

BUSY_CHAT = ("thinking",)  # a job process is writing the session's plan


def refuse_if_busy(session: Session, videos: list[Video]) -> None:
    if any(v.status in ACTIVE for v in videos):
        raise ApiError(409, "video_in_progress", "a video of this session is still rendering; stop the session first (POST /v3/video-agents/{id}/stop), then delete it")
    if session.mode == "chat" and session.status in BUSY_CHAT:
        raise ApiError(409, "request_in_progress", "the agent is still working on this session; delete it when it is reviewing, waiting_for_input or finished")


def delete_video_rows(s, storage, video: Video) -> list[Path]:
    """The video, its resources and its webhook log."""
    for res in s.scalars(select(Resource).where(Resource.session_id == video.session_id)):
        if (res.meta or {}).get("video_id") == video.id:
            s.delete(res)
    s.execute(delete(WebhookDelivery).where(WebhookDelivery.video_id == video.id))
    s.delete(video)
    return [storage.video_dir(video.id)]


def delete_session_rows(s, storage, session: Session) -> list[Path]:
    """The session with its messages, resources, videos, webhook log and inputs (its files and brand-kit copies)."""
    folders = []
    for video in session_videos(s, session.id):
        folders += delete_video_rows(s, storage, video)
    s.execute(delete(Message).where(Message.session_id == session.id))
    s.execute(delete(Resource).where(Resource.session_id == session.id))
    s.execute(delete(WebhookDelivery).where(WebhookDelivery.session_id == session.id))
    s.flush()  # children first: the foreign keys point at the session
    s.delete(session)
    return folders + [storage.session_inputs(session.id)]


def only_user(session: Session, remaining: list[Video]) -> bool:
    """A generate session (v3 generate, a run, a Runware task) exists for its videos: with the last one gone, so is it.
    A chat session keeps its plan and conversation (it can render again) until it is deleted itself."""
    return session.mode != "chat" and not remaining


def remove_folders(storage, folders: list[Path]) -> None:
    for folder in folders:
        storage.remove_tree(folder)
