"""What every scene painter shares: timing helpers, eased entrances and exits, the pip, bullets."""

from __future__ import annotations

from functools import lru_cache

import skia

from onetake.draw import fonts, text
from onetake.draw.colors import readable_on, skcolor
from onetake.draw.easing import ease_in_out_sine, ease_out_back, ease_out_cubic, window
from onetake.text_units import units
from onetake.timeline.models import SceneClip
from onetake.visuals import components
from onetake.visuals.stage import Stage

LOWER_THIRD_HOLD_S = 4.5
EXIT_S = 0.35  # content eases out over the last moments of a scene, before the cut or transition


class ScenePainter:
    """Draws its scene at any time t (seekable, pure)."""

    presenter_spot = "pip"  # where the presenter is: scenes with it in different spots must not blend
    eases_out = True  # content leaves before a cut; before a transition the transition carries it out; the last scene holds
    pip_carried = False  # the scene before had the bubble in the same spot: it stays, it does not pop again

    def __init__(self, stage: Stage, clip: SceneClip):
        self.stage, self.clip = stage, clip
        self.palette = stage.palette
        self.w, self.h, self.unit = stage.width, stage.height, stage.unit

    def draw(self, canvas: skia.Canvas, t: float) -> None:
        raise NotImplementedError

    def progress(self, t: float) -> float:
        return window(t, self.clip.start, self.clip.duration)

    def enter(self, t: float, delay: float = 0.0, duration: float = 0.6) -> float:
        """Eased entrance (0..1) `delay` seconds into the scene, times the exit at its end."""
        s = self.stage.style.pacing
        return ease_out_cubic(window(t, self.clip.start + delay * s, duration * s)) * self.exit(t)

    def push(self, canvas: skia.Canvas, t: float, amount: float = 0.035) -> None:
        """A slow camera push on the content, so a card that holds for seconds never sits dead still."""
        scale = 1.0 + amount * ease_in_out_sine(self.progress(t))
        canvas.translate(self.w / 2, self.h * 0.45)
        canvas.scale(scale, scale)
        canvas.translate(-self.w / 2, -self.h * 0.45)

    def exit(self, t: float) -> float:
        if not self.eases_out:  # the compositor knows the neighbours: a scene's own timeline (render.scenes) does not
            return 1.0
        return 1.0 - ease_in_out_sine(window(t, self.clip.end - EXIT_S, EXIT_S))

    def role(self, name: str) -> str:
        return self.stage.role(name)

    def fit(self, words: str, role: str, max_size: float, min_size: float, max_width: float, max_height: float, **kwargs) -> text.TextBlock:
        return fit_words(words, role, max_size, min_size, max_width, max_height, **kwargs)


    def headline(self) -> str:
        return self.stage.display(self.clip.headline or self.stage.timeline.title)

    def ink(self, on: str | None = None) -> str:
        return readable_on(on or self.palette.background, self.palette.text)

    def brand_bug(self, canvas: skia.Canvas, on: str | None = None) -> None:
        components.brand_bug(self.stage, canvas, on)

    def lower_third(self, canvas: skia.Canvas, t: float) -> None:
        tag = self.clip.lower_third
        if tag:
            shown = self.clip.start + 0.5
            components.lower_third(self.stage, canvas, tag, t, shown, min(shown + LOWER_THIRD_HOLD_S, self.clip.end - 0.2))

    def pip(self, canvas: skia.Canvas, t: float) -> None:
        """The presenter in a circle, top-right, so the voice keeps a face during B-roll and cards."""
        radius = self.unit * (0.13 if self.stage.portrait else 0.125)
        cx, cy = self.w - radius - self.unit * 0.06, radius + self.unit * 0.07
        pop = 1.0 if self.pip_carried else ease_out_back(window(t, self.clip.start + 0.15, 0.5))
        if pop <= 0.01:
            return
        canvas.save()
        canvas.translate(cx, cy)
        canvas.scale(pop, pop)
        canvas.translate(-cx, -cy)
        components.circle_frame(canvas, cx, cy, radius, self.palette, lambda: self.stage.presenter(canvas, cx, cy + radius * 1.05, radius * 2.25, t, framing="pip"))
        canvas.restore()

    # --- bullet lists with staggered entrances (each bullet enters as the narration reaches it) ---

    def bullet_blocks(self, width: float, size: float) -> list[text.TextBlock]:
        marker = size * 1.35
        return [text.layout(b, self.role("body-semibold"), size, width - marker * 1.5, max_lines=2) for b in self.clip.bullets]

    def bullets_height(self, width: float, size: float) -> float:
        marker = size * 1.35
        blocks = self.bullet_blocks(width, size)
        return sum(max(b.height, marker) for b in blocks) + size * 0.9 * max(0, len(blocks) - 1)

    def bullet_icon(self, index: int, marker: float) -> skia.Image | None:
        """The icon matched to bullet `index` (onetake.visuals.assets), when every bullet has one."""
        icons = [v.icon for v in self.clip.visuals if v.kind.value == "icon"]
        if len(icons) != len(self.clip.bullets):
            return None
        from onetake.visuals.icons import draw_icon, get_icon

        px = int(round(marker * 0.72 / 4) * 4)
        return draw_icon(get_icon(icons[index]), px, self.palette, ink=readable_on(self.palette.accent, "#0B0F19"))

    def draw_bullets(self, canvas: skia.Canvas, t: float, left: float, top: float, width: float, size: float, on: str | None = None) -> float:
        marker = size * 1.35
        ink = skcolor(readable_on(on or self.palette.surface, self.palette.text))
        marker_ink = skcolor(readable_on(self.palette.accent, "#0B0F19"))
        y = top
        times = list(self.clip.bullet_times) + [self.clip.start + 0.4 + 0.5 * i for i in range(len(self.clip.bullets))][len(self.clip.bullet_times):]
        out = self.exit(t)
        for index, (block, at) in enumerate(zip(self.bullet_blocks(width, size), times)):
            enter = ease_out_back(window(t, at, self.stage.pace(0.45)), 1.1) * out
            row = max(block.height, marker)
            if enter > 0.001:
                alpha = min(1.0, enter)
                canvas.save()
                canvas.translate((1 - enter) * size * 2, 0)
                canvas.saveLayerAlpha(None, round(255 * alpha))
                rect = skia.Rect.MakeXYWH(left, y + (row - marker) / 2, marker, marker)
                r = marker * 0.3 * self.stage.style.corner if self.stage.style.corner < 1.6 else marker / 2
                canvas.drawRRect(skia.RRect.MakeRectXY(rect, r, r), skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent)))
                icon = self.bullet_icon(index, marker)
                if icon is not None:
                    canvas.drawImage(icon, rect.centerX() - icon.width() / 2, rect.centerY() - icon.height() / 2)
                else:
                    number = text.layout(str(index + 1), self.role("display-bold"), round(size * 0.8, 1), marker, align="center")
                    number.draw(canvas, rect.left(), rect.top() + (marker - number.height) / 2, skia.Paint(AntiAlias=True, Color=marker_ink))
                block.draw(canvas, left + marker * 1.5, y + (row - block.height) / 2, skia.Paint(AntiAlias=True, Color=ink))
                canvas.restore()
                canvas.restore()
            y += row + size * 0.9
        return y

    def spoken_words(self):
        """The presenter's words said during this scene (global times): kinetic type follows them."""
        words = self.stage.timeline.presenter.words
        return [w for w in words if self.clip.speech_start - 0.05 <= w.start < self.clip.end]


@lru_cache(maxsize=1024)
def fit_words(words: str, role: str, max_size: float, min_size: float, max_width: float, max_height: float, **kwargs) -> text.TextBlock:
    """text.fit, but never breaking a word: wide display faces shrink until their longest word fits.

    Cached: painters ask for the same fit every frame."""
    widest = max((fonts.font(role, max_size).measureText(w) for w in units(words)), default=0.0)
    if widest > max_width:
        cap = max_size * max_width / widest * 0.98
        max_size, min_size = cap, min(min_size, cap)
    return text.fit(words, role, max_size, min_size, max_width, max_height, **kwargs)
