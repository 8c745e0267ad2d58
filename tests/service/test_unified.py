"""The unified task shape on the live server: create, poll until a URL appears, download a real MP4; errors in the shape's envelope."""

from __future__ import annotations

import io
import re
import time

import av
import httpx
import pytest

from tests.service.conftest import wait_until

TASK_ID = re.compile(r"^task-unified-(\d{10})-[a-z0-9]{8}$")
FAST = {"duration": 5, "width": 320, "height": 180}  # onetake extensions: a few seconds of real rendering


class TaskClient:
    """What a client of the shape does: POST a generation, poll GET /v1/tasks/{id} until results carry a URL."""

    def __init__(self, base: str, key: str):
        self.http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30)

    def create(self, **body) -> httpx.Response:
        return self.http.post("/v1/videos/generations", json={"model": "heygen-video-agent", **body})

    def wait(self, task_id: str, timeout: float = 240) -> tuple[dict, list[dict]]:
        """The final task and every poll seen on the way (deadline-bound, no fixed sleeps)."""
        seen: list[dict] = []

        def done():
            task = self.http.get(f"/v1/tasks/{task_id}").json()
            seen.append(task)
            if task["status"] == "failed":
                return task
            urls = [r if isinstance(r, str) else r.get("url") for r in task.get("results") or []]  # some clients accept plain strings
            return task if task["status"] == "completed" and any(urls) else None

        return wait_until(done, timeout, 0.3, f"task {task_id}"), seen


@pytest.fixture(scope="module")
def tasks(api):
    server, _, keys = api
    return {name: TaskClient(server.base, key) for name, (key, _) in keys.items()}


def assert_task_shape(task: dict) -> None:
    assert TASK_ID.match(task["id"]), task["id"]
    assert task["object"] == "video.generation.task" and task["type"] == "video" and task["model"] == "heygen-video-agent"
    assert isinstance(task["created"], int) and abs(task["created"] - time.time()) < 3600
    assert task["status"] in ("pending", "processing", "completed", "failed")
    assert isinstance(task["progress"], int) and 0 <= task["progress"] <= 100
    assert set(task["task_info"]) == {"can_cancel", "estimated_time"} and isinstance(task["task_info"]["estimated_time"], int)


def assert_error(response: httpx.Response, status: int, code: str, param: str | None = None, mentions: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and isinstance(error["message"], str) and error["message"], error
    assert error["type"] == {400: "invalid_request_error", 401: "authentication_error", 404: "not_found_error", 413: "invalid_request_error"}[status], error
    assert "doc_url" not in error  # this shape's envelope, not v3's
    if param is not None:
        assert error["param"] == param, error
    if mentions is not None:
        assert mentions in error["message"], error
    return error


def test_generation_polls_to_a_downloadable_mp4(api, tasks):
    _, clients, _ = api
    alice = tasks["alice"]
    created = alice.create(prompt="A short hello from Fern & Flint, a candle shop on Mill Street. Visit fernandflint.shop",
                           avatar_id="auto", voice_id="", style_id="auto", orientation="", incognito_mode=True, **FAST)
    assert created.status_code == 200, created.text
    task = created.json()
    assert_task_shape(task)
    assert task["status"] == "pending" and task["progress"] == 0 and task["task_info"]["can_cancel"] is True
    assert task["task_info"]["estimated_time"] > 0 and "results" not in task

    final, seen = alice.wait(task["id"])
    assert final["status"] == "completed", final
    assert_task_shape(final)
    progress = [t["progress"] for t in seen]
    assert progress == sorted(progress) and final["progress"] == 100  # moves forward only
    assert final["task_info"] == {"can_cancel": False, "estimated_time": 0}
    [result] = final["results"]
    assert result["content_type"] == "video/mp4"
    expires = int(httpx.URL(result["url"]).params["expires"])
    assert 24 * 3600 - 60 <= expires - time.time() <= 24 * 3600 + 5  # links valid for 24 hours

    downloaded = httpx.get(result["url"], timeout=60)  # a signed link: no key needed
    assert downloaded.status_code == 200 and downloaded.content[4:8] == b"ftyp"
    with av.open(io.BytesIO(downloaded.content)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (320, 180)
        assert 3 <= container.duration / av.time_base <= 9
        assert sum(1 for _ in container.decode(video=0)) > 50  # real frames, decodable

    # Another key cannot see it; the task is the same job the v3 routes show.
    assert_error(tasks["bob"].http.get(f"/v1/tasks/{task['id']}"), 404, "not_found")
    videos = clients["alice"].get("/v3/videos", params={"limit": 100}).json()["data"]
    assert any(v["status"] == "completed" and v["video_url"] for v in videos)


@pytest.mark.parametrize("body,param,mentions", [
    ({"prompt": "hello"}, "model", None),
    ({"model": "sora-2", "prompt": "hello"}, "model", "heygen-video-agent"),
    ({"model": "heygen-video-agent"}, "prompt", None),
    ({"model": "heygen-video-agent", "prompt": ""}, "prompt", "10000"),
    ({"model": "heygen-video-agent", "prompt": "x" * 10_001}, "prompt", "the limit is 10000"),
    ({"model": "heygen-video-agent", "prompt": "hi", "orientation": "square"}, "orientation", "landscape or portrait"),
    ({"model": "heygen-video-agent", "prompt": "hi", "file_urls": [f"https://example.com/{i}.png" for i in range(21)]}, "file_urls", "the limit is 20"),
    ({"model": "heygen-video-agent", "prompt": "hi", "file_urls": ["http://169.254.169.254/latest/meta-data"]}, "file_urls[0].url", None),
    ({"model": "heygen-video-agent", "prompt": "hi", "avatar_id": "nobody_like_this"}, "avatar_id", None),
    ({"model": "heygen-video-agent", "prompt": "hi", "style_id": "no_such_style"}, "style_id", None),
])
def test_bad_input_names_the_field(tasks, body, param, mentions):
    response = tasks["alice"].http.post("/v1/videos/generations", json=body)
    assert_error(response, 400, "invalid_parameter", param, mentions)


def test_unknown_task_and_auth_errors(api, tasks):
    server, _, _ = api
    assert_error(tasks["alice"].http.get("/v1/tasks/task-unified-1757165031-uyujaw3d"), 404, "not_found", mentions="task-unified-1757165031-uyujaw3d")
    assert_error(httpx.get(server.base + "/v1/tasks/task-unified-1757165031-uyujaw3d"), 401, "unauthorized")
    wrong = httpx.post(server.base + "/v1/videos/generations", headers={"Authorization": "Bearer ot_wrong"}, json={"model": "heygen-video-agent", "prompt": "hi"})
    assert_error(wrong, 401, "unauthorized")
    assert_error(tasks["alice"].http.post("/v1/videos/generations", content=b"{not json", headers={"content-type": "application/json"}), 400, "invalid_parameter")


def test_an_oversized_body_is_413_in_this_shape(tasks):
    body = b'{"model": "heygen-video-agent", "prompt": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = tasks["alice"].http.post("/v1/videos/generations", content=body, headers={"content-type": "application/json"})
    assert_error(response, 413, "payload_too_large", mentions="limit")


def test_a_failed_task_is_200_with_an_error(tasks, receiver):
    receiver.files["/unified/not-media.png"] = (b"this is plain text, not an image", "image/png")
    created = tasks["alice"].create(prompt="A short hello from Quill Books", file_urls=[f"{receiver.base}/unified/not-media.png"], **FAST)
    assert created.status_code == 200, created.text
    final, _ = tasks["alice"].wait(created.json()["id"], timeout=120)
    response = tasks["alice"].http.get(f"/v1/tasks/{final['id']}")
    assert response.status_code == 200
    task = response.json()
    assert task["status"] == "failed" and "results" not in task
    assert task["error"]["code"] == "invalid_file" and "files[0]" in task["error"]["message"], task
    assert set(task["error"]) == {"code", "message", "type"}


def test_cancel_fails_the_task_as_cancelled(tasks):
    created = tasks["alice"].create(prompt="A short hello from Tidewater Kayaks, rentals by the hour", **FAST)
    task_id = created.json()["id"]
    cancelled = tasks["alice"].http.post(f"/v1/tasks/{task_id}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["id"] == task_id
    final, _ = tasks["alice"].wait(task_id, timeout=120)
    assert final["status"] == "failed" and final["error"]["code"] == "cancelled", final
    assert_error(tasks["bob"].http.post(f"/v1/tasks/{task_id}/cancel"), 404, "not_found")
