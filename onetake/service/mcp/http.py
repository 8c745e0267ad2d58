"""/mcp on `onetake serve`: the MCP server over streamable HTTP, behind the same API keys as every other route.

The gate authenticates each HTTP request (Authorization: Bearer KEY or x-api-key) before the SDK's
transport sees it and leaves the key in the request scope, where the tools read it back from
their Context. Stateless transport: each call stands alone, so an MCP session never outlives a
server restart or carries one caller's identity into another's request.
"""

from __future__ import annotations

import json
from contextlib import asynccontextmanager

import anyio.to_thread
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from mcp.server.transport_security import TransportSecuritySettings
from starlette.datastructures import Headers
from starlette.routing import Route

from onetake.service.context import api_key_from_headers, is_loopback
from onetake.service.errors import envelope
from onetake.service.keys import local_key, lookup_key
from onetake.service.mcp.operations import Operations
from onetake.service.mcp.server import build_server

PATH = "/mcp"
_STATE_KEY = "onetake_key"


def key_from_context(ctx):
    return ctx.request_context.request.scope["state"][_STATE_KEY]


class Gate:
    def __init__(self, inner, svc):
        self.inner, self.svc = inner, svc

    async def __call__(self, scope, receive, send):
        presented = api_key_from_headers(Headers(scope=scope))
        key = None
        if presented:
            key = await anyio.to_thread.run_sync(lookup_key, self.svc.db, presented)
            message = "the API key is invalid or revoked"
        elif self.svc.config.no_auth:
            key = await anyio.to_thread.run_sync(local_key, self.svc.db)
        else:
            message = "an API key is required: send it as Authorization: Bearer KEY (or x-api-key)"
        if key is None:
            body = json.dumps(envelope("unauthorized", message)).encode()
            await send({"type": "http.response.start", "status": 401, "headers": [(b"content-type", b"application/json"), (b"www-authenticate", b"Bearer"),
                                                                                  (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        scope.setdefault("state", {})[_STATE_KEY] = key
        await self.inner(scope, receive, send)


def install(app) -> callable:
    """Add the /mcp route to `app`; returns the async context manager the app's lifespan must enter (the SDK's session manager)."""
    svc = app.state.services
    server = build_server(Operations(app), key_from_context)
    # DNS-rebinding protection (Host/Origin checks) is for servers bound to loopback, as the SDK does;
    # beyond it every request needs an API key anyway, and the public host name is the operator's.
    security = None if is_loopback(svc.config.host) else TransportSecuritySettings(enable_dns_rebinding_protection=False)
    server.streamable_http_app(streamable_http_path=PATH, stateless_http=True, transport_security=security, host=svc.config.host)
    app.router.routes.append(Route(PATH, endpoint=Gate(StreamableHTTPASGIApp(server.session_manager), svc)))

    @asynccontextmanager
    async def running():
        async with server.session_manager.run():
            yield

    return running
