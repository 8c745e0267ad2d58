"""The FastAPI application: the services, the error envelope, the API docs pages and every shape's routes."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from onetake.service import docs, errors, studio
from onetake.service.bodylimit import BodyLimit, route_limits
from onetake.service.config import ServiceConfig
from onetake.service.context import Services
from onetake.service.owner import owning


def create_app(config: ServiceConfig, mcp_http: bool = True) -> FastAPI:
    """`mcp_http`: also serve the MCP tools at /mcp (off for `onetake mcp`, which speaks stdio)."""
    from onetake.service.routes import assets, brand_kits, catalogue, files, heygen, heygen_v1, memory, runflow, runware, sessions_delete, unified, webhooks_routes

    svc = Services.build(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio.to_thread

        # Handlers are short and GIL-bound: a few threads answer a burst sooner than anyio's 40,
        # which mostly wait on each other for the GIL (measured with bench/load_create.py).
        anyio.to_thread.current_default_thread_limiter().total_tokens = config.request_threads
        with owning(config.data_dir):  # one job-running process per data directory
            svc.start()
            try:
                if mcp_running is None:
                    yield
                else:
                    async with mcp_running():  # the MCP SDK's session manager (its own lifespan, as /mcp is no sub-app)
                        yield
            finally:
                svc.stop()

    app = FastAPI(title="onetake", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,  # served by docs.install, offline
                  description="HeyGen Video Agent v3-compatible API (plus Runflow runs, Runware tasks, unified tasks and MCP at /mcp), rendering offline with onetake.")
    app.state.services = svc
    errors.install(app)
    app.add_middleware(BodyLimit, limit_for=route_limits(config), ws_limit=config.ws_message_bytes())
    if config.no_auth:  # outermost: a foreign page or Host is refused before anything else runs
        from onetake.service.localonly import LocalOnly

        app.add_middleware(LocalOnly)
    docs.install(app)
    studio.install(app, config.base_url())
    for module in (catalogue, heygen, sessions_delete, heygen_v1, memory, assets, brand_kits, webhooks_routes, files, runflow, runware, unified):
        app.include_router(module.router)
    mcp_running = None
    if mcp_http:
        from onetake.service.mcp.http import install as install_mcp

        mcp_running = install_mcp(app)
    return app
