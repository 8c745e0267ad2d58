"""A contact sheet of one photo avatar: the placed photo, mouth shapes, a blink, and its framings."""

from __future__ import annotations

import skia

from onetake.avatar.motion import Pose
from onetake.avatar.mouth import SHAPES
from onetake.avatar.photo.model import PhotoAvatar
from onetake.avatar.photo.rig import PhotoRig

STATES: list[tuple[str, str, Pose]] = [
    ("rest", "sil", Pose()), ("PP", "PP", Pose()), ("FF", "FF", Pose()), ("DD", "DD", Pose()),
    ("aa", "aa", Pose()), ("E", "E", Pose()), ("I", "I", Pose()), ("O", "O", Pose()), ("U", "U", Pose()),
    ("blink", "sil", Pose(blink=1.0)), ("brows", "E", Pose(brow_raise=1.0)), ("sway", "O", Pose(head_tilt=5.0, head_turn=1.0, head_nod=1.0)),
]


def _label(c: skia.Canvas, text: str, x: float, y: float) -> None:
    from onetake.draw import fonts

    font = fonts.font("display-bold", 18)
    c.drawString(text, x + 1, y + 1, font, skia.Paint(AntiAlias=True, Color=skia.ColorBLACK))
    c.drawString(text, x, y, font, skia.Paint(AntiAlias=True, Color=skia.ColorSetRGB(255, 214, 10)))


def photo_sheet(avatar: PhotoAvatar, width: int = 1280, height: int = 720, tile: int = 240) -> skia.Image:
    """Top: the 16:9 full framing, a card and a PiP circle. Below: face close-ups at 1:1 pixels per state."""
    full = PhotoRig(avatar, "full", width, height)
    card = PhotoRig(avatar, "card", 360, 480)
    pip = PhotoRig(avatar, "pip", 240, 240)
    p = full.base.points - full.base.margin
    cx, cy = p[[10, 152], 0].mean(), (p[10, 1] + p[152, 1]) / 2
    half = max(p[152, 1] - p[10, 1], p[454, 0] - p[234, 0]) * 0.62
    cols = 6
    rows = (len(STATES) + cols - 1) // cols
    sheet_w = width + 360 + 40
    sheet_h = max(height, 480 + 280) + 20 + rows * tile
    surf = skia.Surface(int(sheet_w), int(sheet_h))
    c = surf.getCanvas()
    c.clear(skia.ColorSetRGB(30, 32, 38))
    c.drawImage(full.render(SHAPES["E"], Pose()), 0, 0)
    _label(c, "full 16:9 (E)", 12, 28)
    c.drawImage(card.render(SHAPES["aa"], Pose()), width + 20, 0)
    _label(c, "card (aa)", width + 32, 28)
    c.save()
    path = skia.Path()
    path.addCircle(width + 20 + 180, 480 + 20 + 120, 120)
    c.clipPath(path, doAntiAlias=True)
    c.drawImage(pip.render(SHAPES["O"], Pose(blink=0.6)), width + 20 + 60, 480 + 20)
    c.restore()
    _label(c, "PiP (O)", width + 32, 480 + 40)
    top = max(height, 480 + 280) + 20
    src = skia.Rect.MakeLTRB(cx - half, cy - half, cx + half, cy + half)
    for k, (name, viseme, pose) in enumerate(STATES):
        x, y = (k % cols) * (sheet_w / cols), top + (k // cols) * tile
        img = full.render(SHAPES[viseme], pose)
        c.drawImageRect(img, src, skia.Rect.MakeXYWH(x + 4, y + 4, tile - 8, tile - 8), skia.SamplingOptions(skia.CubicResampler.Mitchell()))
        _label(c, name, x + 12, y + 28)
    return surf.makeImageSnapshot()

