"""The MCP server: twelve tools over `Operations`, on the official SDK's MCPServer (mcp 2.x).

`key_for(ctx)` says whose call it is: over HTTP the key the /mcp gate authenticated (per request),
over stdio the local single user, as `onetake make` is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from mcp.server.mcpserver import Context, MCPServer
from mcp.types import ToolAnnotations
from pydantic import Field

from onetake.service.mcp import models as m
from onetake.service.mcp.operations import Operations
from onetake.service.models import ApiKey
from onetake.service.routes.common import MAX_LIMIT

INSTRUCTIONS = (
    "onetake makes presenter videos from a prompt, offline. create_video_agent starts a session (mode 'generate' renders straight away; "
    "'chat' stops at 'reviewing' with a storyboard resource to approve or revise with send_video_agent_message). Poll "
    "get_video_agent_session until status is completed or failed, then get_video for the URLs. Rendering takes about as long as the video."
)

Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT, description=f"page size, 1-{MAX_LIMIT}")]
Token = Annotated[str | None, Field(description="next_token of the previous page")]
READ = ToolAnnotations(readOnlyHint=True, openWorldHint=False)


def build_server(ops: Operations, key_for: Callable[[Context], ApiKey], **server_options) -> MCPServer:
    server = MCPServer(name="onetake", instructions=INSTRUCTIONS, version="0.1.0", **server_options)

    @server.tool(description="Start a video agent session from a prompt (1-10000 characters). Returns the session id and, in generate mode, the video id.")
    async def create_video_agent(
        ctx: Context,
        prompt: Annotated[str, Field(description="what the video is about: subject, audience, length, tone, call to action")],
        mode: Literal["generate", "chat"] = "generate",
        avatar_id: Annotated[str | None, Field(description="a presenter from list_avatars; omit to let the agent cast")] = None,
        voice_id: Annotated[str | None, Field(description="a voice from list_voices; omit for the presenter's own")] = None,
        style_id: Annotated[str | None, Field(description="a style from list_styles")] = None,
        brand_kit_id: str | None = None,
        orientation: Literal["landscape", "portrait"] | None = None,
        files: Annotated[list[m.FileInput] | None, Field(description="at most 20: URLs to fetch or uploaded asset ids")] = None,
        incognito_mode: bool = False,
        duration: Annotated[float | None, Field(description="target seconds, 5-300 (onetake extension)")] = None,
        width: Annotated[int | None, Field(description="frame width in pixels (onetake extension)")] = None,
        height: Annotated[int | None, Field(description="frame height in pixels (onetake extension)")] = None,
    ) -> m.CreatedSession:
        fields = dict(prompt=prompt, mode=mode, avatar_id=avatar_id, voice_id=voice_id, style_id=style_id, brand_kit_id=brand_kit_id, orientation=orientation,
                      files=[f.model_dump(exclude_none=True) for f in files] if files else None, incognito_mode=incognito_mode,
                      duration=duration, width=width, height=height)
        return m.CreatedSession(**await ops.create_video_agent(key_for(ctx), **fields))

    @server.tool(description="A session's status, progress (0-100), title, video id and messages (newest first).", annotations=READ)
    async def get_video_agent_session(ctx: Context, session_id: str) -> m.SessionOut:
        return m.SessionOut(**await ops.get_video_agent_session(key_for(ctx), session_id))

    @server.tool(description="A chat session's follow-up: approve the draft ('looks good, go ahead') to render it; ask for a change (length, "
                             "orientation, presenter, voice, tone, music, colours, the ending, 'say X instead of Y', a scene to drop, move, shorten "
                             "or add), which makes a new draft, or after a video a follow-up video; or answer the agent's question.")
    async def send_video_agent_message(
        ctx: Context, session_id: str, message: Annotated[str, Field(min_length=1, max_length=10_000)],
        avatar_id: str | None = None, voice_id: str | None = None, brand_kit_id: str | None = None,
    ) -> m.SentMessage:
        return m.SentMessage(**await ops.send_video_agent_message(key_for(ctx), session_id, message=message, avatar_id=avatar_id, voice_id=voice_id,
                                                                  brand_kit_id=brand_kit_id))

    @server.tool(description="Stop a session at its next checkpoint; what is finished is kept.", annotations=ToolAnnotations(destructiveHint=False, idempotentHint=True))
    async def stop_video_agent_session(ctx: Context, session_id: str) -> m.Stopped:
        return m.Stopped(**await ops.stop_video_agent_session(key_for(ctx), session_id))

    @server.tool(description="A resource the agent made in a session: storyboard draft, video, avatar, voice, or the editable timeline (.otio / FCP XML).",
                 annotations=READ)
    async def get_video_agent_resource(ctx: Context, session_id: str, resource_id: str) -> m.ResourceOut:
        return m.ResourceOut(**await ops.get_video_agent_resource(key_for(ctx), session_id, resource_id))

    @server.tool(description="The videos a session has rendered (one per version).", annotations=READ)
    async def list_video_agent_session_videos(ctx: Context, session_id: str) -> m.VideoList:
        return m.VideoList(**await ops.list_video_agent_session_videos(key_for(ctx), session_id))

    @server.tool(description="One video: status (pending, processing, completed, failed), URLs of the MP4, thumbnail, GIF and captions, duration.",
                 annotations=READ)
    async def get_video(ctx: Context, video_id: str) -> m.VideoOut:
        return m.VideoOut(**await ops.get_video(key_for(ctx), video_id))

    @server.tool(description="Your videos, newest first.", annotations=READ)
    async def list_videos(ctx: Context, limit: Limit = 20, token: Token = None, title: Annotated[str | None, Field(description="title contains")] = None) -> m.VideoList:
        return m.VideoList(**await ops.list_videos(key_for(ctx), limit, token, title))

    @server.tool(description="Delete a finished video and its files.", annotations=ToolAnnotations(destructiveHint=True, idempotentHint=False))
    async def delete_video(ctx: Context, video_id: str) -> m.Deleted:
        return m.Deleted(**await ops.delete_video(key_for(ctx), video_id))

    @server.tool(description="What the agent remembers about your brands (web address, call to action, colours, tone, brand kit, presenter, "
                             "voice), each fact with the session it came from; optionally one brand's.", annotations=READ)
    async def list_memory(ctx: Context, brand: Annotated[str | None, Field(max_length=200)] = None) -> m.MemoryList:
        return m.MemoryList(**await ops.list_memory(key_for(ctx), brand))

    @server.tool(description="Forget one remembered fact by its id, or every fact of one brand.",
                 annotations=ToolAnnotations(destructiveHint=True, idempotentHint=True))
    async def forget_memory(ctx: Context, fact_id: str | None = None, brand: Annotated[str | None, Field(max_length=200)] = None) -> m.Forgotten:
        return m.Forgotten(**await ops.forget_memory(key_for(ctx), fact_id, brand))

    @server.tool(description="Presenters (avatar looks) to pass as avatar_id.", annotations=READ)
    async def list_avatars(ctx: Context, limit: Limit = 20, token: Token = None) -> m.AvatarList:
        return m.AvatarList(**await ops.list_avatars(key_for(ctx), limit, token))

    @server.tool(description="Voices to pass as voice_id; filter by language prefix ('en', 'pt-BR') or gender.", annotations=READ)
    async def list_voices(ctx: Context, language: str | None = None, gender: Literal["male", "female"] | None = None, limit: Limit = 20,
                          token: Token = None) -> m.VoiceList:
        return m.VoiceList(**await ops.list_voices(key_for(ctx), language, gender, limit, token))

    @server.tool(description="Visual styles to pass as style_id; filter by tag.", annotations=READ)
    async def list_styles(ctx: Context, tag: str | None = None, limit: Limit = 20, token: Token = None) -> m.StyleList:
        return m.StyleList(**await ops.list_styles(key_for(ctx), tag, limit, token))

    return server
