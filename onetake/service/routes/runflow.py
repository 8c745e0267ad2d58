"""Runflow's run shape: POST /v1/models/heygen/v3/video-agent/runs, GET a run, cancel; the callback lives in events.py."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from onetake.service.context import current_key, services
from onetake.service.errors import not_found
from onetake.service.models import ApiKey, Session
from onetake.service.numbers import SEED_MAX
from onetake.service.repo import get_session, session_videos
from onetake.service.routes.common import idempotent
from onetake.service.sessions import accept, check_callback
from onetake.service.views import run_view

router = APIRouter(tags=["Runflow"])
MODEL_PATH = "/v1/models/heygen/v3/video-agent/runs"


class RunInput(BaseModel):
    model_config = ConfigDict(extra="ignore")
    prompt: str = Field(min_length=1)
    orientation: Literal["landscape", "portrait"] | None = None
    avatar: str | None = None
    voice: str | None = None
    file_urls: list[str] | None = None
    style_id: str | None = None
    incognito_mode: bool = False
    duration: float | None = None  # onetake extensions
    width: int | None = None
    height: int | None = None
    seed: int | None = Field(default=None, ge=0, le=SEED_MAX)


class RunIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    input: RunInput
    callback_url: str | None = None
    metadata: dict | None = None


def _auto(value: str | None) -> str | None:
    return None if value in (None, "", "auto") else value


@router.post(MODEL_PATH, summary="Start a run")
async def create_run(body: RunIn, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)

    def work(ticket) -> dict:
        check_callback(svc, body.callback_url, "callback_url")
        i = body.input
        fields = {"prompt": i.prompt, "orientation": i.orientation, "avatar_id": _auto(i.avatar), "voice_id": _auto(i.voice), "style_id": i.style_id,
                  "duration": i.duration, "width": i.width, "height": i.height}
        names = {"prompt": "input.prompt", "orientation": "input.orientation", "avatar": "input.avatar", "voice": "input.voice", "style": "input.style_id",
                 "duration": "input.duration", "width": "input.width", "height": "input.height"}
        files = [{"type": "url", "url": u} for u in i.file_urls or []]
        accepted = accept(svc, key, shape="runflow", fields=fields, files=files, seeds=[i.seed or 0], callback_url=body.callback_url,
                          meta={"input": i.model_dump(exclude_none=True), "metadata": body.metadata}, names=names, files_param="input.file_urls",
                          idem=ticket, respond=lambda session, videos: run_view(session, videos, svc.storage, svc.config.price_per_second))
        return run_view(accepted.session, accepted.videos, svc.storage, svc.config.price_per_second)

    return await idempotent(request, key, body.model_dump_json(), work, new_videos=1)


def _get(request: Request, key: ApiKey, run_id: str) -> dict:
    svc = services(request)
    with svc.db.session() as s:
        session: Session = get_session(s, key.id, run_id)
        if session.shape != "runflow":
            raise not_found("run", run_id)
        return run_view(session, session_videos(s, run_id), svc.storage, svc.config.price_per_second)


@router.get(MODEL_PATH + "/{run_id}", summary="Get a run")
def get_run(run_id: str, request: Request, key: ApiKey = Depends(current_key)):
    return _get(request, key, run_id)


@router.get("/v1/runs/{run_id}", summary="Get a run")
def get_run_short(run_id: str, request: Request, key: ApiKey = Depends(current_key)):
    return _get(request, key, run_id)


@router.post("/v1/runs/{run_id}/cancel", summary="Cancel a run")
def cancel_run(run_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        session = get_session(s, key.id, run_id)
        if session.shape != "runflow":  # a v3 or Runware session is no run: not found, and left running
            raise not_found("run", run_id)
        session.stop_requested = True
    return _get(request, key, run_id)
