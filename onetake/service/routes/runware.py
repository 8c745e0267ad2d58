"""Runware's task API: JSON arrays of tasks over HTTP POST /v1 and over a WebSocket at /v1.

The official `runware` SDK connects by WebSocket, sends an `authentication` task, sends
`videoInference` with deliveryMethod async (acknowledged with its taskUUID) and polls with
`getResponse`, expecting one item per result carrying a `videoUUID` and status
`processing` or `success`. Errors are `{"errors": [{code, message, parameter, taskType, taskUUID}]}`.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid

from fastapi import APIRouter, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from onetake.brief.models import DURATION_MAX_S, DURATION_MIN_S, QUALITY_MAX, QUALITY_MIN, SIZE_MAX_PX, SIZE_MIN_PX
from onetake.service.context import api_key_from_headers, services
from onetake.service.errors import ApiError
from onetake.service.events import runware_error, runware_item
from onetake.service.keys import key_revoked, local_key, lookup_key
from onetake.service.models import ApiKey
from onetake.service.numbers import SEED_MAX, TTL_MIN, int_error, number_error
from onetake.service.repo import session_by_external, session_videos
from onetake.service.sessions import accept, check_callback

router = APIRouter(tags=["Runware"])
MODEL = "heygen:video-agent@0"
FORMATS = {"MP4": "mp4", "WEBM": "webm", "MOV": "mov"}


class TaskError(Exception):
    def __init__(self, code: str, message: str, parameter: str | None = None):
        super().__init__(message)
        self.code, self.message, self.parameter = code, message, parameter


_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
MAX_TASKS = 50  # tasks in one HTTP body or WebSocket message


def _check_int(name: str, value, lo: int, hi: int) -> None:
    """Absent is fine (the default applies); anything else must be an integer in range."""
    if value is not None and (error := int_error(name, value, lo, hi)):
        raise TaskError(f"invalid{name[0].upper()}{name[1:]}", error, name)


def _uuid(value) -> str:
    try:
        return str(uuid.UUID(str(value), version=4))
    except (ValueError, TypeError):
        raise TaskError("invalidTaskUUID", "taskUUID must be a UUID v4", "taskUUID") from None


def _video_task(svc, key: ApiKey, task: dict) -> dict:
    task_uuid = _uuid(task.get("taskUUID"))
    if task.get("model") != MODEL:
        raise TaskError("invalidModel", f"model must be '{MODEL}'", "model")
    prompt = task.get("positivePrompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise TaskError("invalidPositivePrompt", "positivePrompt is required (1-10000 characters)", "positivePrompt")
    n = task.get("numberResults", 1)
    _check_int("numberResults", n, 1, 4)
    fmt = str(task.get("outputFormat") or "MP4").upper()
    if fmt not in FORMATS:
        raise TaskError("invalidOutputFormat", "outputFormat must be MP4, WEBM or MOV", "outputFormat")
    if (task.get("outputType") or "URL") != "URL":
        raise TaskError("invalidOutputType", "outputType must be URL", "outputType")
    if (task.get("deliveryMethod") or "async") != "async":
        raise TaskError("invalidDeliveryMethod", "deliveryMethod must be async for video", "deliveryMethod")
    _check_int("ttl", task.get("ttl"), TTL_MIN, svc.config.max_url_ttl_s)
    _check_int("seed", task.get("seed"), 0, SEED_MAX)
    _check_int("width", task.get("width"), SIZE_MIN_PX, SIZE_MAX_PX)
    _check_int("height", task.get("height"), SIZE_MIN_PX, SIZE_MAX_PX)
    _check_int("outputQuality", task.get("outputQuality"), QUALITY_MIN, QUALITY_MAX)
    if task.get("duration") is not None and (error := number_error("duration", task["duration"], DURATION_MIN_S, DURATION_MAX_S)):
        raise TaskError("invalidDuration", error, "duration")
    inputs = task.get("inputs") or {}
    if not isinstance(inputs, dict):
        raise TaskError("invalidInputs", "inputs must be an object {avatar | image}", "inputs")
    files = []
    if inputs.get("image"):
        image = str(inputs["image"])
        if _URL_SCHEME.match(image):  # any scheme, any case: a URL (the guard refuses all but http/https) is never read as base64
            files.append({"type": "url", "url": image})
        else:
            files.append({"type": "base64", "data": image, "media_type": None})
    seed = task.get("seed")
    base_seed = seed if seed is not None else int(uuid.UUID(task_uuid).int % 100_000)
    quality = task.get("outputQuality")
    fields = {"prompt": prompt, "width": task.get("width"), "height": task.get("height"), "duration": task.get("duration"), "avatar_id": inputs.get("avatar"),
              "output_format": FORMATS[fmt], "quality": 95 if quality is None else quality,
              "avatar_image_file": 0 if files else None}  # inputs.image is the face that speaks
    names = {"prompt": "positivePrompt", "avatar": "inputs.avatar", "format": "outputFormat", "quality": "outputQuality"}
    for url_field in ("webhookURL", "uploadEndpoint"):
        check_callback(svc, task.get(url_field), url_field)
    with svc.db.session() as s:
        if session_by_external(s, key.id, "runware", task_uuid) is not None:
            raise TaskError("conflictTaskUUID", "a task with this taskUUID already exists", "taskUUID")
    meta = {k: task.get(k) for k in ("webhookURL", "uploadEndpoint", "ttl", "includeCost", "numberResults", "safety") if task.get(k) is not None}
    accept(svc, key, shape="runware", fields=fields, files=files, seeds=[(base_seed + i) % (SEED_MAX + 1) for i in range(n)], external_id=task_uuid, meta=meta,
           video_ids=[str(uuid.uuid4()) for _ in range(n)], names=names, files_param="inputs.image")
    return {"taskType": "videoInference", "taskUUID": task_uuid}


def _get_response(svc, key: ApiKey, task: dict) -> tuple[list[dict], list[dict]]:
    task_uuid = _uuid(task.get("taskUUID"))
    with svc.db.session() as s:
        session = session_by_external(s, key.id, "runware", task_uuid)
        if session is None:
            raise TaskError("taskNotFound", f"no task {task_uuid} for this API key", "taskUUID")
        videos = session_videos(s, session.id)
        # Results are reported together once every one is final: the SDK adds up the successes of
        # each poll, so a result reported in two polls would be counted twice.
        settled = all(v.status in ("completed", "failed") for v in videos)
        data, errors = [], []
        for video in videos:
            if not settled:
                data.append(runware_item(video, session, svc.storage, svc.config.price_per_second, final=False))
            elif video.status == "failed":
                errors.append(runware_error(video, session))
            else:
                data.append(runware_item(video, session, svc.storage, svc.config.price_per_second))
        return data, errors


def run_tasks(svc, key: ApiKey | None, tasks: list) -> tuple[ApiKey | None, dict]:
    """Every task in order; the authentication task (if any) sets the key for the rest."""
    data, errors = [], []
    for task in tasks:
        task_type = task.get("taskType") if isinstance(task, dict) else None
        task_uuid = task.get("taskUUID") if isinstance(task, dict) else None
        try:
            if task_type == "authentication":
                found = lookup_key(svc.db, str(task.get("apiKey") or ""))
                if found is None:
                    errors.append({"code": "invalidApiKey", "message": "Invalid API key", "taskType": "authentication"})
                    continue
                key = found
                data.append({"taskType": "authentication", "connectionSessionUUID": task.get("connectionSessionUUID") or str(uuid.uuid4())})
            elif task_type == "ping":
                data.append({"taskType": "ping", "pong": True})
            elif key is None:
                errors.append({"code": "missingApiKey", "message": "authenticate first (an authentication task or Authorization: Bearer)", "taskType": task_type, "taskUUID": task_uuid})
            elif task_type == "videoInference":
                data.append(_video_task(svc, key, task))
            elif task_type == "getResponse":
                items, errs = _get_response(svc, key, task)
                data += items
                errors += errs
            else:
                errors.append({"code": "unsupportedTaskType", "message": f"taskType '{task_type}' is not served here (videoInference, getResponse)", "taskType": task_type, "taskUUID": task_uuid})
        except TaskError as exc:
            errors.append({"code": exc.code, "message": exc.message, "parameter": exc.parameter, "taskType": task_type, "taskUUID": task_uuid})
        except ApiError as exc:  # validation from the shared intake, with Runware's field names
            code = {429: "rateLimitExceeded", 403: "quotaExceeded"}.get(exc.status, "invalidParameter")
            error = {"code": code, "message": exc.message, "parameter": exc.param,
                     "taskType": task_type, "taskUUID": task_uuid}
            if exc.status == 429:
                error["retryAfter"] = int(exc.headers.get("Retry-After", 1))
            errors.append(error)
    body: dict = {}
    if data:
        body["data"] = data
    if errors:
        body["errors"] = errors
    return key, body


def _parse(raw) -> list:
    tasks = raw if isinstance(raw, list) else [raw]
    if len(tasks) > MAX_TASKS:
        raise TaskError("tooManyTasks", f"{len(tasks)} tasks in one message; the limit is {MAX_TASKS}")
    if not all(isinstance(t, dict) for t in tasks):
        raise TaskError("invalidJson", "the body must be a JSON array of task objects")
    return tasks


def _parse_error(exc: Exception) -> dict:
    if isinstance(exc, TaskError):
        return {"errors": [{"code": exc.code, "message": exc.message}]}
    return {"errors": [{"code": "invalidJson", "message": "the body must be a JSON array of task objects"}]}


def _http_status(body: dict) -> tuple[int, dict]:
    """200 when anything succeeded; else the first error's status (401 auth, 429 with Retry-After, 400)."""
    if "data" in body or not body.get("errors"):
        return 200, {}
    first = body["errors"][0]
    if first["code"] in ("missingApiKey", "invalidApiKey"):
        return 401, {}
    if first["code"] == "rateLimitExceeded":
        return 429, {"Retry-After": str(first.get("retryAfter", 1))}
    if first["code"] == "quotaExceeded":
        return 403, {}
    return 400, {}


@router.post("/v1", summary="Runware tasks over HTTP")
async def tasks_http(request: Request):
    svc = services(request)
    try:
        tasks = _parse(json.loads(await request.body()))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, TaskError) as exc:
        return JSONResponse(_parse_error(exc), status_code=400)
    presented = api_key_from_headers(request.headers)
    key = await run_in_threadpool(lookup_key, svc.db, presented) if presented else None
    if key is None and svc.config.no_auth:
        key = await run_in_threadpool(local_key, svc.db)
    if presented and key is None:
        return JSONResponse({"errors": [{"code": "invalidApiKey", "message": "Invalid API key", "taskType": "authentication"}]}, status_code=401)
    _, body = await run_in_threadpool(run_tasks, svc, key, tasks)
    status, headers = _http_status(body)
    return JSONResponse(body, status_code=status, headers=headers)


@router.websocket("/v1")
async def tasks_ws(ws: WebSocket):
    svc = ws.app.state.services
    await ws.accept()
    presented = api_key_from_headers(ws.headers)
    key = await run_in_threadpool(lookup_key, svc.db, presented) if presented else None
    holder = {"key": key}
    watcher = asyncio.create_task(_close_when_revoked(svc, ws, holder))
    try:
        while True:
            raw = await ws.receive_text()
            try:
                tasks = _parse(json.loads(raw))
            except (json.JSONDecodeError, RecursionError, TaskError) as exc:
                await ws.send_text(json.dumps(_parse_error(exc)))
                continue
            if holder["key"] is not None and await run_in_threadpool(key_revoked, svc.db, holder["key"].id):
                await _close_revoked(ws)  # revoked since it authenticated: nothing more runs on this socket
                return
            holder["key"], body = await run_in_threadpool(run_tasks, svc, holder["key"], tasks)
            if body:
                await ws.send_text(json.dumps(body))
    except (WebSocketDisconnect, RuntimeError):  # RuntimeError: closed by the watcher while receiving
        return
    finally:
        watcher.cancel()


async def _close_revoked(ws: WebSocket) -> None:
    await ws.send_text(json.dumps({"errors": [{"code": "invalidApiKey", "message": "the API key was revoked", "taskType": "authentication"}]}))
    await ws.close(code=1008, reason="API key revoked")


async def _close_when_revoked(svc, ws: WebSocket, holder: dict) -> None:
    """An idle socket of a revoked key closes too, within key_recheck_s (a revocation may come from the CLI)."""
    while True:
        await asyncio.sleep(svc.config.key_recheck_s)
        key = holder["key"]
        if key is not None and await run_in_threadpool(key_revoked, svc.db, key.id):
            try:
                await _close_revoked(ws)
            except Exception:  # already closing
                pass
            return
