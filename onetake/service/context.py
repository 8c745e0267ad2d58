"""What every request handler shares: the running services and the caller's API key."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from fastapi import Request

from onetake.service.config import ServiceConfig
from onetake.service.db import Database
from onetake.service.errors import ApiError
from onetake.service.events import Events
from onetake.service.fetch import Guard
from onetake.service.jobs import JobBackend, LocalJobBackend
from onetake.service.joblimits import export as export_job_memory
from onetake.service.keys import local_key, lookup_key
from onetake.service.limits import Admission, Idempotency
from onetake.service.models import ApiKey
from onetake.service.private import secure
from onetake.service.reaper import reap, run_dir
from onetake.service.retention import Retention
from onetake.service.runner import Runner
from onetake.service.storage import Storage, open_storage
from onetake.service.webhooks import Dispatcher


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Services:
    config: ServiceConfig
    db: Database
    storage: Storage
    guard: Guard
    dispatcher: Dispatcher
    events: Events
    jobs: JobBackend
    admission: Admission
    idempotency: Idempotency

    @classmethod
    def build(cls, config: ServiceConfig) -> Services:
        if config.no_auth and not is_loopback(config.host):
            raise ValueError(f"no-auth mode is only for a single local user; refusing it while listening on {config.host}")
        secure(config.data_dir, config.files_dir(), config.brand_kits_root())  # before the database file is opened
        db = Database(config.resolved_database_url())
        storage = open_storage(config)
        guard = Guard(tuple(h.lower() for h in config.allow_hosts), config.fetch_timeout_s, config.fetch_deadline_s, config.dns_timeout_s)
        dispatcher = Dispatcher(db, guard, config.webhook_backoff_s, config.webhook_workers, storage=storage)
        events = Events(config, db, storage, guard, dispatcher)

        def make_runner() -> Runner:
            # A chat turn that renders is admitted under the key's limit like a create, then queues its video.
            return Runner(db, storage, guard, config.max_fetch_bytes, config.render_workers, events.video_finished, run_dir(config.data_dir),
                          submit=lambda video_id: jobs.submit(video_id), admission=admission)

        export_job_memory(config.job_memory_mb)  # job processes are spawned with this environment
        admission = Admission(config.concurrency_per_key)
        if config.job_backend == "celery":  # imported only when chosen: the local default needs neither celery nor redis
            from onetake.service.distributed.backend import CeleryJobBackend

            jobs = CeleryJobBackend(db, config.broker_url)
        else:
            jobs = LocalJobBackend(db, make_runner, config.job_slots)
        return cls(config, db, storage, guard, dispatcher, events, jobs, admission, Idempotency(db, config.idempotency_ttl_s))

    def start(self) -> None:
        # Import the pipeline now, before the first request: a lazy first import (skia, voices) holds
        # the import lock for seconds and every concurrent request would queue behind it.
        import onetake.agent.casting  # noqa: F401
        import onetake.pipeline  # noqa: F401
        import onetake.visuals.styles  # noqa: F401

        reap(run_dir(self.config.data_dir))  # before any new job process registers there
        self.idempotency.release_interrupted()
        self.dispatcher.start()
        self.jobs.start()
        self.retention = Retention(self.db, self.storage, self.config.retention_days)
        self.retention.start()

    def stop(self) -> None:
        if getattr(self, "retention", None) is not None:
            self.retention.stop()
        self.jobs.stop()
        self.dispatcher.stop()
        self.storage.close()
        self.db.close()


def services(request: Request) -> Services:
    return request.app.state.services


def api_key_from_headers(headers) -> str | None:
    key = headers.get("x-api-key")
    if key:
        return key.strip()
    auth = headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return None


def current_key(request: Request) -> ApiKey:
    svc = services(request)
    presented = api_key_from_headers(request.headers)
    if presented:
        row = lookup_key(svc.db, presented)
        if row is None:
            raise ApiError(401, "unauthorized", "the API key is invalid or revoked")
        return row
    if svc.config.no_auth:
        return local_key(svc.db)
    raise ApiError(401, "unauthorized", "an API key is required: send it as x-api-key or Authorization: Bearer")
