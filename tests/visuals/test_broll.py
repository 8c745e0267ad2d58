"""User files as B-roll: PDFs become slides, clips play trimmed and cropped, hostile files fail cleanly; icon grids."""

from __future__ import annotations

import numpy as np
import pytest
import skia

from tests.planning import plan
from onetake.agent.storyboard import Layout, Palette, SceneRole
from onetake.avatar.catalogue import list_presenters
from onetake.brief.intake import make_brief
from onetake.errors import RenderFailed
from onetake.render.compositor import Compositor
from onetake.timeline.models import PresenterTrack, SceneClip, Timeline, Visual, VisualKind
from onetake.visuals.assets import attach_visuals, check_files, place_user_media, talked_about
from onetake.visuals.sources import VideoSource, image_focus
from onetake.voice.models import WordTiming
from tests.media import write_test_clip, write_test_pdf, write_test_song
from tests.visuals.test_media import _huge_png

W, H = 480, 270


def _timeline(storyboard, width=W, height=H, words=(), scene_s=6.0) -> Timeline:
    clips = [
        SceneClip(scene_id=s.id, role=s.role, layout=s.layout, start=i * scene_s, end=(i + 1) * scene_s, speech_start=i * scene_s + 0.2,
                  speech_end=(i + 1) * scene_s - 0.3, headline=s.on_screen_text, bullets=s.bullets,
                  bullet_times=[i * scene_s + 0.5 + 0.4 * k for k in range(len(s.bullets))], media=[])
        for i, s in enumerate(storyboard.scenes)
    ]
    fps = 10
    return Timeline(width=width, height=height, fps=fps, frame_count=round(len(clips) * scene_s * fps), title=storyboard.title, palette=storyboard.palette,
                    scenes=clips, captions=[], presenter=PresenterTrack(presenter_id=list_presenters()[0].id, phonemes=[], words=list(words)),
                    narration_wav="narration.wav")


def _frame(compositor: Compositor, t: float) -> np.ndarray:
    return compositor.render(t)[..., :3].astype(int).copy()


def test_a_three_page_pdf_becomes_slides_zooming_to_what_is_said(tmp_path):
    deck = write_test_pdf(tmp_path)
    brief = make_brief("A 30-second video about Orbit Labs' quarterly update. Show the deck.", files=[deck])
    storyboard = place_user_media(plan(brief), brief)
    slide_scenes = [s for s in storyboard.scenes if s.media == [0]]
    assert len(slide_scenes) == 1 and slide_scenes[0].layout is Layout.broll
    at = storyboard.scenes.index(slide_scenes[0]) * 6.0
    # the narration names page 3's second line while page 3 is up
    words = [WordTiming(text=w, start=at + 4.2 + k * 0.3, end=at + 4.4 + k * 0.3) for k, w in enumerate("the studio plan suits agencies".split())]
    timeline = attach_visuals(_timeline(storyboard, words=words), storyboard, brief)
    clip = next(c for c in timeline.scenes if c.scene_id == slide_scenes[0].id)
    pages = [v for v in clip.visuals if v.kind is VisualKind.pdf_page]
    assert [v.page for v in pages] == [0, 1, 2]
    assert pages[0].start == clip.start and pages[-1].end == clip.end
    assert pages[2].focus is not None and (pages[2].focus[1] + pages[2].focus[3]) / 2 > 0.45  # "Studio plan for agencies": the lowest line
    compositor = Compositor(timeline)
    frames = [_frame(compositor, (v.start + v.end) / 2) for v in pages]
    for f in frames:
        assert (f.min(axis=2) > 240).mean() > 0.12  # a white page fills much of the frame
    for a, b in zip(frames, frames[1:]):
        assert (np.abs(a - b).max(axis=2) > 60).mean() > 0.003  # a different page's text
    early, late = _frame(compositor, pages[2].start + 0.4), _frame(compositor, pages[2].end - 0.1)
    assert (late.min(axis=2) > 240).mean() > (early.min(axis=2) > 240).mean() + 0.05  # zoomed in: the page fills more


def test_text_match_picks_the_right_block(tmp_path):
    deck = write_test_pdf(tmp_path)
    top = talked_about(deck, 1, "Our roadmap for this year")
    bottom = talked_about(deck, 1, "brand kits and music beds")
    assert top and bottom and top[1] < 0.25 < bottom[1]
    assert talked_about(deck, 1, "weather tomorrow") is None


def test_a_pdf_with_no_text_still_shows_its_pages(tmp_path):
    blank = write_test_pdf(tmp_path, pages=[[], []], name="scan.pdf")
    brief = make_brief("A 30-second video about Orbit Labs. Show the scan.", files=[blank])
    check_files(brief)
    storyboard = place_user_media(plan(brief), brief)
    timeline = attach_visuals(_timeline(storyboard, words=[WordTiming(text="orbit", start=7, end=7.3)]), storyboard, brief)
    pages = [v for c in timeline.scenes for v in c.visuals]
    assert [v.page for v in pages] == [0, 1] and all(v.focus is None for v in pages)
    compositor = Compositor(timeline)
    assert _frame(compositor, pages[0].start + 1).std() > 10


def test_a_user_clip_plays_trimmed_and_cropped_to_portrait(tmp_path):
    clip_path = write_test_clip(tmp_path, seconds=2.0)
    brief = make_brief("A 20-second vertical video for Orbit Labs with our launch clip.", files=[clip_path])
    storyboard = place_user_media(plan(brief), brief)
    assert any(s.media == [0] and s.layout is Layout.broll for s in storyboard.scenes)
    timeline = attach_visuals(_timeline(storyboard, 270, 480), storyboard, brief)
    visual = next(v for c in timeline.scenes for v in c.visuals)
    assert visual.kind is VisualKind.video and visual.source_start == 0.0 and visual.source_duration == pytest.approx(2.0, abs=0.05)
    compositor = Compositor(timeline)
    a, b, held = (_frame(compositor, visual.start + dt) for dt in (0.3, 1.5, 4.5))
    assert a.shape == (480, 270, 3)
    assert np.abs(a - b).mean() > 2  # the ball moved: frames come from the clip's own timeline
    assert held.std() > 10  # past the clip's end its last frame holds: never black
    source = VideoSource(clip_path, 270, 480)
    first = source.image_at(0.0)
    assert (first.width(), first.height()) == (270, 480)
    assert source.image_at(1.0) is not first and source.image_at(0.2) is not None  # seeks back when time jumps
    source.close()


def test_a_long_clip_shows_its_middle(tmp_path):
    clip_path = write_test_clip(tmp_path, seconds=12.0, width=160, height=120)
    brief = make_brief("A 20-second video for Orbit Labs with our launch clip.", files=[clip_path])
    storyboard = place_user_media(plan(brief), brief)
    visual = next(v for c in attach_visuals(_timeline(storyboard), storyboard, brief).scenes for v in c.visuals)
    assert visual.source_start == pytest.approx((12.0 - 6.0) / 2, abs=0.1)


def test_hostile_and_broken_files_fail_cleanly(tmp_path, portrait_photo):
    empty_video = tmp_path / "empty.mp4"
    empty_video.write_bytes(b"")
    cut_video = tmp_path / "cut.mp4"
    cut_video.write_bytes(write_test_clip(tmp_path / "src").read_bytes()[:300])
    junk_pdf = tmp_path / "junk.pdf"
    junk_pdf.write_bytes(b"%PDF-1.4\n%garbage that is not a PDF body\n")
    silent = tmp_path / "empty.wav"
    silent.write_bytes(write_test_song(tmp_path / "src").read_bytes()[:44])  # a WAV header and no samples
    cut_image = tmp_path / "cut.jpg"
    cut_image.write_bytes(portrait_photo.read_bytes()[:200])
    huge = tmp_path / "huge.png"
    _huge_png(huge, 20_000, 20_000)
    expected = {
        empty_video: "empty.mp4'", cut_video: "cut.mp4'", junk_pdf: "not a readable PDF", silent: "empty.wav'",
        cut_image: "not a decodable image", huge: "20000x20000 pixels",
    }
    for path, message in expected.items():
        try:
            brief = make_brief("A video about Acme.", files=[path])
        except Exception as exc:  # intake may already refuse it: then with the file's name
            assert path.name in str(exc)
            continue
        with pytest.raises(RenderFailed, match=message):
            check_files(brief)


def _face_photo(path, width=1200, height=600):
    """A wide picture: textured dark left half, a skin-toned face on the far right."""
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorSetRGB(40, 60, 70))
    canvas.drawOval(skia.Rect.MakeXYWH(width * 0.78, height * 0.2, width * 0.14, height * 0.4), skia.Paint(AntiAlias=True, Color=skia.ColorSetRGB(225, 175, 140)))
    path.write_bytes(bytes(surface.makeImageSnapshot().encodeToData(skia.kJPEG, 90)))
    return path


def test_smart_crop_keeps_the_face(tmp_path):
    photo = _face_photo(tmp_path / "wide.jpg")
    x0, y0, x1, y1 = image_focus(photo, 9 / 16)  # a portrait crop of a wide picture
    assert x1 - x0 == pytest.approx((600 * 9 / 16) / 1200, abs=0.02)
    assert x0 <= 0.8 and x1 >= 0.9  # the face (x 0.78-0.92) stays inside


def test_broll_scenes_with_nothing_to_show_get_icons(tmp_path):
    brief = make_brief("A 25-second video for Orbit Labs. Show B-roll of rockets, planets and calendars. Visit orbitlabs.space")
    storyboard = place_user_media(plan(brief), brief)
    grid = [s for s in storyboard.scenes if s.layout is Layout.icon_grid]
    assert grid and all(s.role in (SceneRole.broll, SceneRole.montage) for s in grid)
    timeline = attach_visuals(_timeline(storyboard), storyboard, brief)
    clip = next(c for c in timeline.scenes if c.layout is Layout.icon_grid)
    names = {v.icon.split(":")[1] for v in clip.visuals}
    assert len(names) >= 3 and {"rocket", "ringed-planet", "planet", "calendar", "spiral-calendar"} & names
    frame = _frame(Compositor(timeline), clip.start + 3.0)
    assert frame.std() > 20


def test_music_file_is_not_reported_unused(tmp_path):
    from onetake.pipeline import _unused_file_notes

    song, clip_path = write_test_song(tmp_path), write_test_clip(tmp_path)
    brief = make_brief("A 20-second video for Orbit Labs.", files=[song, clip_path])
    notes = _unused_file_notes(brief, place_user_media(plan(brief), brief))
    assert not any("song.wav" in n or "clip.mp4" in n for n in notes), notes


def test_bullets_get_an_icon_each_or_none():
    from onetake.visuals.assets import bullet_icons

    icons = bullet_icons(["Rocket Launches", "Planet Tours", "A Calendar of Events"])
    assert [i.split(":")[1] for i in icons][:2] == ["rocket", "planet"] and icons[2].startswith("tabler:calendar")
    assert bullet_icons(["Morning Flow Classes", "Prenatal Yoga", "A Cedar Sauna"]) == []  # one weak match: numbers for all
    brief = make_brief("Create a 30-second video for Orbit Labs: rocket launches, planet tours, and a calendar of events. Visit orbitlabs.space")
    storyboard = place_user_media(plan(brief), brief)
    timeline = attach_visuals(_timeline(storyboard, 1280, 720), storyboard, brief)
    clip = next(c for c in timeline.scenes if c.layout is Layout.bullets)
    assert len([v for v in clip.visuals if v.kind is VisualKind.icon]) == len(clip.bullets) == 3
    Compositor(timeline).render(clip.start + 3)  # the bullets painter draws them in its markers


def test_icons_shown_are_credited(tmp_path):
    from onetake.visuals.credits import write_credits

    brief = make_brief("A 25-second video for Orbit Labs. Show B-roll of rockets, planets and calendars. Visit orbitlabs.space")
    storyboard = place_user_media(plan(brief), brief)
    path = write_credits(tmp_path, attach_visuals(_timeline(storyboard), storyboard, brief))
    text = path.read_text()
    assert "Fluent Emoji Flat (MIT): " in text and "rocket" in text and "Microsoft Corporation, MIT License" in text
    plain = make_brief("A 20-second video about taxes.")
    board = plan(plain)
    assert write_credits(tmp_path / "none", attach_visuals(_timeline(board), board, plain)) is None
