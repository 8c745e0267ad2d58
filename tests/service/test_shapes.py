"""The Runflow and Runware shapes on the live server; Runware through the official `runware` SDK over its WebSocket."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import uuid

import httpx

from tests.service.conftest import wait_until

os.environ.setdefault("RUNWARE_VIDEO_POLLING_DELAY", "500")  # read by the SDK at import: poll twice a second, not every 3 s


def test_runflow_run_and_callback(api, receiver):
    server, clients, keys = api
    alice = clients["alice"]
    body = {"input": {"prompt": "A short welcome to Pixel Pantry, a grocery delivery app", "avatar": "auto", "voice": "auto", "duration": 5, "width": 320, "height": 180},
            "callback_url": f"{receiver.base}/hooks/runflow", "metadata": {"order": 7}}
    created = alice.post("/v1/models/heygen/v3/video-agent/runs", json=body)
    assert created.status_code == 200, created.text
    run = created.json()
    assert run["status"] == "queued" and run["run_id"] and run["metadata"] == {"order": 7}

    def done():
        r = alice.get(f"/v1/models/heygen/v3/video-agent/runs/{run['run_id']}").json()
        return r if r["status"] in ("succeeded", "failed", "cancelled") else None

    final = wait_until(done, 240, 0.5, "the run")
    assert final["status"] == "succeeded", final
    assert final["output"]["outputs"][0]["type"] == "video" and final["duration_ms"] is not None
    assert final["cost"]["amount"] > 0
    assert httpx.get(final["output"]["outputs"][0]["url"], timeout=30).status_code == 200
    assert alice.get(f"/v1/runs/{run['run_id']}").json()["status"] == "succeeded"
    assert clients["bob"].get(f"/v1/runs/{run['run_id']}").status_code == 404

    hit = wait_until(lambda: receiver.hits("/hooks/runflow"), 30, what="the Runflow callback")[0]
    payload = json.loads(hit["body"])
    assert payload["event"] == "run.completed" and payload["status"] == "succeeded" and payload["run_id"] == run["run_id"]
    assert payload["metadata"] == {"order": 7} and payload["output"]["outputs"] and payload["created_at"].endswith("Z")
    assert hit["headers"]["runflow-request-id"]
    assert hit["headers"]["runflow-signature"] == hmac.new(keys["alice"][1].encode(), hit["body"], hashlib.sha256).hexdigest()
    # The same run is a v3 session too.
    assert alice.get(f"/v3/video-agents/{run['run_id']}").json()["data"]["status"] == "completed"

    bad = alice.post("/v1/models/heygen/v3/video-agent/runs", json={"input": {"prompt": "x", "file_urls": ["http://169.254.169.254/a.png"]}})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "input.file_urls[0].url"


def test_runware_sdk_video_inference(api, receiver):
    from runware import IVideoInference, Runware

    server, clients, keys = api
    task_uuid = str(uuid.uuid4())

    async def run():
        client = Runware(api_key=keys["bob"][0], url=f"ws://127.0.0.1:{server.port}/v1")
        await client.connect()
        try:
            ack = await client.videoInference(IVideoInference(
                model="heygen:video-agent@0", taskUUID=task_uuid, positivePrompt="A short hello from Orbit Gym, open all night",
                width=320, height=180, duration=5, numberResults=2, outputFormat="MP4", outputQuality=80, ttl=120, includeCost=True,
                webhookURL=f"{receiver.base}/hooks/runware", uploadEndpoint=f"{receiver.base}/uploads/{task_uuid}.mp4", inputs={"avatar": "priya"}))
            results = await client.getResponse(taskUUID=task_uuid, numberResults=2)
            return ack, results
        finally:
            await client.disconnect()

    ack, results = asyncio.run(asyncio.wait_for(run(), 300))
    assert ack.taskUUID == task_uuid
    assert len(results) == 2 and all(r.status == "success" and r.videoURL and r.cost > 0 for r in results)
    assert len({r.seed for r in results}) == 2 and len({r.videoUUID for r in results}) == 2
    for r in results:
        assert httpx.get(r.videoURL, timeout=30).status_code == 200
        expires = int(httpx.URL(r.videoURL).params["expires"])
        import time

        assert expires - time.time() <= 121  # ttl honoured
    hooks = wait_until(lambda: len(receiver.hits("/hooks/runware")) >= 2 and receiver.hits("/hooks/runware"), 30, what="two Runware webhooks")
    assert {json.loads(h["body"])["data"][0]["videoUUID"] for h in hooks} == {r.videoUUID for r in results}
    uploads = wait_until(lambda: len(receiver.hits(f"/uploads/{task_uuid}.mp4", "PUT")) >= 2 and receiver.hits(f"/uploads/{task_uuid}.mp4", "PUT"), 30, what="the uploads")
    assert all(u["body"][4:8] == b"ftyp" for u in uploads)

    # The HTTP form of the same API: Bearer auth, getResponse, and task-level errors.
    http = httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {keys['bob'][0]}"}, timeout=30)
    polled = http.post("/v1", json=[{"taskType": "getResponse", "taskUUID": task_uuid}]).json()
    assert [d["status"] for d in polled["data"]] == ["success", "success"]
    errors = http.post("/v1", json=[{"taskType": "videoInference", "taskUUID": str(uuid.uuid4()), "model": "heygen:video-agent@0", "positivePrompt": "hi",
                                     "numberResults": 9}]).json()["errors"]
    assert errors[0]["code"] == "invalidNumberResults" and errors[0]["parameter"] == "numberResults"
    dup = http.post("/v1", json=[{"taskType": "videoInference", "taskUUID": task_uuid, "model": "heygen:video-agent@0", "positivePrompt": "hi"}]).json()
    assert dup["errors"][0]["code"] == "conflictTaskUUID"
    unknown = http.post("/v1", json=[{"taskType": "videoInference", "taskUUID": str(uuid.uuid4()), "model": "heygen:video-agent@0", "positivePrompt": "hi",
                                      "inputs": {"avatar": "maya"}}]).json()["errors"][0]
    assert unknown["code"] == "invalidParameter" and unknown["parameter"] == "inputs.avatar"
    assert httpx.post(server.base + "/v1", json=[{"taskType": "getResponse", "taskUUID": task_uuid}], headers={"Authorization": "Bearer nope"}).status_code == 401
    other = httpx.post(server.base + "/v1", json=[{"taskType": "getResponse", "taskUUID": task_uuid}], headers={"Authorization": f"Bearer {keys['alice'][0]}"}).json()
    assert other["errors"][0]["code"] == "taskNotFound"  # another key's task does not exist for it


def test_runflow_cancel(api, receiver):
    """Cancelled while queued behind another run (it never starts) and while running: both end cancelled, with callbacks."""
    _, clients, _ = api
    alice = clients["alice"]
    brief = {"prompt": "A short hello from Orbit Gym", "duration": 5, "width": 320, "height": 180}
    first = alice.post("/v1/models/heygen/v3/video-agent/runs", json={"input": brief}).json()
    run = alice.post("/v1/models/heygen/v3/video-agent/runs", json={"input": brief, "callback_url": f"{receiver.base}/hooks/runflow-cancel"}).json()
    assert alice.post(f"/v1/runs/{run['run_id']}/cancel").status_code == 200
    assert alice.post(f"/v1/runs/{first['run_id']}/cancel").status_code == 200
    assert wait_until(lambda: alice.get(f"/v1/runs/{first['run_id']}").json()["status"] == "cancelled", 120, 0.3, "the first run to stop")

    def done():
        r = alice.get(f"/v1/runs/{run['run_id']}").json()
        return r if r["status"] in ("succeeded", "failed", "cancelled") else None

    assert wait_until(done, 120, 0.3, "the cancelled run")["status"] == "cancelled"
    payload = json.loads(wait_until(lambda: receiver.hits("/hooks/runflow-cancel"), 30, what="the cancel callback")[0]["body"])
    assert payload["event"] == "run.cancelled" and payload["status"] == "cancelled" and payload["output"] is None
    queued = alice.get(f"/v3/video-agents/{run['run_id']}/videos").json()["data"][0]
    assert queued["failure_code"] == "cancelled" and queued["failure_message"] == "stopped before it started"


def test_runware_inputs_image_is_the_presenter(api):
    """inputs.image is the face that speaks: the job casts a photo avatar from it, not a stock presenter."""
    import base64
    import sqlite3

    from tests.avatar.photo_media import grace_hopper

    server, _, keys = api
    task_uuid = str(uuid.uuid4())
    http = httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {keys['bob'][0]}"}, timeout=30)
    photo = base64.b64encode(grace_hopper().read_bytes()).decode()
    ack = http.post("/v1", json=[{"taskType": "videoInference", "taskUUID": task_uuid, "model": "heygen:video-agent@0", "positivePrompt": "A short hello from Orbit Gym",
                                  "width": 320, "height": 180, "duration": 5, "inputs": {"image": photo}}]).json()
    assert ack["data"][0]["taskUUID"] == task_uuid, ack

    def settled():
        data = http.post("/v1", json=[{"taskType": "getResponse", "taskUUID": task_uuid}]).json().get("data") or []
        return data if data and all(d["status"] in ("success", "error") for d in data) else None

    results = wait_until(settled, 240, 0.5, "the photo-avatar task")
    assert results[0]["status"] == "success", results
    with sqlite3.connect(server.data_dir / "onetake.db") as db:
        messages = [row[0] for row in db.execute(
            "SELECT m.content FROM messages m JOIN sessions s ON s.id = m.session_id WHERE s.external_id = ?", (task_uuid,))]
    assert any("photo avatar made from" in m for m in messages), messages
