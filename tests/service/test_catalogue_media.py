"""Catalogue media at signed URLs, rendered on the first GET: a style's thumbnail (a 640x360 JPEG) and preview video,
and an avatar's greeting video (real H.264 with speech). One style is rendered, not all: each takes seconds."""

from __future__ import annotations

import io

import av
import httpx
import pytest
import skia

from onetake.service.catalogue_media import catalogue_file
from onetake.service.errors import ApiError


def _probe(data: bytes) -> dict:
    with av.open(io.BytesIO(data)) as container:
        video = container.streams.video[0]
        frames = [f for _, f in zip(range(5), container.decode(video))]
        return {"format": container.format.name, "duration": container.duration / av.time_base, "size": (video.codec_context.width, video.codec_context.height),
                "codec": video.codec_context.name, "audio": len(container.streams.audio), "frame": frames[-1]}


def test_style_thumbnail_and_preview_video(api, tmp_path):
    alice = api[1]["alice"]
    styles = alice.get("/v3/video-agents/styles", params={"limit": 100}).json()["data"]
    assert all(s["thumbnail_url"] and s["preview_video_url"] and s["aspect_ratio"] == "16:9" for s in styles)
    studio = next(s for s in styles if s["style_id"] == "studio")
    assert "/files/catalogue/styles/studio.jpg?" in studio["thumbnail_url"]

    thumb = httpx.get(studio["thumbnail_url"], timeout=120)
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg" and thumb.content[:2] == b"\xff\xd8"
    image = skia.Image.MakeFromEncoded(skia.Data.MakeWithCopy(thumb.content))
    assert (image.width(), image.height()) == (640, 360)
    assert len(set(image.toarray()[::40, ::40, 0].ravel().tolist())) > 5  # a drawn card, not a flat fill

    preview = httpx.get(studio["preview_video_url"], timeout=300)
    assert preview.status_code == 200 and preview.headers["content-type"] == "video/mp4"
    probe = _probe(preview.content)
    assert probe["codec"] == "h264" and probe["size"] == (640, 360) and probe["duration"] > 5
    probe["frame"].to_image().save(tmp_path / "style-preview.png")
    # A second GET is served from the cache, byte for byte.
    assert httpx.get(studio["preview_video_url"], timeout=30).content == preview.content
    assert httpx.get(studio["preview_video_url"].replace("sig=", "sig=0"), timeout=30).status_code == 403


def test_avatar_preview_video(api):
    alice = api[1]["alice"]
    look = alice.get("/v3/avatars/looks").json()["data"][0]
    group = alice.get(f"/v3/avatars/{look['group_id']}").json()["data"]
    assert look["preview_video_url"] and group["preview_video_url"]
    assert f"/files/catalogue/avatars/{look['id']}.mp4?" in look["preview_video_url"]
    response = httpx.get(look["preview_video_url"], timeout=300)
    assert response.status_code == 200 and response.headers["content-type"] == "video/mp4"
    probe = _probe(response.content)
    assert probe["codec"] == "h264" and probe["size"] == (512, 512) and probe["audio"] == 1 and probe["duration"] > 1


@pytest.mark.parametrize("relative,what", [("catalogue/styles/nope.jpg", "style"), ("catalogue/styles/nope.mp4", "style"),
                                           ("catalogue/avatars/nobody.mp4", "avatar"), ("catalogue/voices/nobody.wav", "voice")])
def test_unknown_catalogue_ids_are_404(tmp_path, relative, what):
    with pytest.raises(ApiError) as caught:
        catalogue_file(relative, tmp_path / "x")
    assert caught.value.status == 404 and what in caught.value.message


def test_other_names_are_not_catalogue_media(tmp_path):
    assert catalogue_file("videos/vid_x/video.mp4", tmp_path / "x") is None
    assert catalogue_file("catalogue/styles/../../secret.jpg", tmp_path / "x") is None
