"""Service settings: one pydantic model, filled from CLI flags over environment variables over defaults."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from onetake.service.s3_url import parse_s3_url

ENV_PREFIX = "ONETAKE_"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("onetake", appauthor=False))


class ServiceConfig(BaseModel):
    data_dir: Path = Field(default_factory=default_data_dir)
    brand_kits_dir: Path | None = None  # the API's brand kits (fonts, logos); default data_dir/brand_kits
    database_url: str | None = None  # default: SQLite file under data_dir; postgresql://... works with the same models
    host: str = "127.0.0.1"
    port: int = 8000
    public_base_url: str | None = None  # what signed URLs start with; default http://host:port
    no_auth: bool = False  # single-user local mode; refused when listening beyond loopback
    url_ttl_s: int = Field(default=3600, ge=60)  # signed file URLs expire after this
    max_url_ttl_s: int = Field(default=7 * 24 * 3600, ge=60)  # the longest expiry a client may ask for (Runware ttl)
    max_upload_bytes: int = 32 * 1024 * 1024  # assets and base64 files
    max_json_bytes: int | None = None  # JSON bodies that may carry base64 files; default: one file at its limit, base64, plus 1 MiB
    max_small_body_bytes: int = Field(default=1024 * 1024, ge=1024)  # every other request body
    max_ws_message_bytes: int | None = None  # one Runware WebSocket message; default as max_json_bytes
    max_fetch_bytes: int = 64 * 1024 * 1024  # files[].url downloads
    fetch_timeout_s: float = 20.0  # each connect / read / write of an outbound call
    fetch_deadline_s: float = 60.0  # one outbound call in all (file download, webhook, upload PUT)
    dns_timeout_s: float = 5.0  # resolving the host names of one request
    allow_hosts: list[str] = []  # SSRF allow-list: "host", "host:port" or a CIDR; everything private is refused otherwise
    concurrency_per_key: int = Field(default=4, ge=1)  # videos pending or rendering at once per API key
    request_threads: int = Field(default=8, ge=1)  # threads running the (synchronous) request handlers
    job_slots: int = Field(default=1, ge=1)  # videos rendered at once by this server
    job_backend: Literal["local", "celery"] = "local"  # local: this server renders; celery: workers (`onetake worker`) take jobs from a broker
    broker_url: str | None = None  # the Celery broker (and result store), redis://host:port/db; required with job_backend celery
    render_workers: int | None = None  # processes per render (default: one per core)
    job_memory_mb: int = Field(default=4096, ge=0)  # private memory of each job process and render worker (0: no limit)
    webhook_attempts: int = Field(default=8, ge=1)  # 5 s, 15 s, 45 s ... about 90 minutes in all
    webhook_backoff_s: float = 5.0  # first retry delay; x3 each time, at most an hour
    webhook_workers: int = Field(default=4, ge=1)  # deliveries in flight at once (one per API key)
    price_per_second: float = 0.034  # the cost shown to Runflow / Runware clients
    idempotency_ttl_s: int = 24 * 3600
    # Per-key quotas (see quotas.py): what one key may keep on this machine. A request past one is a 403 naming it.
    max_stored_bytes_per_key: int = Field(default=4 * 1024**3, ge=0)  # assets, brand kits and the files sent with requests
    max_assets_per_key: int = Field(default=1000, ge=0)
    max_brand_kits_per_key: int = Field(default=50, ge=0)
    max_webhook_endpoints_per_key: int = Field(default=20, ge=0)
    max_chat_sessions_per_key: int = Field(default=20, ge=0)  # chat sessions open at once (thinking, reviewing, waiting for input)
    key_recheck_s: float = Field(default=5.0, gt=0)  # how often an open WebSocket checks that its key is still valid
    retention_days: float | None = Field(default=None, gt=0)  # finished sessions older than this are deleted with their files; None keeps them
    # Where inputs, outputs and brand kits are kept: None / "local" (the data directory, served by /files) or
    # "s3://bucket/prefix" (an S3-compatible bucket; keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or an AWS profile).
    storage: str | None = None
    s3_endpoint_url: str | None = None  # e.g. http://127.0.0.1:9000 for MinIO; default AWS_ENDPOINT_URL(_S3) or AWS itself
    s3_region: str | None = None  # default AWS_REGION / AWS_DEFAULT_REGION, else us-east-1

    @field_validator("storage")
    @classmethod
    def _storage_location(cls, value: str | None) -> str | None:
        if value in (None, "", "local"):
            return None if value == "" else value
        parse_s3_url(value)  # ValueError naming what is wrong: pydantic reports it under this field
        return value

    @model_validator(mode="after")
    def _broker_for_celery(self):
        if self.job_backend == "celery" and not self.broker_url:
            raise ValueError("broker_url: the celery job backend needs a broker, e.g. --broker redis://127.0.0.1:6379/0 (or ONETAKE_BROKER_URL)")
        return self

    def resolved_database_url(self) -> str:
        url = self.database_url or f"sqlite:///{self.data_dir / 'onetake.db'}"
        for plain in ("postgresql://", "postgres://"):  # the driver that ships with onetake is psycopg 3
            if url.startswith(plain):
                url = "postgresql+psycopg://" + url.removeprefix(plain)
        return url

    def files_json_bytes(self) -> int:
        return self.max_json_bytes or self.max_upload_bytes * 4 // 3 + 1024 * 1024

    def ws_message_bytes(self) -> int:
        return self.max_ws_message_bytes or self.files_json_bytes()

    def base_url(self) -> str:
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def brand_kits_root(self) -> Path:
        return self.brand_kits_dir or self.data_dir / "brand_kits"

    def signing_secret(self) -> bytes:
        """A per-installation secret for URL signatures, made once and kept in the data directory."""
        path = self.data_dir / "url-signing.key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(secrets.token_hex(32))
            os.chmod(tmp, 0o600)
            try:
                os.link(tmp, path)  # atomic and never overwrites: two starting servers agree on one secret
            except FileExistsError:
                pass
            tmp.unlink()
        return path.read_text().strip().encode()


def _env(name: str) -> str | None:
    value = os.environ.get(ENV_PREFIX + name)
    return value if value not in (None, "") else None


def load_config(**overrides) -> ServiceConfig:
    """Environment (ONETAKE_DATA_DIR, ONETAKE_DATABASE_URL, ONETAKE_ALLOW_HOSTS=a,b, ...) under explicit overrides."""
    values: dict = {}
    for field in ServiceConfig.model_fields:
        raw = _env(field.upper())
        if raw is None:
            continue
        values[field] = [part.strip() for part in raw.split(",") if part.strip()] if field == "allow_hosts" else raw
    if "no_auth" in values:
        values["no_auth"] = values["no_auth"].lower() in ("1", "true", "yes")
    values.update({k: v for k, v in overrides.items() if v is not None})
    return ServiceConfig(**values)
