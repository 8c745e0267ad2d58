"""The MCP door with the official SDK's own client: over streamable HTTP at /mcp on the live server, and over stdio (`onetake mcp`)."""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import anyio
import av
import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from tests.service.conftest import ROOT

TOOLS = {"create_video_agent", "get_video_agent_session", "send_video_agent_message", "stop_video_agent_session", "get_video_agent_resource",
         "list_video_agent_session_videos", "get_video", "list_videos", "delete_video", "list_avatars", "list_voices", "list_styles",
         "list_memory", "forget_memory"}
FAST = {"duration": 5, "width": 320, "height": 180}


def http_client(server, key: str | None) -> Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client(streamable_http_client(f"{server.base}/mcp", http_client=httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=120))))


async def call(client: Client, name: str, **arguments) -> dict:
    result = await client.call_tool(name, arguments)
    assert not result.is_error, result.content[0].text
    return result.structured_content


async def error_of(client: Client, name: str, **arguments) -> str:
    result = await client.call_tool(name, arguments)
    assert result.is_error, result
    text = result.content[0].text
    prefix = f"Error executing tool {name}: "  # the SDK's framing; the rest is the API's own message
    assert text.startswith(prefix), text
    return text.removeprefix(prefix)


async def until_done(client: Client, session_id: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        session = await call(client, "get_video_agent_session", session_id=session_id)
        if session["status"] in ("completed", "failed"):
            return session
        await anyio.sleep(0.3)
    raise AssertionError(f"session {session_id} did not finish in {timeout} s")


def assert_real_mp4(data: bytes) -> None:
    assert data[4:8] == b"ftyp"
    with av.open(io.BytesIO(data)) as container:
        assert (container.streams.video[0].codec_context.width, container.streams.video[0].codec_context.height) == (320, 180)
        assert sum(1 for _ in container.decode(video=0)) > 50


def test_http_tools_are_listed_with_typed_schemas(api):
    server, _, keys = api

    async def run():
        async with http_client(server, keys["alice"][0]) as client:
            return (await client.list_tools()).tools

    tools = {t.name: t for t in anyio.run(run)}
    assert set(tools) == TOOLS
    create = tools["create_video_agent"]
    assert create.input_schema["required"] == ["prompt"]
    assert set(create.input_schema["properties"]["mode"]["enum"]) == {"generate", "chat"}
    assert {"session_id", "status", "video_id", "created_at"} <= set(create.output_schema["properties"])
    assert tools["get_video"].output_schema["properties"]["status"]["enum"] == ["pending", "processing", "completed", "failed"]
    assert tools["list_videos"].input_schema["properties"]["limit"]["maximum"] == 100
    assert tools["get_video"].annotations.read_only_hint is True


def test_http_video_end_to_end(api):
    server, clients, keys = api

    async def run():
        async with http_client(server, keys["alice"][0]) as client:
            voices = await call(client, "list_voices", language="en", limit=100)
            avatars = await call(client, "list_avatars", limit=100)
            styles = await call(client, "list_styles", limit=100)
            created = await call(client, "create_video_agent", prompt="A short hello from Lantern Coffee, roasted on Pier Road. Visit lantern.coffee",
                                 voice_id="joe", style_id="studio", **FAST)
            session = await until_done(client, created["session_id"])
            videos = await call(client, "list_video_agent_session_videos", session_id=created["session_id"])
            video = await call(client, "get_video", video_id=created["video_id"])
            listed = await call(client, "list_videos", limit=100)
            ready = next(m for m in session["messages"] if m["type"] == "resource")
            resources = [await call(client, "get_video_agent_resource", session_id=created["session_id"], resource_id=r) for r in ready["resource_ids"]]
            return voices, avatars, styles, created, session, videos, video, listed, resources

    voices, avatars, styles, created, session, videos, video, listed, resources = anyio.run(run)
    assert "joe" in {v["voice_id"] for v in voices["voices"]} and all(v["language"].lower().startswith("en") for v in voices["voices"])
    assert avatars["avatars"] and all(a["avatar_type"] == "studio_avatar" for a in avatars["avatars"])
    assert {"studio", "daylight"} <= {s["style_id"] for s in styles["styles"]}
    assert created["status"] == "thinking" and created["video_id"]
    assert session["status"] == "completed" and session["progress"] == 100 and session["title"]
    assert [v["id"] for v in videos["videos"]] == [created["video_id"]]
    assert video["status"] == "completed" and video["duration"] > 3 and video["video_path"] is None  # over HTTP the URL is the way
    assert created["video_id"] in {v["id"] for v in listed["videos"]}
    assert {r["resource_type"] for r in resources} >= {"draft", "video", "avatar", "voice", "timeline"}
    # The same session through the HTTP API: one set of rows behind both doors.
    assert clients["alice"].get(f"/v3/video-agents/{created['session_id']}").json()["data"]["status"] == "completed"
    downloaded = httpx.get(video["video_url"], timeout=60)
    assert downloaded.status_code == 200
    assert_real_mp4(downloaded.content)

    async def remove():
        async with http_client(server, keys["alice"][0]) as client:
            deleted = await call(client, "delete_video", video_id=created["video_id"])
            gone = await error_of(client, "get_video", video_id=created["video_id"])
            return deleted, gone

    deleted, gone = anyio.run(remove)
    assert deleted == {"id": created["video_id"], "deleted": True, "session_deleted": True}  # its generate session went with it
    assert gone == f"video '{created['video_id']}' not found (not_found, HTTP 404)"


def test_http_errors_are_tool_errors_with_the_api_messages(api):
    server, clients, keys = api
    alice_video = clients["alice"].get("/v3/videos", params={"limit": 1}).json()["data"]

    async def run():
        async with http_client(server, keys["bob"][0]) as client:
            too_long = await error_of(client, "create_video_agent", prompt="x" * 10_001)
            bad_style = await error_of(client, "create_video_agent", prompt="hello", style_id="no_such_style")
            private = await error_of(client, "create_video_agent", prompt="hello", files=[{"type": "url", "url": "http://169.254.169.254/x.png"}])
            unknown = await error_of(client, "get_video_agent_session", session_id="sess_nope")
            not_chat = None
            if alice_video:  # another key's video is not found, as over HTTP
                not_chat = await error_of(client, "get_video", video_id=alice_video[0]["id"])
            bad_limit = await error_of(client, "list_videos", limit=0)
            return too_long, bad_style, private, unknown, not_chat, bad_limit

    too_long, bad_style, private, unknown, other, bad_limit = anyio.run(run)
    assert too_long == "prompt: is 10001 characters; the limit is 10000 (invalid_parameter, HTTP 400)"
    assert bad_style.startswith("style_id: ") and "HTTP 400" in bad_style
    assert private.startswith("files[0].url: ") and "HTTP 400" in private
    assert unknown == "session 'sess_nope' not found (not_found, HTTP 404)"
    if other is not None:
        assert other.endswith("not found (not_found, HTTP 404)")
    assert "limit" in bad_limit


@pytest.mark.parametrize("key", [None, "ot_wrong"])
def test_http_needs_a_valid_key(api, key):
    server, _, _ = api
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    response = httpx.post(f"{server.base}/mcp", headers={**headers, "accept": "application/json, text/event-stream"},
                          json={"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_stdio_video_end_to_end(tmp_path):
    env = {"ONETAKE_DATA_DIR": str(tmp_path / "data"), "ONETAKE_RENDER_WORKERS": "2", "PYTHONPATH": str(ROOT),
           "OPENBLAS_NUM_THREADS": "1", "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(tmp_path / "cache"))}
    params = StdioServerParameters(command=sys.executable, args=["-m", "onetake", "mcp"], env=env, cwd=str(ROOT))

    async def run():
        async with Client(params, read_timeout_seconds=120) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            created = await call(client, "create_video_agent", prompt="A short hello from Birch Bikes, repairs while you wait", **FAST)
            session = await until_done(client, created["session_id"])
            video = await call(client, "get_video", video_id=created["video_id"])
            stopped = await call(client, "stop_video_agent_session", session_id=created["session_id"])
            wrong = await error_of(client, "send_video_agent_message", session_id=created["session_id"], message="make it blue")
            return tools, created, session, video, stopped, wrong

    tools, created, session, video, stopped, wrong = anyio.run(run)
    assert tools == TOOLS
    assert session["status"] == "completed", session
    assert video["status"] == "completed" and video["video_path"]
    path = Path(video["video_path"])
    assert path.is_file() and path.is_relative_to(tmp_path / "data")
    assert_real_mp4(path.read_bytes())
    assert path.with_suffix(".otio").is_file() and path.with_suffix(".xml").is_file()  # the editable timeline beside it
    assert stopped == {"session_id": created["session_id"]}
    assert "generate mode" in wrong and "HTTP 400" in wrong


def test_stdio_refuses_a_data_dir_a_server_is_rendering_from(api):
    """Both would resume and reap the same jobs: the second one refuses to start, saying why."""
    import json
    import subprocess

    server, _, _ = api
    hello = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                                                                      "clientInfo": {"name": "t", "version": "0"}}}) + "\n"
    done = subprocess.run([sys.executable, "-m", "onetake", "mcp", "--data-dir", str(server.data_dir)], input=hello.encode(), capture_output=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode != 0
    assert b"is rendering from" in done.stderr and b"/mcp" in done.stderr
    assert b'"result"' not in done.stdout  # it never answered as a server


def test_http_memory_tools_list_and_forget(api):
    server, _, keys = api

    async def run():
        async with http_client(server, keys["bob"][0]) as client:
            created = await call(client, "create_video_agent", prompt="A short hello from Saltmarsh Ceramics: hand-thrown mugs. Shop at saltmarshceramics.co.uk",
                                 **FAST)
            assert (await until_done(client, created["session_id"]))["status"] == "completed"
            facts = (await call(client, "list_memory", brand="Saltmarsh Ceramics"))["facts"]
            refused = await error_of(client, "forget_memory")
            one = await call(client, "forget_memory", fact_id=facts[0]["id"])
            missing = await error_of(client, "forget_memory", fact_id=facts[0]["id"])
            rest = await call(client, "forget_memory", brand="Saltmarsh Ceramics")
            after = (await call(client, "list_memory", brand="Saltmarsh Ceramics"))["facts"]
            return facts, refused, one, missing, rest, after

    facts, refused, one, missing, rest, after = anyio.run(run)
    assert {"url": "saltmarshceramics.co.uk"}.items() <= {f["kind"]: f["value"] for f in facts}.items()
    assert "fact_id" in refused and one == {"deleted": 1} and "not found" in missing
    assert rest["deleted"] == len(facts) - 1 and after == []
