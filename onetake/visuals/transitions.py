"""Transitions between scenes, chosen from the style's set: cross-fade, slide (push), wipe, zoom (punch).

Only the cross-fade blends two frames. Blending two scenes that show the
presenter in different places shows two ghosted presenters, so such pairs get
one of the style's hard-edged transitions instead (a pip over the same spot in
both scenes blends to one presenter and may cross-fade).
"""

from __future__ import annotations

from collections.abc import Callable

import skia

from onetake.draw.colors import skcolor
from onetake.draw.easing import ease_in_out_sine
from onetake.visuals.styles.models import Style, Transition

Draw = Callable[[skia.Canvas], None]


def choose(style: Style, index: int, before: str | None, after: str | None) -> Transition:
    """The style's transitions in turn; a hard-edged one where the presenter moves between the scenes."""
    kinds = style.transitions
    kind = kinds[index % len(kinds)]
    if kind is Transition.crossfade and before != after and before is not None and after is not None:
        hard = [k for k in kinds if k is not Transition.crossfade]
        kind = hard[index % len(hard)] if hard else Transition.wipe
    return kind


def draw(kind: Transition, canvas: skia.Canvas, progress: float, old: Draw, new: Draw, width: int, height: int, accent: str) -> None:
    p = ease_in_out_sine(progress)
    if kind is Transition.crossfade:
        old(canvas)
        canvas.saveLayerAlpha(None, round(255 * p))
        new(canvas)
        canvas.restore()
    elif kind is Transition.slide:  # the new scene pushes the old one out to the left
        for draw_scene, offset in ((old, -p * width), (new, (1 - p) * width)):
            canvas.save()
            canvas.clipRect(skia.Rect.MakeXYWH(offset, 0, width, height))
            canvas.translate(offset, 0)
            draw_scene(canvas)
            canvas.restore()
        canvas.drawRect(skia.Rect.MakeXYWH((1 - p) * width - width * 0.006, 0, width * 0.006, height), skia.Paint(Color=skcolor("#000000", 0.25)))
    elif kind is Transition.wipe:  # a slanted accent bar sweeps across, the new scene behind it
        slant = width * 0.12
        edge = -slant + p * (width + 2 * slant)
        old(canvas)
        path = skia.Path()
        path.moveTo(-1, -1)
        path.lineTo(edge + slant / 2, -1)
        path.lineTo(edge - slant / 2, height + 1)
        path.lineTo(-1, height + 1)
        path.close()
        canvas.save()
        canvas.clipPath(path, doAntiAlias=True)
        new(canvas)
        canvas.restore()
        bar = skia.Path()
        thick = width * 0.018
        bar.moveTo(edge + slant / 2, -1)
        bar.lineTo(edge + slant / 2 + thick, -1)
        bar.lineTo(edge - slant / 2 + thick, height + 1)
        bar.lineTo(edge - slant / 2, height + 1)
        bar.close()
        canvas.drawPath(bar, skia.Paint(AntiAlias=True, Color=skcolor(accent)))
    else:  # zoom: punch into the old scene, cut at the peak, settle out of a push on the new one
        first = progress < 0.5
        scale = 1 + 0.22 * ease_in_out_sine(progress * 2) if first else 1 + 0.12 * (1 - ease_in_out_sine(progress * 2 - 1))
        canvas.save()
        canvas.translate(width / 2, height / 2)
        canvas.scale(scale, scale)
        canvas.translate(-width / 2, -height / 2)
        (old if first else new)(canvas)
        canvas.restore()
        flash = 1 - abs(progress - 0.5) * 2  # a brief bloom hides the cut
        if flash > 0.5:
            canvas.drawPaint(skia.Paint(Color=skcolor("#FFFFFF", (flash - 0.5) * 0.3)))
