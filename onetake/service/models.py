"""Database tables. Times are integer Unix seconds (what the v3 shape returns); JSON columns hold request snapshots."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the key: the key itself is shown once
    prefix: Mapped[str] = mapped_column(String(16))
    webhook_secret: Mapped[str] = mapped_column(String(80))  # signs per-request callbacks
    created_at: Mapped[int] = mapped_column(Integer)
    revoked_at: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Session(Base):
    """One agent session (HeyGen), run (Runflow) or task (Runware)."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    shape: Mapped[str] = mapped_column(String(16))  # heygen | runflow | runware
    external_id: Mapped[str | None] = mapped_column(String(80), nullable=True)  # Runware taskUUID
    mode: Mapped[str] = mapped_column(String(16), default="generate")
    status: Mapped[str] = mapped_column(String(24))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    request: Mapped[dict] = mapped_column(JSON)  # the validated brief fields and file references
    callback_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    callback_id: Mapped[str | None] = mapped_column(String(300), nullable=True)
    meta: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # Runflow metadata, Runware options
    stop_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[int] = mapped_column(Integer)
    completed_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __table_args__ = (UniqueConstraint("shape", "key_id", "external_id", name="uq_session_external"),)


class Video(Base):
    __tablename__ = "videos"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # pending | processing | completed | failed
    seed: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    completed_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration: Mapped[float | None] = mapped_column(Float, nullable=True)
    files: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # role -> path relative to the files dir
    failure_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    failure_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (Index("ix_videos_key_status", "key_id", "status"),)


class Message(Base):
    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    role: Mapped[str] = mapped_column(String(8))  # user | model
    type: Mapped[str] = mapped_column(String(12))  # text | resource | error
    content: Mapped[str] = mapped_column(Text)
    resource_ids: Mapped[list | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[int] = mapped_column(Integer)


class Resource(Base):
    __tablename__ = "resources"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    resource_type: Mapped[str] = mapped_column(String(16))  # draft | video | avatar | voice
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    meta: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[int] = mapped_column(Integer)


class Asset(Base):
    __tablename__ = "assets"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    path: Mapped[str] = mapped_column(Text)
    mime_type: Mapped[str] = mapped_column(String(80))
    size_bytes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[int] = mapped_column(Integer)


class BrandKitOwner(Base):
    """Which key owns a brand kit; the kit itself (colours, fonts, logo) is a folder in the kit store."""

    __tablename__ = "brand_kits"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # the kit's own id (bk_...)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[int] = mapped_column(Integer)


class WebhookEndpoint(Base):
    __tablename__ = "webhook_endpoints"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    events: Mapped[list | None] = mapped_column(JSON, nullable=True)  # None: every event
    secret: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(16), default="enabled")
    created_at: Mapped[int] = mapped_column(Integer)


class WebhookDelivery(Base):
    """One event to one URL, with its attempts: the delivery log."""

    __tablename__ = "webhook_deliveries"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    session_id: Mapped[str | None] = mapped_column(String(40), index=True, nullable=True)
    video_id: Mapped[str | None] = mapped_column(String(40), index=True, nullable=True)
    endpoint_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    url: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(8), default="POST")
    event_type: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)  # the exact bytes signed and sent (UTF-8 JSON)
    headers: Mapped[dict] = mapped_column(JSON)
    max_attempts: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | delivered | failed
    next_attempt_at: Mapped[float] = mapped_column(Float)
    last_status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    log: Mapped[list] = mapped_column(JSON, default=list)  # [{at, status_code, error}]
    created_at: Mapped[int] = mapped_column(Integer)


class IdempotencyRecord(Base):
    __tablename__ = "idempotency"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    idem_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    route: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # in_progress | done
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[int] = mapped_column(Integer)


class MemoryFact(Base):
    """One thing a completed session established about a brand, per API key: what later sessions start from."""

    __tablename__ = "memory_facts"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_id: Mapped[str] = mapped_column(ForeignKey("api_keys.id"), index=True)
    brand: Mapped[str] = mapped_column(String(200))  # as the brief wrote it: "Bloom Yoga"
    brand_key: Mapped[str] = mapped_column(String(200))  # casefolded, for matching
    kind: Mapped[str] = mapped_column(String(24))  # url | cta | colours | tone | avatar_id | voice_id | brand_kit_id
    value: Mapped[str | list] = mapped_column(JSON)
    source_session_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("key_id", "brand_key", "kind", name="uq_memory_fact"),)
