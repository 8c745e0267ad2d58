"""Revisions re-render only what changed: speech and scene pieces come from the cache when their inputs did not change."""

from __future__ import annotations

import math
from pathlib import Path

import av
import numpy as np
import pytest

from onetake.agent.storyboard import Layout, Palette, Scene, SceneRole, Storyboard
from onetake.brief.models import Brief, Orientation
from onetake.pipeline import make_video_from_storyboard
from onetake.render.compositor import Compositor
from onetake.render.encode import settings_for
from onetake.render.scenes import scene_frames
from onetake.render.segment_cache import scene_pieces
from onetake.timeline.models import Timeline
from onetake.visuals.previews import sample_timeline
from onetake.voice.speech_cache import SpeechCache, speech_key
from onetake.voice.speak import synthesize
from onetake.workers import WorkerPool

SIZE = (320, 180)


def _shifted(timeline: Timeline, index: int, delta: float) -> Timeline:
    """The same video with scene `index` `delta` seconds longer: every later scene sits later."""
    cut = timeline.scenes[index].end

    def later(item):
        return item.model_copy(update={"start": item.start + delta, "end": item.end + delta}) if item.start >= cut else item

    def move(clip):
        if clip.start < cut:
            return clip.model_copy(update={"end": clip.end + delta}) if clip.end == cut else clip
        return clip.model_copy(update={
            "start": clip.start + delta, "end": clip.end + delta, "speech_start": clip.speech_start + delta, "speech_end": clip.speech_end + delta,
            "bullet_times": [t + delta for t in clip.bullet_times], "visuals": [later(v) for v in clip.visuals]})

    frame_count = round((timeline.duration + delta) * timeline.fps)
    scenes = [move(c) for c in timeline.scenes]
    scenes[-1] = scenes[-1].model_copy(update={"end": frame_count / timeline.fps})  # the last scene ends with the video, on a whole frame
    presenter = timeline.presenter.model_copy(update={"words": [later(w) for w in timeline.presenter.words]})
    captions = [c.model_copy(update={"start": c.start + delta, "end": c.end + delta, "words": [later(w) for w in c.words]}) if c.start >= cut else c
                for c in timeline.captions]
    return timeline.model_copy(update={"scenes": scenes, "presenter": presenter, "captions": captions, "frame_count": frame_count})


def test_a_scene_draws_the_same_pixels_wherever_it_sits():
    # Presenter shots (motion, blinks), a stat card and the end card; scene 0 then grows by a non-whole number of frames.
    layouts = [Layout.title_card, Layout.presenter_full, Layout.presenter_panel, Layout.stat, Layout.end_card]
    here = sample_timeline("studio", *SIZE, layouts)
    there = _shifted(here, 0, 1.013)
    a, b = Compositor(here), Compositor(there)
    head = 10  # scene 1's first 0.4 s cross-fade from scene 0, which grew: those frames change
    for scene, skip in ((1, head), (2, 0), (3, 0), (4, 0)):
        (first_a, last_a), (first_b, last_b) = scene_frames(here)[scene], scene_frames(there)[scene]
        assert first_b > first_a
        for offset in range(skip, min(last_a - first_a, last_b - first_b), 3):
            assert np.array_equal(a.frame(first_a + offset), b.frame(first_b + offset)), (scene, offset)
    # The cache keys agree where the pixels do (a scene's one-frame tail may come and go with the cut's phase).
    settings = settings_for(Brief(prompt="x").output_format, 60, 25)
    keys_a, keys_b = ({p.key for p in scene_pieces(t, settings)} for t in (here, there))
    pieces = [(p.scene, p.first - scene_frames(there)[p.scene][0], p.key in keys_a) for p in scene_pieces(there, settings)]
    assert not any(reused for scene, _, reused in pieces if scene == 0)
    assert [(offset, reused) for scene, offset, reused in pieces if scene == 1][:2] == [(0, False), (head, True)]
    assert all(reused for scene, offset, reused in pieces if scene >= 2 and offset == 0)


def test_speech_cache_gives_back_the_utterance_exactly(tmp_path):
    cache = SpeechCache(tmp_path)
    key = speech_key("Fresh bread at seven.", "joe")
    assert cache.load(key) is None
    spoken = synthesize("Fresh bread at seven.", "joe")
    cache.save(key, spoken)
    cache.save(key, spoken)  # a second job saving the same line keeps the first entry
    back = cache.load(key)
    assert back.sample_rate == spoken.sample_rate and np.array_equal(back.samples, spoken.samples)
    assert back.words == spoken.words and back.phonemes == spoken.phonemes
    assert [p.name for p in (tmp_path / "speech").iterdir()] == [key]  # no scratch left behind
    assert speech_key("Fresh bread at seven.", "joe") != speech_key("Fresh bread at eight.", "joe")


# --- whole renders: one worker, one cache, a few revisions of one storyboard ---

def _board(**changes) -> Storyboard:
    scenes = [
        Scene(id="s1", role=SceneRole.hook, layout=Layout.presenter_full, narration="Meet Kiln and Crumb, the bakery on Mill Lane.", duration_budget=3.0),
        Scene(id="s2", role=SceneRole.bullets, layout=Layout.bullets, narration="Sourdough at seven, and coffee all day.",
              on_screen_text="Every morning", bullets=["Sourdough at seven", "Coffee all day"], duration_budget=3.0),
        Scene(id="s3", role=SceneRole.stat, layout=Layout.stat, narration="Over two hundred loaves leave the oven daily.",
              on_screen_text="200 loaves a day", duration_budget=3.0),
        Scene(id="s4", role=SceneRole.cta, layout=Layout.end_card, narration="Come by this week!", on_screen_text="Visit us", duration_budget=2.0),
    ]
    narration = changes.pop("narration", {})
    scenes = [s.model_copy(update={"narration": narration.get(s.id, s.narration)}) for s in scenes]
    fields = dict(title="Kiln and Crumb", brand="Kiln and Crumb", target_duration=11.0, orientation=Orientation.landscape,
                  width=SIZE[0], height=SIZE[1], cta="kilnandcrumb.com", scenes=scenes)
    return Storyboard(**(fields | changes))


def _frames(video: Path) -> list[np.ndarray]:
    with av.open(str(video)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(container.streams.video[0])]


def _same_frames(a: Path, b: Path) -> bool:
    frames_a, frames_b = _frames(a), _frames(b)
    return len(frames_a) == len(frames_b) and all(np.array_equal(x, y) for x, y in zip(frames_a, frames_b))


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(1) as running:
        yield running


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


def _render(board: Storyboard, out: Path, pool, cache: Path | None):
    brief = Brief(prompt="A short video for Kiln and Crumb, a bakery.", width=SIZE[0], height=SIZE[1], music="none")
    return make_video_from_storyboard(board, brief, out, pool=pool, cache_dir=cache)


@pytest.fixture(scope="module")
def first(pool, cache, tmp_path_factory):
    return _render(_board(), tmp_path_factory.mktemp("first"), pool, cache)


def test_a_second_render_reuses_every_line_and_piece(first, pool, cache, tmp_path):
    assert (first.work.lines_spoken, first.work.lines_reused, first.work.pieces_reused) == (4, 0, 0)
    again = _render(_board(), tmp_path, pool, cache)
    assert (again.work.lines_spoken, again.work.lines_reused) == (0, 4)
    assert (again.work.pieces_drawn, again.work.pieces_reused) == (0, first.work.pieces_drawn)
    assert _same_frames(first.video, again.video)
    assert again.thumbnail.read_bytes() == first.thumbnail.read_bytes()


def test_new_wording_respeaks_one_line_and_redraws_its_scene(first, pool, cache, tmp_path):
    board = _board(narration={"s2": "Sourdough from seven, with coffee until late."})
    revised = _render(board, tmp_path / "revised", pool, cache)
    assert (revised.work.lines_spoken, revised.work.lines_reused) == (1, 3)
    timeline = Timeline.model_validate_json(revised.timeline.read_text())
    drawn = dict(revised.work.frames_drawn)
    assert drawn.pop(1) == scene_frames(timeline)[1][1] - scene_frames(timeline)[1][0], revised.work  # all of the scene it changed
    # The scenes after it moved. Drawn again: the first frames of scene 3 (its cross-fade from scene 2, which held the
    # caption of scene 2's last words), one-frame tails where a cut's new phase gives a scene a frame more, and the end
    # card, whose length changed with the video's, rounded to whole frames.
    head = math.ceil(max(timeline.scenes[2].transition_in, 0.5) * timeline.fps)
    assert 0 not in drawn and drawn.get(2, 0) <= head + 1, revised.work
    assert revised.work.pieces_reused > 0
    # The pieces taken from the cache are what a fresh render draws.
    fresh = _render(board, tmp_path / "fresh", pool, tmp_path / "empty-cache")
    assert fresh.work.pieces_reused == 0 and _same_frames(revised.video, fresh.video)


def test_a_new_palette_redraws_everything_and_respeaks_nothing(first, pool, cache, tmp_path):
    recoloured = _render(_board(palette=Palette(background="#2B1B17", surface="#3D2A24", primary="#C2410C", accent="#FBBF24"), palette_from_brief=True),
                         tmp_path, pool, cache)
    assert Timeline.model_validate_json(recoloured.timeline.read_text()).palette.background == "#2B1B17"
    assert (recoloured.work.lines_spoken, recoloured.work.lines_reused) == (0, 4)
    assert recoloured.work.pieces_reused == 0 and recoloured.work.scenes_drawn == (0, 1, 2, 3)


def test_a_new_length_respeaks_only_the_lines_that_changed(first, pool, cache, tmp_path):
    longer = _render(_board(target_duration=16.0, duration_requested=True, narration={"s3": "Two hundred loaves leave our oven every single day."}),
                     tmp_path, pool, cache)
    assert (longer.work.lines_spoken, longer.work.lines_reused) == (1, 3)
