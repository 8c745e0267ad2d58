"""B-roll painters: the user's pictures, clips and PDF pages in sequence; and the icon grid."""

from __future__ import annotations

import math

import skia

from onetake.draw import text
from onetake.draw.blit import draw_at_pixel
from onetake.draw.colors import mix, readable_on, relative_luminance, skcolor
from onetake.draw.easing import ease_in_out_sine, ease_out_back, ease_out_cubic, window
from onetake.timeline.models import Visual, VisualKind
from onetake.visuals import components
from onetake.visuals.icons import draw_icon, get_icon
from onetake.visuals.layouts.base import ScenePainter
from onetake.visuals.layouts.cards import TitleCard
from onetake.visuals.sources import VideoSource, draw_cover, framed_image, pdf_page_image

FADE_S = 0.35  # cross-fade between two visuals of one scene
PAGE_ZOOM = 1.6  # how far a slide zooms toward the region being talked about (at most)


def _scrim(width: int, height: int, strength: float = 1.0) -> skia.Image:
    """Top and bottom darkening as a premultiplied image: drawing it costs ~0.1 ms, a gradient per frame ~10 (STACK.md)."""
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    colors = [skcolor("#000000", 0.55 * strength), skcolor("#000000", 0.0), skcolor("#000000", 0.0), skcolor("#000000", 0.6 * strength)]
    canvas.drawRect(skia.Rect.MakeWH(width, height), skia.Paint(Shader=skia.GradientShader.MakeLinear([skia.Point(0, 0), skia.Point(0, height)], colors, [0.0, 0.3, 0.62, 1.0])))
    return surface.makeImageSnapshot()


class MediaBRoll(ScenePainter):
    """Each visual fills the frame in turn, with slow motion of its own; a short cross-fade joins them."""

    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        self.visuals = [v for v in clip.visuals if v.kind is not VisualKind.icon]
        if not self.visuals and clip.media:  # a plain timeline (no visuals resolved): show its images
            self.visuals = [Visual(kind=VisualKind.image, start=clip.start, end=clip.end, path=p) for p in clip.media[:1]]
        self.fallback = TitleCard(stage, clip) if not self.visuals else None
        self.videos: dict[int, VideoSource] = {}
        self.scrim = _scrim(self.w, self.h) if self.visuals else None

    def draw(self, canvas, t):
        if self.fallback is not None:
            return self.fallback.draw(canvas, t)
        index = 0
        for i, visual in enumerate(self.visuals):
            if visual.start <= t:
                index = i
        current = self.visuals[index]
        if index > 0 and t < current.start + FADE_S:
            self.draw_visual(canvas, index - 1, t)
            canvas.saveLayerAlpha(None, round(255 * ease_in_out_sine((t - current.start) / FADE_S)))
            self.draw_visual(canvas, index, t)
            canvas.restore()
        else:
            self.draw_visual(canvas, index, t)
        if current.kind is not VisualKind.pdf_page:
            canvas.drawImage(self.scrim, 0, 0)
        self.draw_headline(canvas, t, on_field=current.kind is VisualKind.pdf_page)
        self.pip(canvas, t)
        if self.stage.logo is not None:  # the headline owns the top-left on a photo; a kit's logo still shows
            self.brand_bug(canvas)

    def draw_visual(self, canvas: skia.Canvas, index: int, t: float) -> None:
        visual = self.visuals[index]
        span = max(1e-3, visual.end - visual.start)
        p = min(1.0, max(0.0, (t - visual.start) / span))
        if visual.kind is VisualKind.image:
            image, anchor = framed_image(visual.path, self.w, self.h, visual.focus)
            draw_cover(canvas, image, anchor, self.w, self.h, 1.0 + 0.08 * ease_in_out_sine(p), ease_in_out_sine(p))
        elif visual.kind is VisualKind.video:
            source = self.videos.get(index)
            if source is None:
                source = self.videos[index] = VideoSource(visual.path, self.w, self.h, visual.focus)
            local = visual.source_start + max(0.0, t - visual.start)
            frame = source.image_at(min(local, visual.source_start + visual.source_duration))
            if frame is not None:
                zoom = 1.0 + 0.04 * ease_in_out_sine(p)  # a touch of push-in keeps held last frames alive
                canvas.save()
                canvas.translate(self.w / 2, self.h / 2)
                canvas.scale(zoom, zoom)
                canvas.translate(-self.w / 2, -self.h / 2)
                canvas.drawImage(frame, 0, 0, skia.SamplingOptions(skia.FilterMode.kLinear))
                canvas.restore()
        else:
            self.draw_page(canvas, visual, p)

    def draw_page(self, canvas: skia.Canvas, visual: Visual, p: float) -> None:
        """A slide on the style's field; it zooms in toward the lines the narration is about."""
        self.stage.field.draw(canvas, visual.start + p)
        # landscape: the page in a column right of the headline, clear of the presenter bubble; portrait: below the headline
        if self.stage.portrait:
            room_x, room_y, room_w, room_h = self.w * 0.06, self.h * 0.2, self.w * 0.88, self.h * 0.55
        else:
            room_x, room_y, room_w, room_h = self.w * 0.36, self.h * 0.08, self.w * 0.48, self.h * 0.8
        image = pdf_page_image(visual.path, visual.page, round(max(room_w, room_h) * (PAGE_ZOOM if visual.focus else 1.0)))
        fit = min(room_w / image.width(), room_h / image.height())
        pw, ph = image.width() * fit, image.height() * fit
        left, top = room_x + (room_w - pw) / 2, room_y + (room_h - ph) / 2
        mid_x, mid_y = room_x + room_w / 2, room_y + room_h / 2
        zoom, fx, fy = 1.0, 0.5, 0.5
        if visual.focus:
            x0, y0, x1, y1 = visual.focus
            fx, fy = (x0 + x1) / 2, (y0 + y1) / 2
            # zoom until the region fills ~80% of the room, never past PAGE_ZOOM
            target = min(PAGE_ZOOM, 0.8 * room_w / max(1.0, (x1 - x0) * pw), 0.8 * room_h / max(1.0, (y1 - y0) * ph))
            zoom = 1.0 + (max(1.0, target) - 1.0) * ease_in_out_sine(window(p, 0.15, 0.55))
        ease = (zoom - 1.0) / max(1e-6, zoom)
        # move the focus toward the frame's centre as the zoom grows
        cx = left + fx * pw + (mid_x - (left + fx * pw)) * ease
        cy = top + fy * ph + (mid_y - (top + fy * ph)) * ease
        canvas.save()
        canvas.translate(cx, cy)
        canvas.scale(zoom, zoom)
        canvas.translate(-(left + fx * pw), -(top + fy * ph))
        rect = skia.Rect.MakeXYWH(left, top, pw, ph)
        canvas.drawRect(rect.makeOffset(0, self.unit * 0.01), components.shadow_paint(0.35, self.unit * 0.02))
        canvas.drawImageRect(image, rect, skia.SamplingOptions(skia.FilterMode.kLinear, skia.MipmapMode.kLinear) if zoom < 1.01 else skia.SamplingOptions(skia.FilterMode.kLinear))
        canvas.restore()

    def draw_headline(self, canvas: skia.Canvas, t: float, on_field: bool = False) -> None:
        if not self.clip.headline:
            return
        enter = ease_out_cubic(window(t, self.clip.start + 0.3, 0.6))
        width = self.w * (0.26 if on_field and not self.stage.portrait else 0.55)
        block = text.fit(self.headline(), self.role("display-bold"), self.unit * 0.06, self.unit * 0.035, width, self.h * (0.5 if on_field else 0.2))
        x, y = self.unit * 0.08, self.unit * 0.09
        canvas.drawRect(skia.Rect.MakeXYWH(x, y, self.unit * 0.008, block.height * enter), skia.Paint(Color=skcolor(self.palette.accent)))
        ink = readable_on(self.palette.background, self.palette.text) if on_field else "#FFFFFF"
        block.draw(canvas, x + self.unit * 0.03 - (1 - enter) * 30, y, skia.Paint(AntiAlias=True, Color=skcolor(ink, enter)))


class IconGrid(ScenePainter):
    """Up to six icons matched to the scene's words, popping in one after another on soft cards, floating gently."""

    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        self.icons = [get_icon(v.icon) for v in clip.visuals if v.kind is VisualKind.icon][:6]
        self.tiles: dict[tuple[int, int], skia.Image] = {}
        self.fallback = TitleCard(stage, clip) if not self.icons else None

    def tile(self, i: int, cell: float) -> skia.Image:
        """Card, shadow and icon drawn once into an image: per frame only a transform moves it (the blur costs ms)."""
        key = (i, round(cell))
        if key in self.tiles:
            return self.tiles[key]
        pad = round(cell * 0.4)  # room for the blurred shadow
        side = round(cell) + 2 * pad
        surface = skia.Surface(side, side)
        canvas = surface.getCanvas()
        canvas.clear(skia.ColorTRANSPARENT)
        canvas.translate(side / 2, side / 2)
        card = self.palette.surface if abs(relative_luminance(self.palette.surface) - relative_luminance(self.palette.background)) > 0.02 else mix(self.palette.background, "#FFFFFF", 0.12)
        components.card(canvas, skia.Rect.MakeXYWH(-cell / 2, -cell / 2, cell, cell), cell * 0.18, card, 0.92)
        line_ink = (self.palette.accent, self.palette.primary)[i % 2]
        line_ink = line_ink if abs(relative_luminance(line_ink) - relative_luminance(card)) > 0.15 else readable_on(card, self.palette.text)
        size = int(round(cell * 0.62 / 16) * 16)
        canvas.drawImage(draw_icon(self.icons[i], size, self.palette, ink=line_ink), -size / 2, -size / 2, skia.SamplingOptions(skia.FilterMode.kLinear))
        self.tiles[key] = surface.makeImageSnapshot()
        return self.tiles[key]

    def grid(self) -> tuple[int, int]:
        n = len(self.icons)
        if self.stage.portrait:
            return {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 2)}.get(n, (2, 3))
        return {1: (1, 1), 2: (2, 1), 3: (3, 1), 4: (2, 2)}.get(n, (3, 2))

    def draw(self, canvas, t):
        if self.fallback is not None:
            return self.fallback.draw(canvas, t)
        self.stage.field.draw(canvas, t)
        ink = readable_on(self.palette.background, self.palette.text)
        # clear of the presenter bubble (top right): below it in portrait, narrower than it in landscape
        radius = self.unit * (0.13 if self.stage.portrait else 0.125)
        top = self.unit * 0.11 + 2 * radius if self.stage.portrait else self.h * 0.08
        if self.clip.headline:
            width = self.w * 0.84 if self.stage.portrait else self.w - 2 * (2 * radius + self.unit * 0.12)
            block = text.fit(self.headline(), self.role("display-bold"), self.unit * 0.075, self.unit * 0.04, width, self.h * 0.16, align="center")
            enter = ease_out_cubic(window(t, self.clip.start + 0.1, 0.5))
            block.draw(canvas, (self.w - width) / 2, top + (1 - enter) * self.unit * 0.03, skia.Paint(AntiAlias=True, Color=skcolor(ink, enter)))
            top += block.height + self.unit * 0.05
        bottom = self.h * (0.72 if self.stage.portrait else 0.8)  # captions sit below
        cols, rows = self.grid()
        gap = self.unit * 0.04
        cell = min((self.w * 0.86 - gap * (cols - 1)) / cols, (bottom - top - gap * (rows - 1)) / rows)
        grid_w, grid_h = cols * cell + (cols - 1) * gap, rows * cell + (rows - 1) * gap
        x0, y0 = (self.w - grid_w) / 2, top + (bottom - top - grid_h) / 2
        span = max(0.6, min(2.4, (self.clip.speech_end - self.clip.speech_start) * 0.5))
        for i in range(len(self.icons)):
            r, c = divmod(i, cols)
            cx, cy = x0 + c * (cell + gap) + cell / 2, y0 + r * (cell + gap) + cell / 2
            at = self.clip.start + 0.25 + i * span / max(1, len(self.icons))
            pop = ease_out_back(window(t, at, 0.5))
            if pop <= 0.01:
                continue
            bob = math.sin((t - at) * 1.6 + i * 1.3) * cell * 0.015
            tile = self.tile(i, cell)
            canvas.save()
            canvas.translate(cx, cy + bob)
            if abs(pop - 1.0) > 1e-3:  # popping in: scaled and filtered; settled: a whole-pixel blit
                canvas.scale(pop, pop)
            draw_at_pixel(canvas, tile, -tile.width() / 2, -tile.height() / 2)
            canvas.restore()
        self.pip(canvas, t)
        self.brand_bug(canvas)
