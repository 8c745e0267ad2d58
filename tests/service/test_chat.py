"""Chat mode on a live server: drafts, edits that change what they name and nothing else, approval,
questions and their answers, thank-yous, the newest video_id, v1 paths, and memory across sessions.

The briefs here are the tests' own (invented businesses), not the examples the planner was grown on.
"""

from __future__ import annotations

import io
import re

import av
import httpx
import pytest

from tests.service.conftest import poll_session, wait_until
from tests.service.test_contract import assert_error

SMALL = {"width": 320, "height": 180}


@pytest.fixture(scope="module")
def carol(api):
    return api[1]["carol"]


def _settled(client, sid: str, timeout: float = 120) -> dict:
    """The session once its turn is thought: not thinking any more (reviewing, waiting, generating, completed...)."""
    def ready():
        data = client.get(f"/v3/video-agents/{sid}").json()["data"]
        return data if data["status"] != "thinking" else None

    return wait_until(ready, timeout, 0.2, f"session {sid} to think")


def _say(client, sid: str, message: str, **fields) -> tuple[dict, dict]:
    """Send a follow-up, wait until it is thought; (the POST's data, the session)."""
    sent = client.post(f"/v3/video-agents/{sid}", json={"message": message, **fields})
    assert sent.status_code == 200, sent.text
    return sent.json()["data"], _settled(client, sid)


def _draft(client, session: dict) -> tuple[dict, dict]:
    """The newest draft resource of a session (messages are newest first) and its storyboard."""
    for message in session["messages"]:
        for rid in message["resource_ids"]:
            resource = client.get(f"/v3/video-agents/{session['session_id']}/resources/{rid}").json()["data"]
            if resource["resource_type"] == "draft":
                return resource, httpx.get(resource["url"], timeout=30).json()
    raise AssertionError(f"no draft in {session['session_id']}")


def _narration(board: dict) -> list[str]:
    return [scene["narration"] for scene in board["scenes"]]


def _probe(url: str) -> tuple[float, int, int]:
    data = httpx.get(url, timeout=30).content
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        return float(container.duration / 1e6), stream.codec_context.width, stream.codec_context.height


def _gender(client, avatar_id: str) -> str:
    return client.get(f"/v3/avatars/looks/{avatar_id}").json()["data"]["gender"]


def test_a_conversation_edits_only_what_each_message_names(carol):
    created = carol.post("/v3/video-agents", json={"prompt": "An 8-second video for Tidewater Kayaks: guided sunset paddles on the bay, "
                                                            "boards and life vests included. Book at tidewaterkayaks.com", "mode": "chat", "duration": 8, **SMALL})
    assert created.status_code == 200, created.text
    sid = created.json()["data"]["session_id"]
    session = _settled(carol, sid)
    assert session["status"] == "reviewing", session
    assert session["video_id"] is None  # nothing rendered before approval
    first, board = _draft(carol, session)
    assert first["metadata"]["duration"] == 8 and "tidewater" in " ".join(_narration(board)).lower()
    sheet = httpx.get(first["preview_url"], timeout=30)
    assert sheet.status_code == 200 and sheet.content[:8] == b"\x89PNG\r\n\x1a\n"  # a contact sheet of the scenes
    presenter, voice = first["metadata"]["avatar_id"], first["metadata"]["voice_id"]

    # A length: the script is refitted, the cast is not touched.
    _, session = _say(carol, sid, "Make it 6 seconds instead")
    assert session["status"] == "reviewing"
    shorter, board = _draft(carol, session)
    assert shorter["metadata"]["duration"] == 6 and shorter["metadata"]["revision"] == first["metadata"]["revision"] + 1
    assert (shorter["metadata"]["avatar_id"], shorter["metadata"]["voice_id"]) == (presenter, voice)
    assert "6 s" in session["messages"][0]["content"]  # the draft message says what changed

    # A new ending, quoted: the last scene says it; the others are as they were; the message is not narration.
    before = _narration(board)
    _, session = _say(carol, sid, "Change the ending to 'Paddle with us at tidewaterkayaks.com tonight'")
    _, board = _draft(carol, session)
    after = _narration(board)
    assert after[-1].startswith("Paddle with us at tidewaterkayaks.com tonight")
    assert after[:-1] == before[:-1]
    assert not any(re.search(r"\bchange\b|\bending\b", line, re.I) for line in after)

    # "OK, but ..." is a revision, not an approval: a male presenter, same script.
    wanted = "male" if _gender(carol, presenter) == "female" else "female"
    _, session = _say(carol, sid, f"OK, but go with a {wanted} presenter")
    assert session["status"] == "reviewing" and session["video_id"] is None
    recast, board = _draft(carol, session)
    assert _gender(carol, recast["metadata"]["avatar_id"]) == wanted
    assert _narration(board) == after

    # Approval renders exactly the reviewed draft; run_id is the video's id, and the session's video_id.
    sent, session = _say(carol, sid, "Looks good, go ahead")
    done = poll_session(carol, sid)
    assert done["status"] == "completed", done
    assert done["video_id"] == sent["run_id"]
    video = carol.get(f"/v3/videos/{sent['run_id']}").json()["data"]
    duration, width, height = _probe(video["video_url"])
    assert 5.0 <= duration <= 7.5 and (width, height) == (320, 180)
    assert carol.get(f"/v3/video-agents/{sid}/resources/{recast['resource_id']}").status_code == 200  # drafts stay resources

    # A follow-up video: vertical, same script; the session's video_id is now the newest.
    sent, _ = _say(carol, sid, "Now make a vertical version for Instagram Reels")
    done = poll_session(carol, sid)
    assert done["status"] == "completed" and done["video_id"] == sent["run_id"]
    _, board = _draft(carol, done)
    assert _narration(board) == after
    assert not any(re.search(r"vertical|instagram|reels", line, re.I) for line in _narration(board))
    _, width, height = _probe(carol.get(f"/v3/videos/{sent['run_id']}").json()["data"]["video_url"])
    assert height > width
    videos = carol.get(f"/v3/video-agents/{sid}/videos").json()["data"]
    assert len(videos) == 2

    # Thanks after completion is answered, never rendered.
    _, session = _say(carol, sid, "Looks good, thanks!")
    assert session["status"] == "completed"
    assert session["messages"][0]["role"] == "model" and "render" not in session["messages"][0]["content"].lower().split("'")[0]
    assert len(carol.get(f"/v3/video-agents/{sid}/videos").json()["data"]) == 2


def test_the_agent_asks_when_the_brief_has_nothing_to_say_and_the_answer_continues(carol):
    created = carol.post("/v3/video-agents", json={"prompt": "Make a video about our app.", "mode": "chat", "duration": 6, **SMALL})
    sid = created.json()["data"]["session_id"]
    session = _settled(carol, sid)
    assert session["status"] == "waiting_for_input", session
    question = session["messages"][0]
    assert question["role"] == "model" and question["content"].count("?") >= 1
    _, session = _say(carol, sid, "It's Parcelpal, an app that tracks parcels from every courier in one place. Download it at parcelpal.app")
    assert session["status"] == "reviewing", session
    _, board = _draft(carol, session)
    spoken = " ".join(_narration(board)).lower()
    assert "parcelpal" in spoken and "parcels" in spoken
    carol.post(f"/v3/video-agents/{sid}/stop")


def test_asked_to_ask_about_the_voice_it_offers_choices_and_takes_the_answer(carol):
    created = carol.post("/v3/video-agents", json={"prompt": "Ask me which voice I want before you start. A short hello from Greyfield Dental, "
                                                            "gentle check-ups for nervous patients.", "mode": "chat", "duration": 6, **SMALL})
    sid = created.json()["data"]["session_id"]
    session = _settled(carol, sid)
    assert session["status"] == "waiting_for_input", session
    text = session["messages"][0]["content"]
    offered = re.findall(r"(\d)\. (.+?), (?:female|male)\b", text)
    assert len(offered) >= 2 and "http" in text  # choices with their preview links
    voices = {v["name"]: v["voice_id"] for v in carol.get("/v3/voices", params={"limit": 100}).json()["data"]}
    second = voices[offered[1][1].strip()]
    _, session = _say(carol, sid, "The second one, please")
    assert session["status"] == "reviewing", session
    draft, _ = _draft(carol, session)
    assert draft["metadata"]["voice_id"] == second
    carol.post(f"/v3/video-agents/{sid}/stop")


def test_vague_and_unreadable_messages_get_a_question_or_what_can_change(carol):
    created = carol.post("/v3/video-agents", json={"prompt": "A 6-second video for Ashgrove Cycles: bike repairs while you wait. Call 0161 555 0101",
                                                   "mode": "chat", "duration": 6, **SMALL})
    sid = created.json()["data"]["session_id"]
    session = _settled(carol, sid)
    _, before = _draft(carol, session)
    _, session = _say(carol, sid, "Make it better")
    assert session["status"] == "waiting_for_input" and "?" in session["messages"][0]["content"]
    _, session = _say(carol, sid, "Shorter, 5 seconds")  # the answer continues the review
    assert session["status"] == "reviewing", session
    draft, _ = _draft(carol, session)
    assert draft["metadata"]["duration"] == 5
    _, session = _say(carol, sid, "Can you tell me a joke?")
    assert session["status"] == "reviewing"
    assert "duration" in session["messages"][0]["content"].lower() or "length" in session["messages"][0]["content"].lower()
    _, after = _draft(carol, session)
    assert after["target_duration"] == 5  # nothing changed by a message that names nothing
    # A failed edit loses nothing: bad ids are refused before anything is stored.
    messages = carol.get(f"/v3/video-agents/{sid}").json()["data"]["messages"]
    assert_error(carol.post(f"/v3/video-agents/{sid}", json={"message": "Use this one", "voice_id": "no-such-voice"}), 400, "invalid_parameter", "voice_id")
    assert carol.get(f"/v3/video-agents/{sid}").json()["data"]["messages"] == messages
    # Stop during review ends the session without a video, keeping the drafts, and says so.
    carol.post(f"/v3/video-agents/{sid}/stop")
    stopped = carol.get(f"/v3/video-agents/{sid}").json()["data"]
    assert stopped["status"] == "failed" and stopped["video_id"] is None
    assert "Kept" in stopped["messages"][0]["content"] and stopped["messages"][0]["resource_ids"]


def test_v1_paths_run_over_the_same_sessions(carol):
    made = carol.post("/v1/video_agent/generate", json={"prompt": "A short hello from Millrace Books, second-hand books by the river.",
                                                        "config": {"duration_sec": 5, "orientation": "landscape"}, "callback_id": "v1-7"})
    assert made.status_code == 200, made.text
    body = made.json()
    assert body["error"] is None and body["data"]["video_id"].startswith("vid_")
    video_id = body["data"]["video_id"]

    def finished():
        data = carol.get("/v1/video_status.get", params={"video_id": video_id}).json()
        return data if data["data"]["status"] in ("completed", "failed") else None

    status = wait_until(finished, 240, 0.5, "the v1 video")
    assert status["code"] == 100 and status["message"] == "Success"
    data = status["data"]
    assert data["status"] == "completed" and data["id"] == video_id and data["callback_id"] == "v1-7" and data["error"] is None
    assert httpx.get(data["video_url"], timeout=30).status_code == 200 and httpx.get(data["caption_url"], timeout=30).status_code == 200
    assert carol.get(f"/v3/videos/{video_id}").json()["data"]["status"] == "completed"  # the same video in v3
    assert_error(carol.post("/v1/video_agent/generate", json={"prompt": "Hello", "config": {"duration_sec": 2}}), 400, "invalid_parameter", "config.duration_sec")
    assert carol.get("/v1/video_status.get", params={"video_id": "vid_nope"}).status_code == 404


def test_memory_carries_a_brand_to_the_next_session_and_incognito_neither_reads_nor_writes(carol):
    voice = carol.get("/v3/voices", params={"limit": 100}).json()["data"][-1]["voice_id"]
    first = carol.post("/v3/video-agents", json={"prompt": "A 6-second hello from Juniper Bakehouse: sourdough and rye, baked daily. "
                                                          "Order at juniperbakehouse.com. Warm, friendly tone.", "voice_id": voice, "duration": 6, **SMALL})
    sid = first.json()["data"]["session_id"]
    assert poll_session(carol, sid)["status"] == "completed"
    facts = {f["kind"]: f for f in carol.get("/v3/memory", params={"brand": "Juniper Bakehouse"}).json()["data"]}
    assert facts["url"]["value"] == "juniperbakehouse.com" and facts["voice_id"]["value"] == voice
    assert facts["url"]["source_session_id"] == sid and facts["url"]["brand"] == "Juniper Bakehouse"

    # Incognito: the same brand with a new address neither starts from memory nor changes it.
    private = carol.post("/v3/video-agents", json={"prompt": "A 6-second video for Juniper Bakehouse about cinnamon buns. Order at junipernew.example",
                                                   "incognito_mode": True, "duration": 6, **SMALL})
    done = poll_session(carol, private.json()["data"]["session_id"])
    assert done["status"] == "completed" and not any("remember" in m["content"] for m in done["messages"])
    after = {f["kind"]: f for f in carol.get("/v3/memory", params={"brand": "juniper bakehouse"}).json()["data"]}
    assert after == facts

    # A later session naming the brand starts from what was remembered, says so, and its own words win.
    later = carol.post("/v3/video-agents", json={"prompt": "A 6-second video for Juniper Bakehouse about our new cinnamon buns.", "mode": "chat", **SMALL})
    lsid = later.json()["data"]["session_id"]
    session = _settled(carol, lsid)
    assert session["status"] == "reviewing", session
    assert "Using what I remember about Juniper Bakehouse" in session["messages"][0]["content"]
    draft, board = _draft(carol, session)
    assert draft["metadata"]["voice_id"] == voice
    assert "juniperbakehouse.com" in " ".join(_narration(board)).lower()
    carol.post(f"/v3/video-agents/{lsid}/stop")

    # Forgetting: one fact, then all; unknown ids are 404.
    assert carol.delete(f"/v3/memory/{facts['url']['id']}").json()["data"]["deleted"] is True
    assert "url" not in {f["kind"] for f in carol.get("/v3/memory", params={"brand": "Juniper Bakehouse"}).json()["data"]}
    assert carol.delete(f"/v3/memory/{facts['url']['id']}").status_code == 404
    assert carol.delete("/v3/memory").json()["data"]["deleted"] >= 1
    assert carol.get("/v3/memory").json()["data"] == []


def test_a_document_sent_with_a_follow_up_is_read_into_the_draft(carol, tmp_path):
    import base64

    from tests.media import write_test_pdf

    pdf = write_test_pdf(tmp_path, [["Kelpie Tours price sheet", "Half-day seal safari: 45 pounds per adult.", "Boats leave Oban pier at 9am daily."]])
    created = carol.post("/v3/video-agents", json={"prompt": "A 15-second video for Kelpie Tours, boat trips to see seals off Oban.", "mode": "chat", **SMALL})
    sid = created.json()["data"]["session_id"]
    _, before = _draft(carol, _settled(carol, sid))
    data = base64.b64encode(pdf.read_bytes()).decode()
    _, session = _say(carol, sid, "Here is our price sheet, use it", files=[{"type": "base64", "media_type": "application/pdf", "data": data}])
    assert session["status"] == "reviewing", session
    _, after = _draft(carol, session)
    spoken = " ".join(_narration(after)).lower()
    assert "45" in spoken and "45" not in " ".join(_narration(before))
    assert "price sheet, use it" not in spoken
    assert after["target_duration"] == before["target_duration"]
    carol.post(f"/v3/video-agents/{sid}/stop")


def test_stop_while_rendering_keeps_the_storyboard_and_narration(carol):
    created = carol.post("/v3/video-agents", json={"prompt": "A 60-second tour of Brackenfield Farm Shop: local cheese, raw milk, "
                                                            "free-range eggs and a cafe with a view of the hills. Open daily from 8am.", "duration": 60, **SMALL})
    sid, vid = created.json()["data"]["session_id"], created.json()["data"]["video_id"]
    # The render has begun once progress passes planning, speech and timeline (25 of 100).
    wait_until(lambda: carol.get(f"/v3/video-agents/{sid}").json()["data"]["progress"] >= 30, 240, 0.2, "the render to start")
    assert carol.post(f"/v3/video-agents/{sid}/stop").status_code == 200
    done = poll_session(carol, sid)
    assert done["status"] == "failed" and carol.get(f"/v3/videos/{vid}").json()["data"]["failure_code"] == "cancelled"
    said = done["messages"][0]
    assert said["content"].startswith("Stopped") and "storyboard" in said["content"] and "narration" in said["content"]
    kept = {r["resource_type"]: r for r in (carol.get(f"/v3/video-agents/{sid}/resources/{rid}").json()["data"] for rid in said["resource_ids"])}
    board = httpx.get(kept["draft"]["url"], timeout=30).json()
    assert "brackenfield" in " ".join(_narration(board)).lower()
    audio = httpx.get(kept["audio"]["url"], timeout=30)
    assert audio.status_code == 200 and audio.content[:4] == b"RIFF" and kept["audio"]["metadata"]["duration"] > 3
