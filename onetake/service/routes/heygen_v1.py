"""The older HeyGen paths its own scripts still call, over the same sessions as v3.

`POST /v1/video_agent/generate` starts a generate-mode session (what v3's create does with
mode "generate"); `GET /v1/video_status.get` reports one video in the v1 field set.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from onetake.brief.models import DURATION_MAX_S, DURATION_MIN_S
from onetake.service.context import current_key, services
from onetake.service.models import ApiKey, Session
from onetake.service.repo import get_video
from onetake.service.routes.common import idempotent
from onetake.service.sessions import accept, check_callback
from onetake.service.views import v1_status_view

router = APIRouter(tags=["HeyGen v1 (older paths)"])


class V1Config(BaseModel):
    model_config = ConfigDict(extra="ignore")
    duration_sec: float | None = Field(default=None, ge=DURATION_MIN_S, le=DURATION_MAX_S)
    avatar_id: str | None = None
    orientation: Literal["landscape", "portrait"] | None = None


class V1File(BaseModel):
    model_config = ConfigDict(extra="ignore")
    asset_id: str = Field(min_length=1)


class V1Generate(BaseModel):
    model_config = ConfigDict(extra="ignore")
    prompt: str = Field(min_length=1)
    config: V1Config = Field(default_factory=V1Config)
    files: list[V1File] | None = None
    callback_id: str | None = None
    callback_url: str | None = None


@router.post("/v1/video_agent/generate", summary="Generate a video from a prompt (HeyGen v1)")
async def generate(body: V1Generate, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)

    def respond(session, videos) -> dict:
        return {"error": None, "data": {"video_id": videos[0].id}}

    def work(ticket) -> dict:
        check_callback(svc, body.callback_url, "callback_url")
        fields = {"prompt": body.prompt, "duration": body.config.duration_sec, "avatar_id": body.config.avatar_id, "orientation": body.config.orientation}
        files = [{"type": "asset_id", "asset_id": f.asset_id} for f in body.files or []]
        accepted = accept(svc, key, shape="heygen", fields=fields, files=files, seeds=[0], callback_url=body.callback_url, callback_id=body.callback_id,
                          meta={"incognito_mode": False, "seed": 0, "api": "v1"}, names={"duration": "config.duration_sec", "avatar_id": "config.avatar_id"},
                          idem=ticket, respond=respond, remember=True)
        return respond(accepted.session, accepted.videos)

    return await idempotent(request, key, body.model_dump_json(), work, new_videos=1)


@router.get("/v1/video_status.get", summary="A video's status (HeyGen v1)")
def video_status(request: Request, video_id: str = Query(min_length=1, max_length=80), key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        video = get_video(s, key.id, video_id)
        session = s.get(Session, video.session_id)
        return {"code": 100, "message": "Success", "data": v1_status_view(video, session.callback_id, svc.storage)}
