"""Every v3 route's response against the field lists of the reference (names, types, enums), error envelopes included."""

from __future__ import annotations

import httpx
import pytest

from tests.service.conftest import poll_session, wait_draft
from tests.service.contract import REFERENCE, check, load

SCHEMAS = load() if REFERENCE.exists() else {}


def assert_contract(route: str, body: dict) -> None:
    assert REFERENCE.exists(), f"the reference {REFERENCE} is missing"
    assert "data" in body, body
    problems = check(body, SCHEMAS[route])
    assert not problems, f"{route}: {problems}"


def assert_error(response, status: int, code: str, param: str | None = "any") -> dict:
    assert response.status_code == status, (response.status_code, response.text)
    error = response.json()["error"]
    assert set(error) == {"code", "message", "param", "doc_url"}, error
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and error["message"]
    if param != "any":
        assert error["param"] == param, error
    return error


def test_reference_parsed():
    assert len(SCHEMAS) > 40
    assert SCHEMAS["GET /v3/videos/{video_id}"]["data"].children["status"].enum == ["pending", "processing", "completed", "failed"]


def test_session_and_video_routes(api, finished):
    _, clients, _ = api
    alice = clients["alice"]
    assert_contract("POST /v3/video-agents", finished["create"])
    sid, vid = finished["session_id"], finished["video_id"]
    assert_contract("GET /v3/video-agents/{session_id}", alice.get(f"/v3/video-agents/{sid}").json())
    chat = alice.post("/v3/video-agents", json={"prompt": "A 20-second intro for Needle & Note, a vinyl club", "mode": "chat"})
    assert_contract("POST /v3/video-agents", chat.json())
    wait_draft(alice, chat.json()["data"]["session_id"])
    chat_session = alice.get(f"/v3/video-agents/{chat.json()['data']['session_id']}").json()
    assert_contract("GET /v3/video-agents/{session_id}", chat_session)
    assert chat_session["data"]["status"] == "reviewing" and chat_session["data"]["video_id"] is None
    draft_id = chat_session["data"]["messages"][0]["resource_ids"][0]
    draft = alice.get(f"/v3/video-agents/{chat_session['data']['session_id']}/resources/{draft_id}").json()
    assert_contract("GET /v3/video-agents/{session_id}/resources/{resource_id}", draft)
    assert draft["data"]["resource_type"] == "draft"
    assert_error(alice.post(f"/v3/video-agents/{sid}", json={"message": "make it blue"}), 400, "unsupported_operation")
    chat_id = chat_session["data"]["session_id"]
    approved = alice.post(f"/v3/video-agents/{chat_id}", json={"message": "Looks good, go ahead"})
    assert_contract("POST /v3/video-agents/{session_id}", approved.json())
    assert approved.json()["data"]["session_id"] == chat_id and approved.json()["data"]["title"]
    assert_error(alice.post(f"/v3/video-agents/{chat_id}", json={"message": "and again"}), 409, "request_in_progress")
    alice.post(f"/v3/video-agents/{chat_id}/stop")  # no need to render it here: stopping is part of the contract too
    stopped = poll_session(alice, chat_id)
    # stopped while the approval was thought (no video yet) or while it rendered (its video, cancelled)
    assert stopped["status"] == "failed" and stopped["video_id"] in (None, approved.json()["data"]["run_id"])
    if stopped["video_id"]:
        assert alice.get(f"/v3/videos/{stopped['video_id']}").json()["data"]["failure_code"] == "cancelled"
    listed = alice.get("/v3/video-agents", params={"limit": 1}).json()
    assert_contract("GET /v3/video-agents", listed)
    assert listed["has_more"] is True and listed["next_token"]
    second = alice.get("/v3/video-agents", params={"limit": 1, "token": listed["next_token"]}).json()
    assert second["data"][0]["session_id"] != listed["data"][0]["session_id"]
    assert_contract("GET /v3/video-agents/{session_id}/videos", alice.get(f"/v3/video-agents/{sid}/videos").json())
    video = alice.get(f"/v3/videos/{vid}").json()
    assert_contract("GET /v3/videos/{video_id}", video)
    assert video["data"]["video_url"] and video["data"]["subtitle_url"] and video["data"]["thumbnail_url"] and video["data"]["captioned_video_url"]
    assert_contract("GET /v3/videos", alice.get("/v3/videos").json())
    for rid in finished["session"]["messages"][0]["resource_ids"]:
        assert_contract("GET /v3/video-agents/{session_id}/resources/{resource_id}", alice.get(f"/v3/video-agents/{sid}/resources/{rid}").json())
    stop = alice.post(f"/v3/video-agents/{sid}/stop")
    assert_contract("POST /v3/video-agents/{session_id}/stop", stop.json())


def test_catalogue_routes(api):
    _, clients, _ = api
    alice = clients["alice"]
    styles = alice.get("/v3/video-agents/styles").json()
    assert_contract("GET /v3/video-agents/styles", styles)
    assert {s["style_id"] for s in styles["data"]} >= {"studio", "daylight"}
    tagged = alice.get("/v3/video-agents/styles", params={"tag": "luxury"}).json()["data"]
    assert tagged and all("luxury" in s["tags"] for s in tagged)
    avatars = alice.get("/v3/avatars", params={"limit": 100}).json()
    assert_contract("GET /v3/avatars", avatars)
    looks = alice.get("/v3/avatars/looks", params={"limit": 100}).json()
    assert_contract("GET /v3/avatars/looks", looks)
    first = looks["data"][0]["id"]
    assert_contract("GET /v3/avatars/looks/{look_id}", alice.get(f"/v3/avatars/looks/{first}").json())
    assert_contract("GET /v3/avatars/{group_id}", alice.get(f"/v3/avatars/{first}").json())
    voices = alice.get("/v3/voices", params={"limit": 100}).json()
    assert_contract("GET /v3/voices", voices)
    assert {"joe", "heart"} <= {v["voice_id"] for v in voices["data"]}
    heart = next(v for v in voices["data"] if v["voice_id"] == "heart")
    sample = httpx.get(heart["preview_audio_url"], timeout=60)
    assert sample.status_code == 200 and sample.content[:4] == b"RIFF" and len(sample.content) > 24_000 * 2  # over a second of speech


def test_asset_and_webhook_routes(api, receiver, portrait_photo):
    _, clients, _ = api
    alice = clients["alice"]
    up = alice.post("/v3/assets", files={"file": ("me.jpg", portrait_photo.read_bytes(), "image/jpeg")})
    assert_contract("POST /v3/assets", up.json())
    assert up.json()["data"]["mime_type"] == "image/jpeg"
    asset_id = up.json()["data"]["asset_id"]
    assert_contract("GET /v3/assets/{asset_id}", alice.get(f"/v3/assets/{asset_id}").json())
    assert_contract("DELETE /v3/assets/{asset_id}", alice.delete(f"/v3/assets/{asset_id}").json())
    made = alice.post("/v3/webhooks/endpoints", json={"url": f"{receiver.base}/hooks/contract", "events": ["video_agent.success"]}).json()
    assert_contract("POST /v3/webhooks/endpoints", made)
    eid = made["data"]["endpoint_id"]
    assert_contract("GET /v3/webhooks/endpoints", alice.get("/v3/webhooks/endpoints").json())
    assert_contract("PATCH /v3/webhooks/endpoints/{endpoint_id}", alice.patch(f"/v3/webhooks/endpoints/{eid}", json={"events": ["video_agent.fail"]}).json())
    assert_contract("POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret", alice.post(f"/v3/webhooks/endpoints/{eid}/rotate-secret").json())
    assert_contract("GET /v3/webhooks/event-types", alice.get("/v3/webhooks/event-types").json())
    assert_contract("DELETE /v3/webhooks/endpoints/{endpoint_id}", alice.delete(f"/v3/webhooks/endpoints/{eid}").json())
    assert_error(alice.delete(f"/v3/webhooks/endpoints/{eid}"), 404, "not_found")


@pytest.mark.parametrize("method,path", [("GET", "/v3/videos/vid_nope"), ("GET", "/v3/video-agents/sess_nope"), ("DELETE", "/v3/videos/vid_nope"),
                                         ("GET", "/v3/video-agents/sess_nope/videos"), ("GET", "/v3/video-agents/sess_nope/resources/res_x"),
                                         ("POST", "/v3/video-agents/sess_nope/stop"), ("GET", "/v3/avatars/looks/nobody"), ("GET", "/v3/assets/asset_nope")])
def test_unknown_ids_are_404_envelopes(api, method, path):
    _, clients, _ = api
    assert_error(clients["alice"].request(method, path), 404, "not_found")


def test_auth_errors(api):
    server, _, _ = api
    import httpx

    assert_error(httpx.get(server.base + "/v3/videos"), 401, "unauthorized")
    assert_error(httpx.get(server.base + "/v3/videos", headers={"x-api-key": "ot_wrong"}), 401, "unauthorized")
    _, clients, keys = api
    ok = httpx.get(server.base + "/v3/videos", headers={"Authorization": f"Bearer {keys['alice'][0]}"})
    assert ok.status_code == 200
