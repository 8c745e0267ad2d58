"""Helpers shared by the route modules: the idempotent POST wrapper and pagination limits."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from onetake.service.context import services
from onetake.service.errors import ApiError, envelope
from onetake.service.limits import request_hash
from onetake.service.models import ApiKey

MAX_LIMIT = 100


async def idempotent(request: Request, key: ApiKey, body_json: str, work: Callable[[tuple[str, str] | None], dict], status_code: int = 200,
                     new_videos: int = 0) -> JSONResponse:
    """Run `work(ticket)` in a thread; with an Idempotency-Key the first answer (success or 4xx) is replayed for 24 h.
    `ticket` is (key id, Idempotency-Key) or None: work that stores something passes it to `accept`, which records
    the answer in the same transaction. `new_videos`: how many videos the request would queue, for an early 429."""
    svc = services(request)
    idem = request.headers.get("idempotency-key")
    route = f"{request.method} {request.url.path}"
    precheck = (lambda: svc.admission.precheck(svc.db, key.id, new_videos)) if new_videos else None
    try:
        if idem:
            replay = await run_in_threadpool(svc.idempotency.begin, key.id, idem, route, request_hash(body_json.encode()), precheck)
            if replay is not None:
                return replay
        elif precheck:
            await run_in_threadpool(precheck)
    except ApiError as exc:  # refused before anything was reserved or stored
        return JSONResponse(envelope(exc.code, exc.message, exc.param), status_code=exc.status, headers=exc.headers)
    try:
        body = await run_in_threadpool(work, (key.id, idem) if idem else None)
        code, headers = status_code, {}
    except ApiError as exc:
        body, code, headers = envelope(exc.code, exc.message, exc.param), exc.status, exc.headers
    except BaseException:
        if idem:
            await run_in_threadpool(svc.idempotency.abandon, key.id, idem)
        raise
    if idem:
        await run_in_threadpool(svc.idempotency.finish, key.id, idem, code, body)
    return JSONResponse(body, status_code=code, headers=headers)
