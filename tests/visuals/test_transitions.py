"""Transitions: chosen from the style's set; only a cross-fade blends, and never two presenters."""

import numpy as np

from onetake.agent.storyboard import Layout
from onetake.render.compositor import Compositor
from onetake.visuals import transitions
from onetake.visuals.previews import sample_timeline
from onetake.visuals.styles import get_style
from onetake.visuals.styles.models import Transition


def test_a_crossfade_never_blends_scenes_with_the_presenter_in_different_places():
    forest = get_style("forest")  # crossfade and zoom
    assert forest.transitions[0] is Transition.crossfade
    assert transitions.choose(forest, 0, "pip", "pip") is Transition.crossfade  # one presenter, same spot: blends to one
    assert transitions.choose(forest, 0, "centre", "pip") is Transition.zoom
    assert transitions.choose(get_style("cinema"), 2, "left", "right") is not Transition.crossfade
    only_fade = forest.model_copy(update={"transitions": [Transition.crossfade]})
    assert transitions.choose(only_fade, 1, "centre", "pip") is Transition.wipe


def _frames(style: str, layouts: list[Layout], t_offset: float, scene: int = 1):
    timeline = sample_timeline(style, 320, 180, layouts)
    compositor = Compositor(timeline)
    clip = timeline.scenes[scene]
    t = clip.transition_in * t_offset  # each scene draws on its own clock (render.scenes)
    old = np.zeros_like(compositor.buffer)
    new = np.zeros_like(compositor.buffer)
    import skia

    before = compositor.scenes[scene - 1].scenes[0].end
    for painter, buffer, at in ((compositor.painters[scene - 1], old, t + before), (compositor.painters[scene], new, t)):
        surface = skia.Surface(buffer, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
        painter.draw(surface.getCanvas(), at)
        surface.flushAndSubmit()
    for captions in compositor.captions:  # compare scenes only
        captions.cues, captions.starts = [], []
    mixed = compositor.render(compositor.firsts[scene] / timeline.fps + t).copy()
    return compositor.transitions[scene], old.astype(int), new.astype(int), mixed.astype(int)


def test_presenter_to_card_is_hard_edged_every_pixel_from_one_scene():
    kind, old, new, mixed = _frames("studio", [Layout.presenter_full, Layout.title_card], 0.5)
    assert kind is Transition.wipe  # studio's second transition
    from_old = np.abs(mixed - old).max(axis=-1) <= 8
    from_new = np.abs(mixed - new).max(axis=-1) <= 8
    assert (from_old | from_new).mean() > 0.93  # every pixel from one scene; the rest is the accent bar
    assert from_old.mean() > 0.2 and from_new.mean() > 0.2


def test_card_to_card_crossfade_blends_both():
    kind, old, new, mixed = _frames("forest", [Layout.quote, Layout.title_card, Layout.stat], 0.5, scene=2)
    assert kind is Transition.crossfade
    differs = np.abs(old - new).max(axis=-1) > 40
    between = (np.minimum(old, new) - 3 <= mixed) & (mixed <= np.maximum(old, new) + 3)
    assert between[differs].mean() > 0.95
    assert (np.abs(mixed - old).max(axis=-1) > 10)[differs].mean() > 0.5  # not a cut to either


def test_each_transition_kind_draws_a_frame_between_its_scenes():
    for kind in Transition:
        style = get_style("studio").model_copy(update={"transitions": [kind]})
        assert transitions.choose(style, 1, "pip", "pip") is kind
    import skia

    buffer = np.zeros((90, 160, 4), np.uint8)
    surface = skia.Surface(buffer, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    red = lambda c: c.drawPaint(skia.Paint(Color=skia.ColorRED))  # noqa: E731
    blue = lambda c: c.drawPaint(skia.Paint(Color=skia.ColorBLUE))  # noqa: E731
    for kind in Transition:
        for p, expect in ((0.02, 2), (0.98, 0)):  # BGRA: blue is channel 0, red channel 2
            buffer[:] = 0
            transitions.draw(kind, surface.getCanvas(), p, red, blue, 160, 90, "#00FF00")
            surface.flushAndSubmit()
            dominant = np.argmax(buffer[..., :3].reshape(-1, 3).mean(axis=0))
            assert dominant == expect, (kind, p)
