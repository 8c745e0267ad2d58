"""A finished video's .otio and FCP7 .xml are listed as session resources, downloadable at signed URLs, and read back."""

from __future__ import annotations

import httpx
import opentimelineio as otio


def test_timeline_exports_are_session_resources(api, finished):
    _, clients, _ = api
    alice = clients["alice"]
    session_id, video_id = finished["session_id"], finished["video_id"]
    ready = next(m for m in finished["session"]["messages"] if m["type"] == "resource")
    resources = [alice.get(f"/v3/video-agents/{session_id}/resources/{rid}").json()["data"] for rid in ready["resource_ids"]]
    timelines = {r["metadata"]["format"]: r for r in resources if r["resource_type"] == "timeline"}
    assert set(timelines) == {"otio", "fcp_xml"}
    video = alice.get(f"/v3/videos/{video_id}").json()["data"]
    for fmt, resource in timelines.items():
        assert resource["metadata"]["video_id"] == video_id
        assert resource["metadata"]["file_name"].endswith(".otio" if fmt == "otio" else ".xml")
        body = httpx.get(resource["url"], timeout=30)
        assert body.status_code == 200
        read = otio.adapters.read_from_string(body.text, adapter_name="otio_json" if fmt == "otio" else "fcp_xml")
        scenes = read.video_tracks()[0]
        assert len(scenes) >= 1 and read.audio_tracks()  # scenes and narration
        rate = scenes[0].source_range.start_time.rate
        assert abs(read.duration().to_seconds() - video["duration"]) <= 1 / rate  # the whole video, to the frame
    # Bob cannot read Alice's resources.
    assert clients["bob"].get(f"/v3/video-agents/{session_id}/resources/{timelines['otio']['resource_id']}").status_code == 404
