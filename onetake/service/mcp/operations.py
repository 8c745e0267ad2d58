"""The MCP tools' work: each runs the same handler function as its HTTP route, in process.

A handler gets a real Starlette Request over the running app (it only reads `app.state.services`,
the method, path and headers), and the caller's key as the route's auth dependency would give it,
so validation, limits, ownership and response bodies are exactly the HTTP API's. Arguments the
route would take from the query string are validated by the tool's own input schema instead.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import anyio.to_thread
from fastapi.responses import JSONResponse
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import ValidationError
from starlette.requests import Request

from onetake.service.errors import ApiError, _param_of
from onetake.service.models import ApiKey
from onetake.service.repo import get_video
from onetake.service.routes import catalogue, heygen, memory, sessions_delete


def _request(app, method: str, path: str) -> Request:
    return Request({"type": "http", "app": app, "method": method, "path": path, "raw_path": path.encode(), "root_path": "", "scheme": "http",
                    "server": None, "headers": [], "query_string": b"", "state": {}})


def _tool_error(exc: Exception) -> ToolError:
    """The API's own message (and code), as the HTTP error envelope carries them."""
    if isinstance(exc, ApiError):
        return ToolError(f"{exc.message} ({exc.code}, HTTP {exc.status})")
    first = exc.errors()[0]
    param = _param_of(tuple(first.get("loc", ())))
    return ToolError(f"{param}: {first.get('msg')} (invalid_parameter, HTTP 400)" if param else f"{first.get('msg')} (invalid_parameter, HTTP 400)")


class Operations:
    def __init__(self, app, local_paths: bool = False):
        self.app = app
        self.svc = app.state.services
        self.local_paths = local_paths  # stdio: also name the files on this machine (no server answers the signed URLs)

    async def _call(self, method: str, path: str, handler: Callable, /, *args, make: Callable[[], dict] | None = None, **kwargs) -> Any:
        request = _request(self.app, method, path)
        try:
            if make is not None:  # the request body model, built here so its validation errors read like the API's
                kwargs["body"] = make()
            if inspect.iscoroutinefunction(handler):
                result = await handler(*args, request=request, **kwargs)
            else:
                result = await anyio.to_thread.run_sync(lambda: handler(*args, request=request, **kwargs))
        except (ApiError, ValidationError) as exc:
            raise _tool_error(exc) from None
        if isinstance(result, JSONResponse):  # the idempotent POSTs answer with a response, errors included
            body = json.loads(result.body)
            if result.status_code >= 400:
                error = body["error"]
                raise ToolError(f"{error['message']} ({error['code']}, HTTP {result.status_code})")
            return body
        return result

    def _with_path(self, key: ApiKey, view: dict) -> dict:
        if not self.local_paths or view.get("status") != "completed":
            return view
        with self.svc.db.session() as s:
            relative = (get_video(s, key.id, view["id"]).files or {}).get("video")
        return view | {"video_path": str(self.svc.storage.materialise(self.svc.storage.absolute(relative))) if relative else None}

    # --- sessions -----------------------------------------------------------------------

    async def create_video_agent(self, key: ApiKey, **fields) -> dict:
        fields = {k: v for k, v in fields.items() if v is not None}
        body = await self._call("POST", "/v3/video-agents", heygen.create_session, key=key, make=lambda: heygen.CreateSession(**fields))
        return body["data"]

    async def get_video_agent_session(self, key: ApiKey, session_id: str) -> dict:
        return (await self._call("GET", f"/v3/video-agents/{session_id}", heygen.get_session_route, session_id, key=key))["data"]

    async def send_video_agent_message(self, key: ApiKey, session_id: str, **fields) -> dict:
        fields = {k: v for k, v in fields.items() if v is not None}
        body = await self._call("POST", f"/v3/video-agents/{session_id}", heygen.follow_up, session_id, key=key, make=lambda: heygen.FollowUp(**fields))
        return body["data"]

    async def stop_video_agent_session(self, key: ApiKey, session_id: str) -> dict:
        return (await self._call("POST", f"/v3/video-agents/{session_id}/stop", heygen.stop_session, session_id, key=key))["data"]

    async def get_video_agent_resource(self, key: ApiKey, session_id: str, resource_id: str) -> dict:
        path = f"/v3/video-agents/{session_id}/resources/{resource_id}"
        return (await self._call("GET", path, heygen.get_resource, session_id, resource_id, key=key))["data"]

    async def list_video_agent_session_videos(self, key: ApiKey, session_id: str) -> dict:
        body = await self._call("GET", f"/v3/video-agents/{session_id}/videos", heygen.session_videos_route, session_id, key=key)
        return {"videos": [self._with_path(key, v) for v in body["data"]], "has_more": body["has_more"], "next_token": body["next_token"]}

    # --- videos -------------------------------------------------------------------------

    async def get_video(self, key: ApiKey, video_id: str) -> dict:
        return self._with_path(key, (await self._call("GET", f"/v3/videos/{video_id}", heygen.get_video_route, video_id, key=key))["data"])

    async def list_videos(self, key: ApiKey, limit: int, token: str | None, title: str | None) -> dict:
        body = await self._call("GET", "/v3/videos", heygen.list_videos, limit=limit, token=token, title=title, key=key)
        return {"videos": [self._with_path(key, v) for v in body["data"]], "has_more": body["has_more"], "next_token": body["next_token"]}

    async def delete_video(self, key: ApiKey, video_id: str) -> dict:
        return (await self._call("DELETE", f"/v3/videos/{video_id}", sessions_delete.delete_video, video_id, key=key))["data"]

    # --- memory --------------------------------------------------------------------------

    async def list_memory(self, key: ApiKey, brand: str | None) -> dict:
        body = await self._call("GET", "/v3/memory", memory.list_memory, brand=brand, key=key)
        return {"facts": body["data"]}

    async def forget_memory(self, key: ApiKey, fact_id: str | None, brand: str | None) -> dict:
        if fact_id:
            await self._call("DELETE", f"/v3/memory/{fact_id}", memory.forget_one, fact_id, key=key)
            return {"deleted": 1}
        if not brand:
            raise ToolError("name a fact_id, or a brand to forget all of its facts")
        return (await self._call("DELETE", "/v3/memory", memory.forget_all, brand=brand, key=key))["data"]

    # --- catalogues ---------------------------------------------------------------------

    async def list_avatars(self, key: ApiKey, limit: int, token: str | None) -> dict:
        body = await self._call("GET", "/v3/avatars/looks", catalogue.looks, group_id=None, avatar_type=None, limit=limit, token=token, key=key)
        return {"avatars": body["data"], "has_more": body["has_more"], "next_token": body["next_token"]}

    async def list_voices(self, key: ApiKey, language: str | None, gender: str | None, limit: int, token: str | None) -> dict:
        body = await self._call("GET", "/v3/voices", catalogue.voices, language=language, gender=gender, limit=limit, token=token, key=key)
        return {"voices": body["data"], "has_more": body["has_more"], "next_token": body["next_token"]}

    async def list_styles(self, key: ApiKey, tag: str | None, limit: int, token: str | None) -> dict:
        body = await self._call("GET", "/v3/video-agents/styles", catalogue.styles, tag=tag, limit=limit, token=token, key=key)
        return {"styles": body["data"], "has_more": body["has_more"], "next_token": body["next_token"]}
