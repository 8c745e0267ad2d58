"""Typed tool inputs and outputs: the v3 response fields (../shared/reference/heygen-v3-fields.md), so agents get a schema.

Outputs allow extra fields: they are the v3 `data` objects as the HTTP routes return them, and a
field added there reaches MCP clients without a change here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class FileInput(BaseModel):
    """A file for the agent: a URL it fetches (through the server's SSRF guard) or an uploaded asset's id."""

    model_config = ConfigDict(extra="forbid")
    type: Literal["url", "asset_id"]
    url: str | None = None
    asset_id: str | None = None


class CreatedSession(_Out):
    session_id: str
    status: str
    video_id: str | None = None
    created_at: int


class Message(_Out):
    role: Literal["user", "model"]
    content: str | None = None
    type: str
    resource_ids: list[str] = Field(default_factory=list)
    created_at: int


class SessionOut(_Out):
    session_id: str
    status: Literal["thinking", "waiting_for_input", "reviewing", "generating", "completed", "failed"]
    progress: int
    title: str | None = None
    video_id: str | None = None
    created_at: int
    messages: list[Message]


class SentMessage(_Out):
    session_id: str
    run_id: str
    title: str | None = None


class Stopped(_Out):
    session_id: str


class ResourceOut(_Out):
    resource_id: str
    resource_type: str
    url: str | None = None
    preview_url: str | None = None
    thumbnail_url: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    created_at: int | None = None


class VideoOut(_Out):
    id: str
    title: str | None = None
    status: Literal["pending", "processing", "completed", "failed"]
    created_at: int
    completed_at: int | None = None
    video_url: str | None = None
    thumbnail_url: str | None = None
    gif_url: str | None = None
    subtitle_url: str | None = None
    duration: float | None = None
    failure_code: str | None = None
    failure_message: str | None = None
    video_path: str | None = Field(default=None, description="The MP4 on this machine (stdio server only: nothing serves the URLs there)")


class VideoList(_Out):
    videos: list[VideoOut]
    has_more: bool = False
    next_token: str | None = None


class Deleted(_Out):
    id: str
    deleted: bool


class Avatar(_Out):
    id: str
    name: str
    avatar_type: str
    default_voice_id: str | None = None
    gender: str | None = None
    preview_image_url: str | None = None


class AvatarList(_Out):
    avatars: list[Avatar]
    has_more: bool
    next_token: str | None = None


class Voice(_Out):
    voice_id: str
    name: str
    language: str
    gender: str | None = None
    preview_audio_url: str | None = None


class VoiceList(_Out):
    voices: list[Voice]
    has_more: bool
    next_token: str | None = None


class Style(_Out):
    style_id: str
    name: str
    tags: list[str]
    thumbnail_url: str | None = None
    preview_video_url: str | None = None


class StyleList(_Out):
    styles: list[Style]
    has_more: bool
    next_token: str | None = None


class MemoryFact(_Out):
    id: str
    brand: str
    kind: str
    value: Any
    source_session_id: str


class MemoryList(_Out):
    facts: list[MemoryFact]


class Forgotten(_Out):
    deleted: int
