"""The unified task shape: POST /v1/videos/generations, GET /v1/tasks/{task_id}, POST /v1/tasks/{task_id}/cancel.

Same keys, Brief, fetch guard and job queue as the v3 routes (through `sessions.accept`); only the
request names and the answer's shape differ. Every error from these routes, including auth and
body validation, is rewritten into this shape's envelope by `UnifiedRoute`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from onetake.brief.models import MAX_FILES, PROMPT_MAX_CHARS
from onetake.service.context import current_key, services
from onetake.service.errors import ApiError, _param_of, invalid, not_found
from onetake.service.models import ApiKey
from onetake.service.numbers import SEED_MAX
from onetake.service.repo import session_by_external, session_videos
from onetake.service.sessions import accept
from onetake.service.unified import MODEL, SHAPE, error_body, new_task_id, task_view


class UnifiedRoute(APIRoute):
    """Errors as `{"error": {code, message, type, param?}}` whatever raised them (auth dependency, body parsing, handler)."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def route(request: Request):
            try:
                response = await handler(request)
            except ApiError as exc:
                return JSONResponse(error_body(exc.status, exc.code, exc.message, exc.param), status_code=exc.status, headers=exc.headers)
            except RequestValidationError as exc:
                first = exc.errors()[0]
                if first.get("type") == "json_invalid":
                    return JSONResponse(error_body(400, "invalid_parameter", f"the body is not valid JSON: {first.get('msg')}"), status_code=400)
                param = _param_of(tuple(first.get("loc", ())))
                message = f"{param}: {first.get('msg')}" if param else str(first.get("msg"))
                return JSONResponse(error_body(400, "invalid_parameter", message, param), status_code=400)
            return response

        return route


router = APIRouter(tags=["Unified task"], route_class=UnifiedRoute)


class Generation(BaseModel):
    model_config = ConfigDict(extra="ignore")
    model: str
    prompt: str
    avatar_id: str | None = None
    voice_id: str | None = None
    style_id: str | None = None
    orientation: str | None = None  # landscape | portrait; omitted, empty or "auto": the agent decides
    file_urls: list[str] | None = None
    incognito_mode: bool = False
    # onetake extensions, as on the other shapes (clients of this shape never send them):
    duration: float | None = None
    width: int | None = None
    height: int | None = None
    seed: int | None = Field(default=None, ge=0, le=SEED_MAX)


def _auto(value: str | None) -> str | None:
    """The shape's "let the agent choose": omitted, empty or "auto"."""
    return None if value is None or value.strip() in ("", "auto") else value


def _check(body: Generation) -> None:
    """The shape's documented limits, named by its own field names (before the Brief's own checks)."""
    if body.model != MODEL:
        raise invalid("model", f"must be '{MODEL}', not '{body.model}'")
    if not body.prompt.strip():
        raise invalid("prompt", f"is required: 1-{PROMPT_MAX_CHARS} characters")
    if len(body.prompt) > PROMPT_MAX_CHARS:
        raise invalid("prompt", f"is {len(body.prompt)} characters; the limit is {PROMPT_MAX_CHARS}")
    if _auto(body.orientation) not in (None, "landscape", "portrait"):
        raise invalid("orientation", f"must be landscape or portrait (or omitted for the agent to decide), not '{body.orientation}'")
    if body.file_urls is not None and len(body.file_urls) > MAX_FILES:
        raise invalid("file_urls", f"{len(body.file_urls)} URLs given; the limit is {MAX_FILES}")


@router.post("/v1/videos/generations", summary="Create a video generation task")
async def create_generation(body: Generation, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    _check(body)

    def work() -> dict:
        task_id = new_task_id()
        fields = {"prompt": body.prompt, "orientation": _auto(body.orientation), "avatar_id": _auto(body.avatar_id), "voice_id": _auto(body.voice_id),
                  "style_id": _auto(body.style_id), "duration": body.duration, "width": body.width, "height": body.height}
        files = [{"type": "url", "url": u} for u in body.file_urls or []]
        accepted = accept(svc, key, shape=SHAPE, fields=fields, files=files, seeds=[body.seed or 0], external_id=task_id,
                          meta={"incognito_mode": body.incognito_mode}, names={"style": "style_id"}, files_param="file_urls")
        return task_view(accepted.session, accepted.videos, svc.storage)

    return await run_in_threadpool(work)


def _task(request: Request, key: ApiKey, task_id: str) -> dict:
    svc = services(request)
    with svc.db.session() as s:
        session = session_by_external(s, key.id, SHAPE, task_id)
        if session is None:  # unknown, or another key's: the same 404
            raise not_found("task", task_id)
        return task_view(session, session_videos(s, session.id), svc.storage)


@router.get("/v1/tasks/{task_id}", summary="Get a task")
def get_task(task_id: str, request: Request, key: ApiKey = Depends(current_key)):
    return _task(request, key, task_id)


@router.post("/v1/tasks/{task_id}/cancel", summary="Cancel a task (it stops at the next checkpoint and fails as cancelled)")
def cancel_task(task_id: str, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    with svc.db.session() as s:
        session = session_by_external(s, key.id, SHAPE, task_id)
        if session is None:
            raise not_found("task", task_id)
        session.stop_requested = True
    return _task(request, key, task_id)
