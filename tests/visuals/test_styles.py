"""Styles: curated data, every layout renders in every style, picking from the brief, colours that override."""

import numpy as np
import pytest

from onetake.agent.storyboard import Layout
from onetake.draw import fonts
from onetake.render.compositor import Compositor
from onetake.visuals import typefaces
from onetake.visuals.previews import SCENE_S, sample_timeline
from onetake.visuals.styles import get_style, list_styles, pick_style
from onetake.visuals.styles.models import Transition

ALL_LAYOUTS = list(Layout)


def test_at_least_ten_curated_styles_with_the_reference_tags():
    styles = list_styles()
    assert len(styles) >= 10
    assert len({s.id for s in styles}) == len(styles)
    tags = {t for s in styles for t in s.tags}
    assert {"cinematic", "retro-tech", "handmade", "print", "corporate", "playful", "luxury", "minimal"} <= tags
    assert list_styles("luxury") and all("luxury" in s.tags for s in list_styles("luxury"))
    # Styles differ in more than colour: type, designs, motion.
    assert len({s.fonts.display_bold.family for s in styles}) >= 8
    assert len({(s.title_card, s.lower_third, s.caption.box) for s in styles}) >= 6
    assert {t for s in styles for t in s.transitions} == set(Transition)
    assert all(s.music_mood for s in styles)


@pytest.mark.parametrize("style", [s.id for s in list_styles()])
def test_the_style_fonts_are_installed_and_load(style):
    pair = get_style(style).fonts
    for role in typefaces.ROLES:
        face = pair.face(role)
        files = typefaces.face_files(face)
        assert files, f"{style}: no file for {face.family} (run scripts/setup.sh)"
    typefaces.register(f"test-{style}", pair)
    loaded = fonts.typeface(f"test-{style}/display-bold")
    family = loaded.getFamilyName().lower().replace(" ", "-")
    assert pair.display_bold.family.split("-")[0] in family


@pytest.mark.parametrize("style", [s.id for s in list_styles()])
def test_each_style_renders_every_layout(style, portrait_photo):
    timeline = sample_timeline(style, 320, 180, ALL_LAYOUTS, media=portrait_photo)
    compositor = Compositor(timeline)
    frames = {}
    for clip in timeline.scenes:
        frame = compositor.render(clip.start + SCENE_S * 0.7).copy()
        bgr = frame[..., :3].astype(np.float32)
        assert bgr.std() > 12, f"{style}/{clip.layout.value}: a nearly flat frame"
        frames[clip.layout] = bgr
    # Every layout draws something of its own: no two frames alike.
    layouts = list(frames)
    for i, a in enumerate(layouts):
        for b in layouts[i + 1:]:
            assert np.abs(frames[a] - frames[b]).mean() > 3, f"{style}: {a.value} and {b.value} look the same"


def test_layouts_ease_in_and_out_before_a_cut_and_hold_into_a_transition():
    timeline = sample_timeline("studio", 320, 180, [Layout.title_card, Layout.stat, Layout.end_card])
    first, second, third = timeline.scenes
    second = second.model_copy(update={"transition_in": 0.0})  # so the stat starts from its bare background
    timeline = timeline.model_copy(update={"scenes": [first, second, third]})
    cut = timeline.model_copy(update={"scenes": [first, second, third.model_copy(update={"transition_in": 0.0})]})
    compositor = Compositor(cut)
    clip = cut.scenes[1]
    background_only = compositor.render(clip.start + 0.0).copy()
    settled = compositor.render(clip.start + SCENE_S * 0.6).copy()
    leaving = compositor.render(clip.end - 0.02).copy()
    moving = np.abs(settled.astype(int) - background_only.astype(int)).mean()
    assert moving > 4  # the number and its ring entered
    assert np.abs(leaving.astype(int) - background_only.astype(int)).mean() < moving * 0.5  # and left before the cut
    # Into a transition the content holds: the transition carries it out.
    held = Compositor(timeline).render(clip.end - 0.02).copy()
    assert np.abs(held.astype(int) - background_only.astype(int)).mean() > moving * 0.7


def test_backgrounds_are_never_flat_and_drift():
    for style in list_styles():
        timeline = sample_timeline(style.id, 320, 180, [Layout.title_card])
        stage = Compositor(timeline).stage
        for background in (stage.field, stage.studio):
            canvas_a, canvas_b = _draw(background, 0.0), _draw(background, 6.0)
            assert canvas_a[..., :3].std() > 2.5, f"{style.id}: flat background"
            assert np.abs(canvas_a.astype(int) - canvas_b.astype(int)).mean() > 0.3, f"{style.id}: background does not move"


def _draw(background, t):
    import skia

    buffer = np.zeros((180, 320, 4), np.uint8)
    surface = skia.Surface(buffer, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    background.draw(surface.getCanvas(), t)
    surface.flushAndSubmit()
    return buffer.copy()


def test_style_is_picked_from_the_brief_tone():
    assert pick_style("A sleek retro-futuristic launch for a pocket gadget, synthwave vibes").id == "neon"
    assert pick_style("A premium video for our Art Deco jewelry atelier, elegant and gold").id == "gilded"
    assert pick_style("Warm, sophisticated intro to a vinyl listening club").id == "lounge"
    assert pick_style("Cinematic, dramatic documentary trailer").id == "cinema"
    assert pick_style("A video about something").id == "studio"
    # Named colours pull towards a style of the same lightness on ties.
    assert pick_style("A clean, minimal video", palette_background="#F7F3E8").palette.background != "#0A0A1F"


def test_style_thumbnails_are_rendered_by_onetake(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from onetake.render.style_previews import list_style_media, style_media

    media = list_style_media(tag="retro-tech")
    assert {m.style_id for m in media} == {"neon", "terminal"}
    for m in media:
        assert m.thumbnail.read_bytes()[:3] == b"\xff\xd8\xff" and m.preview_video is None
    with_preview = style_media("terminal", preview=True)
    import av

    with av.open(str(with_preview.preview_video)) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == round(4 * SCENE_S * 25)
