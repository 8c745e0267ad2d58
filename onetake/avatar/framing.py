"""Framings: where a presenter sits in a frame, for stock busts and photo avatars alike.

Layouts say which framing they draw (full medium shot, beside a panel, circular
picture-in-picture); stock busts are drawn from (cx, bottom, height) as before,
photo avatars fill the rectangle the framing gives them.
"""

from __future__ import annotations

from typing import Literal

import skia

Framing = Literal["full", "panel", "pip"]
FRAMINGS: tuple[str, ...] = ("full", "panel", "pip")
PIP_HEIGHT_PER_RADIUS = 2.25  # layouts draw the PiP bust radius * 2.25 tall, bottom at cy + 1.05 radius


def photo_rect(framing: str, frame_w: int, frame_h: int, cx: float, bottom: float, height: float) -> skia.Rect:
    """The rectangle a photo avatar fills for a framing, given the bust anchor a layout passed."""
    if framing == "pip":
        r = height / PIP_HEIGHT_PER_RADIUS
        cy = bottom - 1.05 * r
        return skia.Rect.MakeLTRB(cx - r, cy - r, cx + r, cy + r)
    if framing == "full":
        return skia.Rect.MakeWH(frame_w, frame_h)
    if frame_h > frame_w:  # portrait: the presenter takes the lower half below the panel
        m = frame_w * 0.06
        return skia.Rect.MakeLTRB(m, frame_h * 0.43, frame_w - m, frame_h * 0.97)
    w, h = frame_w * 0.38, frame_h * 0.8
    left = min(max(frame_w * 0.03, cx - w / 2), frame_w * 0.97 - w)
    return skia.Rect.MakeXYWH(left, frame_h * 0.09, w, h)


def crop_kind(framing: str) -> str:
    """How tightly a photo is cropped for a framing (see photo.crop)."""
    return {"full": "full", "pip": "pip"}.get(framing, "card")
