"""Request bodies and WebSocket messages bounded before anything parses them (an ASGI middleware).

Each route has a byte limit (`limit_for`). A declared Content-Length over it is refused without
reading a byte; a chunked body (no Content-Length) is counted as it arrives and refused at the
first chunk past the limit, so at most `limit` bytes are ever held. The 413 is written here, in
the shape's own vocabulary (Runware's `errors` array on /v1, the v3 envelope elsewhere), and the
app sees a disconnect: whatever it was doing with the partial body is dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from onetake.service.errors import envelope

# Routes whose JSON may carry base64 files (v3 files[].data, Runware inputs.image).
_FILE_JSON = re.compile(r"^/v3/video-agents(/[^/]+)?$|^/v1$")


def route_limits(config) -> Callable[[str, str], int]:
    """The byte limit of one request body by method and path."""
    from onetake.service.brand_kits import MAX_FORM_BYTES

    files_json = config.files_json_bytes()
    assets = config.max_upload_bytes + 64 * 1024  # multipart framing

    def limit_for(method: str, path: str) -> int:
        if path == "/v3/assets":
            return assets
        if path == "/v3/brand-kits":
            return MAX_FORM_BYTES
        if _FILE_JSON.match(path):
            return files_json
        return config.max_small_body_bytes

    return limit_for


def too_large_body(path: str, limit: int, declared: int | None) -> bytes:
    size = f"is {declared:,} bytes" if declared is not None else "is over the limit"
    message = f"the request body {size}; the limit for {path} is {limit:,} bytes"
    if path == "/v1":
        return json.dumps({"errors": [{"code": "payloadTooLarge", "message": message, "parameter": None}]}).encode()
    if path.startswith(("/v1/videos/", "/v1/tasks/")):  # the unified task shape's envelope
        from onetake.service.unified import error_body

        return json.dumps(error_body(413, "payload_too_large", message)).encode()
    return json.dumps(envelope("payload_too_large", message, None)).encode()


class BodyLimit:
    def __init__(self, app, limit_for: Callable[[str, str], int], ws_limit: int):
        self.app, self.limit_for, self.ws_limit = app, limit_for, ws_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":
            return await self._websocket(scope, receive, send)
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path, limit = scope["path"], self.limit_for(scope["method"], scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            return await _send_413(send, too_large_body(path, limit, declared))
        received, refused = 0, False

        async def counted_receive():
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await _send_413(send, too_large_body(path, limit, None))
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not refused:  # after our 413 the app's own answer (to a "disconnect") goes nowhere
                await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not refused:
                raise  # the app's own failure; a failure caused by our cut-off body is already answered

    async def _websocket(self, scope, receive, send):
        """A message over the cap closes the socket with 1009 (message too big) before the app sees it."""
        closed = False

        async def capped_receive():
            nonlocal closed
            if closed:
                return {"type": "websocket.disconnect", "code": 1009}
            message = await receive()
            if message["type"] == "websocket.receive":
                size = len(message.get("bytes") or b"") + len(message.get("text") or "")
                if size > self.ws_limit:
                    closed = True
                    await send({"type": "websocket.close", "code": 1009, "reason": f"message over {self.ws_limit} bytes"})
                    return {"type": "websocket.disconnect", "code": 1009}
            return message

        async def guarded_send(message):
            if not closed:
                await send(message)

        await self.app(scope, capped_receive, guarded_send)


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_413(send, body: bytes) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
