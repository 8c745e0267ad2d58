"""`onetake mcp`: the MCP server over stdio for an agent on this machine, rendering in this process's own job workers.

The caller is the local single user (the key `onetake serve --no-auth` uses), so sessions made here
are the same rows a local server shows. No HTTP server runs, so video tools also return the
file's path on this machine beside its (unserved) signed URL.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

import anyio.to_thread

from onetake.service.config import ServiceConfig


def run_stdio(config: ServiceConfig) -> None:
    from onetake.service.app import create_app
    from onetake.service.keys import local_key
    from onetake.service.mcp.operations import Operations
    from onetake.service.mcp.server import build_server
    from onetake.service.owner import owning

    app = create_app(config, mcp_http=False)
    svc = app.state.services
    key = local_key(svc.db)

    @asynccontextmanager
    async def services_running(_server):
        # Inside the SDK's stdio claim: job processes started from here write stray output to stderr, not the protocol.
        await anyio.to_thread.run_sync(svc.start)
        try:
            yield {}
        finally:
            await anyio.to_thread.run_sync(svc.stop)

    server = build_server(Operations(app, local_paths=True), lambda ctx: key, lifespan=services_running)
    with owning(config.data_dir):  # refused (DataDirInUse) while `onetake serve` or another `onetake mcp` renders from this directory
        server.run("stdio")
