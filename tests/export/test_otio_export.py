"""Real renders, their .otio and FCP7 .xml read back with OpenTimelineIO: every clip, marker and size against timeline.json, to the frame."""

from __future__ import annotations

import json
import wave
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

import opentimelineio as otio
import pytest

from onetake.brief.intake import make_brief
from onetake.pipeline import make_video
from tests.media import write_test_clip, write_test_photo, write_test_song


def _frames(seconds: float, fps: int) -> int:
    return round(seconds * fps)


def _path(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def _spans(track) -> list[tuple[int, int]]:
    return [(c.range_in_parent().start_time.to_frames(), c.range_in_parent().duration.to_frames()) for c in track if isinstance(c, otio.schema.Clip)]


@pytest.fixture(scope="module")
def renders(tmp_path_factory):
    """Two real renders: a user's clip as B-roll with their song as the bed; a user's photo as B-roll with an original bed."""
    tmp = tmp_path_factory.mktemp("otio")
    clip = write_test_clip(tmp / "in", seconds=3.0)
    song = write_test_song(tmp / "in", seconds=4.0)
    photo = write_test_photo(tmp / "in", width=640, height=360)
    made = {}
    for name, files, prompt in (
        ("clip", [clip, song], "A 10-second video for Orbit Labs, a rocket startup. Show B-roll of our launch. Visit orbitlabs.space"),
        ("photo", [photo], "A 10-second video for Quill Books, an indie bookshop. Show B-roll of our shop. Visit quillbooks.shop"),
    ):
        outputs = make_video(make_brief(prompt, files=files, width=320, height=180), tmp / name, workers=2)
        made[name] = (outputs, json.loads(outputs.timeline.read_text()), files)
    return made


@pytest.mark.parametrize("suffix", [".otio", ".xml"])
@pytest.mark.parametrize("which", ["clip", "photo"])
def test_every_clip_matches_timeline_json(renders, which, suffix):
    outputs, tl, files = renders[which]
    fps, total = tl["fps"], tl["frame_count"]
    path = outputs.video.with_suffix(suffix)
    assert path.is_file() and path.parent == outputs.video.parent and path.stem == outputs.video.stem
    read = otio.adapters.read_from_file(str(path))
    assert read.name == tl["title"]
    assert read.duration().to_frames() == total and read.duration().rate == fps
    video_tracks, audio_tracks = read.video_tracks(), read.audio_tracks()

    # V1: one clip per scene, a range of the rendered video at the same place, contiguous, to the frame.
    scenes = video_tracks[0]
    expected = []
    for i, scene in enumerate(tl["scenes"]):
        first = _frames(scene["start"], fps)
        last = total if i == len(tl["scenes"]) - 1 else _frames(scene["end"], fps)
        expected.append((first, last - first))
    assert _spans(scenes) == expected
    for clip, (first, count) in zip(scenes, expected):
        assert clip.source_range.start_time.to_frames() == first and clip.source_range.duration.to_frames() == count
        assert clip.source_range.start_time.rate == fps
        assert _path(clip.media_reference.target_url) == outputs.video.resolve()
    assert [c.name.split(" ", 1)[1] for c in scenes] == [s["headline"] or s["role"] for s in tl["scenes"]]

    # V2+: the user's files, at the times timeline.json shows them.
    shown = [v for s in tl["scenes"] for v in s["visuals"] if v["kind"] in ("image", "video", "pdf_page") and v["path"]]
    assert {Path(v["path"]).name for v in shown} == {files[0].name}, shown  # the user's file is on screen (else this checks nothing)
    placed = [(c, t) for t in video_tracks[1:] for c in t if isinstance(c, otio.schema.Clip)]
    assert len(placed) == len(shown)
    for visual in shown:
        first, last = _frames(visual["start"], fps), _frames(visual["end"], fps)
        clip = next(c for c, _ in placed if c.range_in_parent().start_time.to_frames() == first and _path(c.media_reference.target_url) == Path(visual["path"]).resolve())
        assert clip.range_in_parent().duration.to_frames() == last - first
        if visual["kind"] == "video":
            assert clip.source_range.start_time.to_frames() == _frames(visual["source_start"], fps)
            assert clip.media_reference.available_range.duration.to_frames() == _frames(3.0, fps)  # the clip file's own length
        else:
            assert clip.source_range.start_time.to_frames() == 0

    # A1 narration for the whole video; A2 the bed: the user's song looped to the end as the mix loops it, or the original bed.
    narration, music = audio_tracks
    assert _spans(narration) == [(0, total)] and _path(narration[0].media_reference.target_url) == outputs.video.parent.resolve() / "narration.wav"
    spans = _spans(music)
    assert sum(n for _, n in spans) == total and spans[0][0] == 0 and all(a + n == b for (a, n), (b, _) in zip(spans, spans[1:]))
    if which == "clip":
        assert spans[0] == (0, _frames(4.0, fps)) and len(spans) == 3
        assert all(_path(c.media_reference.target_url) == files[1].resolve() for c in music)
    else:
        assert spans == [(0, total)] and _path(music[0].media_reference.target_url) == outputs.video.parent.resolve() / "music.wav"

    # Markers: every scene title at its first frame, every caption cue over its words.
    markers = list(read.tracks.markers)
    want = [(f"{i + 1:02d} {s['headline'] or s['role']}", _frames(s["start"], fps)) for i, s in enumerate(tl["scenes"])]
    want += [(" ".join(w["text"] for w in c["words"]), _frames(c["start"], fps)) for c in tl["captions"]]
    assert [(m.name, m.marked_range.start_time.to_frames()) for m in markers] == want
    for marker, cue in zip(markers[len(tl["scenes"]):], tl["captions"]):
        assert marker.marked_range.end_time_exclusive().to_frames() == min(total, _frames(cue["end"], fps))


def test_otio_specifics_size_and_the_bed_beside_the_dry_voice(renders):
    outputs, tl, _ = renders["clip"]
    read = otio.adapters.read_from_file(str(outputs.video.with_suffix(".otio")))
    assert read.metadata["onetake"]["width"] == tl["width"] == 320 and read.metadata["onetake"]["height"] == tl["height"] == 180
    assert read.metadata["onetake"]["fps"] == tl["fps"]
    assert all(c.enabled for c in read.audio_tracks()[1])  # narration.wav is the dry voice: the bed is heard from A2
    colors = {m.metadata["onetake"]["kind"]: m.color for m in read.tracks.markers}
    assert colors == {"scene": otio.schema.MarkerColor.GREEN, "caption": otio.schema.MarkerColor.YELLOW}
    # FCP7 XML: the sequence's frame size and rate, as Premiere reads them.
    root = ET.parse(outputs.video.with_suffix(".xml")).getroot()
    chars = root.find("./project/children/sequence/media/video/format/samplecharacteristics")
    assert (chars.findtext("width"), chars.findtext("height"), chars.findtext("rate/timebase")) == ("320", "180", str(tl["fps"]))
    assert root.find("./project/children/sequence/rate/timebase").text == str(tl["fps"])


def test_original_bed_is_written_as_music_wav(renders):
    outputs, tl, _ = renders["photo"]
    read = otio.adapters.read_from_file(str(outputs.video.with_suffix(".otio")))
    [clip] = list(read.audio_tracks()[1])
    wav = _path(clip.media_reference.target_url)
    with wave.open(str(wav)) as w:
        assert abs(w.getnframes() / w.getframerate() - tl["frame_count"] / tl["fps"]) < 0.05
        assert max(w.readframes(w.getnframes())) > 0  # not silence
    assert clip.metadata["onetake"]["mood"]


def test_a_scene_drawing_its_media_itself_still_references_the_file(renders):
    """A layout that shows `media` without resolved visuals (the presenter's side panel) is on the source track for its whole scene."""
    from onetake.agent.storyboard import Layout
    from onetake.export.otio_export import build
    from onetake.timeline.models import Timeline

    outputs, tl, files = renders["photo"]
    timeline = Timeline.model_validate(tl)
    index = next(i for i, s in enumerate(timeline.scenes) if s.visuals)
    bare = timeline.scenes[index].model_copy(update={"visuals": [], "layout": Layout.presenter_panel})
    timeline = timeline.model_copy(update={"scenes": timeline.scenes[:index] + [bare] + timeline.scenes[index + 1:]})
    read = build(timeline, outputs.video, outputs.video.parent / "narration.wav")
    [clip] = [c for t in read.video_tracks()[1:] for c in t if isinstance(c, otio.schema.Clip)]
    fps = timeline.fps
    assert _path(clip.media_reference.target_url) == files[0].resolve()
    assert (clip.range_in_parent().start_time.to_frames(), clip.range_in_parent().end_time_exclusive().to_frames()) == (_frames(bare.start, fps), _frames(bare.end, fps))
