"""DELETE of a v3 video or session: everything only it used goes (rows, inputs, outputs, webhook log); 409 while rendering."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from onetake.service.context import current_key, services
from onetake.service.deletion import delete_session_rows, delete_video_rows, only_user, refuse_if_busy, remove_folders
from onetake.service.errors import ApiError
from onetake.service.models import ApiKey
from onetake.service.repo import ACTIVE, get_session, get_video, session_videos

router = APIRouter(tags=["HeyGen v3"])


@router.delete("/v3/videos/{video_id}", summary="Delete a video and everything only it used (its session too when nothing else is left)")
def delete_video(video_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        video = get_video(s, key.id, video_id)
        if video.status in ACTIVE:
            raise ApiError(409, "video_in_progress", "the video is still rendering; stop its session first, then delete it")
        session = get_session(s, key.id, video.session_id)
        folders = delete_video_rows(s, svc.storage, video)
        s.flush()
        session_deleted = only_user(session, session_videos(s, session.id))
        if session_deleted:
            folders += delete_session_rows(s, svc.storage, session)
    remove_folders(svc.storage, folders)
    return {"data": {"id": video_id, "deleted": True, "session_deleted": session_deleted}}


@router.delete("/v3/video-agents/{session_id}", summary="Delete a session with its inputs, messages, videos and files")
def delete_session(session_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        session = get_session(s, key.id, session_id)
        videos = session_videos(s, session_id)
        refuse_if_busy(session, videos)
        folders = delete_session_rows(s, svc.storage, session)
    remove_folders(svc.storage, folders)
    return {"data": {"session_id": session_id, "deleted": True, "videos_deleted": [v.id for v in videos]}}
