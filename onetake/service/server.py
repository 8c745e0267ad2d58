"""Run the app under uvicorn (what `onetake serve` calls); also `python -m onetake.service.server`."""

from __future__ import annotations

import logging

from onetake.service.config import ServiceConfig, load_config


def serve(config: ServiceConfig) -> None:
    import uvicorn

    from onetake.service.app import create_app
    from onetake.service.private import restrict_umask

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    restrict_umask()  # the database, files and job processes' output: owner-only from the first byte
    app = create_app(config)
    uvicorn.run(app, host=config.host, port=config.port, log_level="warning", ws="websockets", ws_max_size=config.ws_message_bytes(), timeout_graceful_shutdown=5)


if __name__ == "__main__":
    serve(load_config())
