"""HeyGen Video Agent v3: sessions, videos, resources."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from onetake.service.brand_kits import take_brand_kit
from onetake.service.context import current_key, services
from onetake.service.db import now
from onetake.service.errors import ApiError, invalid
from onetake.service.models import ApiKey, Message, Resource, Session, Video, WebhookDelivery
from onetake.service.numbers import SEED_MAX
from onetake.service.repo import get_session, get_video, page, session_messages, session_resource, session_videos
from onetake.service.routes.common import MAX_LIMIT, idempotent
from onetake.brief.models import PROMPT_MAX_CHARS
from onetake.service.ids import new_id
from onetake.service.intake import check_brief, take_files
from onetake.service.sessions import accept, check_callback
from onetake.service.views import resource_view, session_view, video_view

router = APIRouter(tags=["HeyGen v3"])


class FileRef(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    url: str | None = None
    asset_id: str | None = None
    data: str | None = None
    media_type: str | None = None


class CreateSession(BaseModel):
    model_config = ConfigDict(extra="ignore")
    prompt: str = Field(min_length=1)
    mode: Literal["generate", "chat"] = "generate"
    avatar_id: str | None = None
    voice_id: str | None = None
    style_id: str | None = None
    brand_kit_id: str | None = None
    orientation: Literal["landscape", "portrait"] | None = None
    files: list[FileRef] | None = None
    callback_url: str | None = None
    callback_id: str | None = None
    incognito_mode: bool = False
    # Legacy and onetake extensions (ignored by HeyGen clients that never send them):
    duration: float | None = None
    width: int | None = None
    height: int | None = None
    output_format: Literal["mp4", "webm", "mov"] | None = None
    quality: int | None = None
    seed: int | None = Field(default=None, ge=0, le=SEED_MAX)
    auto_proceed: bool | None = None


class FollowUp(BaseModel):
    model_config = ConfigDict(extra="ignore")
    message: str = Field(min_length=1, max_length=10_000)
    files: list[FileRef] | None = None
    avatar_id: str | None = None
    voice_id: str | None = None
    brand_kit_id: str | None = None


def _created(session: Session, videos: list[Video]) -> dict:
    return {"data": {"session_id": session.id, "status": "thinking", "video_id": videos[0].id if videos else None, "created_at": session.created_at}}


@router.post("/v3/video-agents", summary="Create a video agent session")
async def create_session(body: CreateSession, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)

    def work(ticket) -> dict:
        check_callback(svc, body.callback_url, "callback_url")
        fields = body.model_dump(include={"prompt", "orientation", "width", "height", "duration", "avatar_id", "voice_id", "style_id", "output_format", "quality"})
        chat = body.mode == "chat" and body.auto_proceed is not True
        accepted = accept(svc, key, shape="heygen", fields=fields, files=[f.model_dump() for f in body.files or []], seeds=[body.seed or 0], mode=body.mode,
                          callback_url=body.callback_url, callback_id=body.callback_id, meta={"incognito_mode": body.incognito_mode, "seed": body.seed or 0},
                          queue=not chat, brand_kit_id=body.brand_kit_id, idem=ticket, respond=_created,
                          remember=not body.incognito_mode)
        if chat:  # planned in a job process; the session turns "reviewing" with its draft
            svc.jobs.submit_draft(accepted.session.id)
        return _created(accepted.session, accepted.videos)

    return await idempotent(request, key, body.model_dump_json(), work, new_videos=0 if body.mode == "chat" and body.auto_proceed is not True else 1)


@router.get("/v3/video-agents", summary="List sessions")
def list_sessions(request: Request, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        rows, more, nxt = page(s, select(Session).where(Session.key_id == key.id), limit, token, Session.created_at, Session.id)
        return {"data": [{"session_id": r.id, "title": r.title, "created_at": r.created_at, "status": r.status} for r in rows], "has_more": more, "next_token": nxt}


@router.get("/v3/video-agents/{session_id}", summary="Get a session")
def get_session_route(session_id: str, request: Request, key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        session = get_session(s, key.id, session_id)
        return {"data": session_view(session, session_videos(s, session_id), session_messages(s, session_id))}


@router.post("/v3/video-agents/{session_id}", summary="Send a follow-up message")
async def follow_up(session_id: str, body: FollowUp, request: Request, key: ApiKey = Depends(current_key)):
    """The message is stored and thought in a job process (service/chat.py): read into edits of the session's plan,
    an approval, an answer to the agent's question. `run_id` names the video this message renders, if it renders one."""
    svc = services(request)

    def work(ticket) -> dict:
        with svc.db.session() as s:
            session = get_session(s, key.id, session_id)
            mode, status, title, req = session.mode, session.status, session.title, dict(session.request)
        if mode != "chat":
            raise ApiError(400, "unsupported_operation", "this session was created in generate mode, which takes no follow-up messages; create one with mode 'chat'", "message")
        if status in ("generating", "thinking"):
            raise ApiError(409, "request_in_progress", "the agent is still working on this session; send the message when it is reviewing, waiting_for_input or completed")
        if status == "failed":
            raise ApiError(409, "session_failed", "this session failed and has no plan to revise; start a new session")
        given: list[dict] = []
        if body.avatar_id or body.voice_id:
            check_brief(req | {k: v for k, v in (("avatar_id", body.avatar_id), ("voice_id", body.voice_id)) if v})
            given += [{"avatar_id": body.avatar_id}] if body.avatar_id else []
            given += [{"voice_id": body.voice_id}] if body.voice_id else []
        run_id = new_id("vid")
        with svc.db.session() as s:
            session = s.get(Session, session_id)
            update: dict = {}
            if body.brand_kit_id:
                update |= take_brand_kit(s, svc.storage, key.id, body.brand_kit_id, session_id)
                given.append({"brand_kit_id": body.brand_kit_id})
            if body.files:
                update["files"] = list(req.get("files") or []) + take_files([f.model_dump() for f in body.files], key_id=key.id, db_session=s, storage=svc.storage,
                                                                           guard=svc.guard, session_id=session_id, max_bytes=svc.config.max_upload_bytes)
                given.append({"files": len(body.files)})
            meta = dict(session.meta or {})
            question = meta.get("question")
            if question and question.get("about") == "subject":  # the answer is the brief's missing content
                update["prompt"] = f"{req['prompt']}\n\n{body.message}"[:PROMPT_MAX_CHARS]
            prior = question.get("prior", status) if question and status == "waiting_for_input" else status
            meta["pending"] = {"message": body.message, "run_id": run_id, "prior": prior, "edits": given}
            session.meta, session.status = meta, "thinking"
            if update:
                session.request = req | update
            s.add(Message(session_id=session_id, role="user", type="text", content=body.message, created_at=now()))
            answer = {"data": {"session_id": session_id, "run_id": run_id, "title": title}}
            svc.idempotency.record(s, ticket, 200, answer)
        svc.jobs.submit_draft(session_id)
        return answer

    return await idempotent(request, key, body.model_dump_json(), work)


@router.post("/v3/video-agents/{session_id}/stop", summary="Stop a session at the next checkpoint")
def stop_session(session_id: str, request: Request, key: ApiKey = Depends(current_key)):
    """A render stops at its next checkpoint and keeps what is done; a session that is not rendering (thinking,
    waiting for input, reviewing) ends now, its draft and plan kept as resources."""
    svc = services(request)
    with svc.db.session() as s:
        session = get_session(s, key.id, session_id)
        session.stop_requested = True
        rendering = any(v.status in ("pending", "processing") for v in session_videos(s, session_id))
        if not rendering and session.status in ("thinking", "waiting_for_input", "reviewing"):
            kept = [r.id for r in s.scalars(select(Resource).where(Resource.session_id == session_id))]
            done = any(v.status == "completed" for v in session_videos(s, session_id))
            session.status, session.completed_at = ("completed" if done else "failed"), now()
            if not done:
                session.meta = dict(session.meta or {}, failure_code="cancelled", failure_message="stopped before a video was rendered")
            s.add(Message(session_id=session_id, role="model", type="text", resource_ids=kept or None, created_at=now(),
                          content="Stopped. " + (f"Kept: {len(kept)} resources (the storyboard drafts and earlier videos)." if kept else "Nothing had been made yet.")))
    return {"data": {"session_id": session_id}}


@router.get("/v3/video-agents/{session_id}/videos", summary="The session's videos")
def session_videos_route(session_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        get_session(s, key.id, session_id)
        return {"data": [video_view(v, svc.storage) for v in session_videos(s, session_id)], "has_more": False, "next_token": None}


@router.get("/v3/video-agents/{session_id}/resources/{resource_id}", summary="A resource the agent made (draft, video, avatar, voice)")
def get_resource(session_id: str, resource_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        return {"data": resource_view(session_resource(s, key.id, session_id, resource_id), svc.storage)}


@router.get("/v3/videos", summary="List videos")
def list_videos(request: Request, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, title: str | None = None, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        query = select(Video).where(Video.key_id == key.id)
        if title:
            query = query.where(Video.title.contains(title))
        rows, more, nxt = page(s, query, limit, token, Video.created_at, Video.id)
        return {"data": [video_view(v, svc.storage) for v in rows], "has_more": more, "next_token": nxt}


@router.get("/v3/videos/{video_id}", summary="Get a video")
def get_video_route(video_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        return {"data": video_view(get_video(s, key.id, video_id), svc.storage)}


# DELETE /v3/videos/{id} and /v3/video-agents/{id}: routes/sessions_delete.py


@router.get("/v3/videos/{video_id}/webhook-deliveries", summary="The webhook delivery log of a video (onetake extension)")
def video_deliveries(video_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        video = s.get(Video, video_id)
        if video is not None and video.key_id != key.id:
            raise ApiError(404, "not_found", f"video '{video_id}' not found")
        rows = list(s.scalars(select(WebhookDelivery).where(WebhookDelivery.key_id == key.id, WebhookDelivery.video_id == video_id).order_by(WebhookDelivery.created_at)))
        if video is None and not rows:
            raise ApiError(404, "not_found", f"video '{video_id}' not found")
        return {"data": [{"delivery_id": d.id, "url": d.url, "event_type": d.event_type, "status": d.status, "attempts": d.attempts,
                          "last_status_code": d.last_status_code, "last_error": d.last_error, "log": d.log, "created_at": d.created_at} for d in rows]}
