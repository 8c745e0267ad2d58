"""A draft storyboard as one PNG contact sheet: a still of each scene, its number, length and words.

A draft has no audio yet, so the stills come from a silent timeline: each scene's words spread
evenly over the time its budget gives them, built and drawn by the same timeline builder and
compositor as the video. The sheet therefore shows the layouts, style and presenter the render
will use, in well under a second per scene, with no text-to-speech.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import numpy as np
import skia

from onetake.agent.casting import Cast
from onetake.agent.storyboard import Storyboard
from onetake.brief.models import Brief
from onetake.draw import text
from onetake.draw.colors import skcolor
from onetake.timeline.models import SceneClip, Timeline
from onetake.timeline.placement import LEAD_S, TAIL_S
from onetake.voice.models import Utterance, WordTiming

TILE_LONG = 512  # pixels on a tile's long side: big enough to read its headline at 100%
GAP = 28
MARGIN = 36
LABEL_SIZE = 17
BODY_SIZE = 15
_SILENT_RATE = 8000  # the placeholder narration is never heard: the lowest rate keeps it small

_PAPER, _INK, _MUTED, _EDGE = "#F4F4F5", "#18181B", "#52525B", "#D4D4D8"


def grid(count: int, width: int, height: int) -> tuple[int, int]:
    """(columns, rows) for `count` scenes of this frame: three landscape tiles a row, four portrait."""
    columns = 3 if width > height else 4
    columns = max(1, min(columns, count))
    return columns, math.ceil(count / columns)


def tile_size(width: int, height: int) -> tuple[int, int]:
    scale = TILE_LONG / max(width, height)
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def draw_sheet(storyboard: Storyboard, out_path: Path, cast: Cast | None = None, tiles: list | None = None) -> Path:
    """Write the contact sheet PNG to `out_path` and return it. Without a `cast` a stand-in
    presenter is chosen the way casting would, from the storyboard's own host hint. `tiles`, when
    given, receives each scene still's [x, y, width, height] on the sheet, then the sheet's
    [width, height] (the studio page crops each scene's thumbnail from the one image)."""
    chosen = cast or _stand_in(storyboard)
    tw, th = tile_size(storyboard.width, storyboard.height)
    stills = scene_stills(storyboard, chosen, tw, th)
    columns, rows = grid(len(stills), tw, th)
    labels = [_label(i, scene, clip) for i, (scene, clip) in enumerate(zip(storyboard.scenes, stills.clips))]
    bodies = [text.layout(scene.narration, "body", BODY_SIZE, tw) for scene in storyboard.scenes]
    label_h = LABEL_SIZE * 1.6
    row_heights = [th + 10 + label_h + max(b.height for b in bodies[r * columns:(r + 1) * columns]) for r in range(rows)]

    width = 2 * MARGIN + columns * tw + (columns - 1) * GAP
    title, facts = _header(storyboard, chosen, stills.duration, width - 2 * MARGIN)
    header_h = title.height + 10 + facts.height + 26
    height = MARGIN + round(header_h) + round(sum(row_heights)) + (rows - 1) * GAP + MARGIN
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    canvas.clear(skcolor(_PAPER))
    title.draw(canvas, MARGIN, MARGIN, _paint(_INK))
    facts.draw(canvas, MARGIN, MARGIN + title.height + 10, _paint(_MUTED))

    y = MARGIN + round(header_h)
    for r in range(rows):
        for c in range(columns):
            k = r * columns + c
            if k >= len(stills):
                break
            x = MARGIN + c * (tw + GAP)
            _tile(canvas, stills.images[k], x, y, tw, th)
            if tiles is not None:
                tiles.append([x, round(y), tw, th])  # drawn at a sub-pixel y: the nearest pixel
            text.layout(labels[k], "body-semibold", LABEL_SIZE, tw, max_lines=1).draw(canvas, x, y + th + 10, _paint(_INK))
            bodies[k].draw(canvas, x, y + th + 10 + label_h, _paint(_MUTED))
        y += row_heights[r] + GAP

    if tiles is not None:
        tiles.append([width, height])
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_suffix(".partial.png")
    partial.write_bytes(bytes(surface.makeImageSnapshot().encodeToData(skia.kPNG, 100)))
    partial.replace(out_path)  # a half-written sheet is never served
    return out_path


class Stills:
    def __init__(self, images: list[skia.Image], clips: list[SceneClip], duration: float):
        self.images, self.clips, self.duration = images, clips, duration

    def __len__(self) -> int:
        return len(self.images)


def scene_stills(storyboard: Storyboard, chosen: Cast, width: int, height: int) -> Stills:
    """One settled frame of each scene, drawn at `width` x `height` from a silent timeline."""
    from onetake.render.compositor import Compositor

    timeline = silent_timeline(storyboard, chosen, width, height)
    compositor = Compositor(timeline)
    images = []
    for clip in timeline.scenes:
        frame = compositor.render(settled_moment(clip))
        # the compositor reuses its buffer: each still keeps its own copy
        images.append(skia.Image.fromarray(np.array(frame), colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType))
    return Stills(images, list(timeline.scenes), timeline.duration)


def silent_timeline(storyboard: Storyboard, chosen: Cast, width: int, height: int) -> Timeline:
    """The video's timeline at this size, spoken by silence timed from the scenes' budgets."""
    from onetake.timeline.build import build_timeline
    from onetake.visuals.assets import attach_visuals

    board = storyboard.model_copy(update={"width": width, "height": height})
    brief = Brief(prompt=storyboard.title or "draft")  # no files: a draft's media show as the layout's own fallback
    speech = [placeholder_speech(scene.narration, scene.duration_budget - scene.hold) for scene in board.scenes]
    with tempfile.TemporaryDirectory(prefix=".onetake-sheet-") as tmp:
        timeline = build_timeline(board, chosen, speech, brief, Path(tmp))
    return attach_visuals(timeline, board, brief)


def placeholder_speech(narration: str, budget: float) -> Utterance:
    """Silence as long as the writer budgeted for the words, the words spread evenly over it."""
    words = narration.split() or ["…"]
    spoken = max(0.3 * len(words), budget - LEAD_S - TAIL_S, 0.6)
    step = spoken / len(words)
    timings = [WordTiming(text=w, start=i * step, end=(i + 0.85) * step) for i, w in enumerate(words)]
    return Utterance(samples=np.zeros(round(spoken * _SILENT_RATE), dtype=np.float32), sample_rate=_SILENT_RATE, words=timings)


def settled_moment(clip: SceneClip) -> float:
    """A time when the scene is fully on screen: past its transition, its entrances and its
    last bullet, and before it starts to leave."""
    entered = clip.start + clip.transition_in + 1.2
    if clip.bullet_times:
        entered = max(entered, clip.bullet_times[-1] + 0.6)
    late = clip.start + 0.7 * clip.duration
    return max(clip.start, min(max(entered, late), clip.end - 0.5))


def _stand_in(storyboard: Storyboard) -> Cast:
    from onetake.agent.casting import cast
    from onetake.visuals.styles import get_style

    return cast(storyboard.avatar_hint, None, None, storyboard.title, language=storyboard.language,
                style_tags=tuple(get_style(storyboard.style_id).tags))


_LAYOUT_NAMES = {"broll": "b-roll", "presenter_full": "presenter", "presenter_panel": "presenter + panel"}


def _label(index: int, scene, clip: SceneClip) -> str:
    """Number, the scene's length as placed on the draft's clock (what the render aims at), and its layout."""
    layout = _LAYOUT_NAMES.get(clip.layout.value, clip.layout.value.replace("_", " "))
    return f"{index + 1}  ·  {clip.duration:.1f} s  ·  {layout}"


def _header(storyboard: Storyboard, chosen: Cast, duration: float, width: float) -> tuple[text.TextBlock, text.TextBlock]:
    """The title and the facts a reviewer checks first; both wrap on a narrow (two portrait tiles) sheet."""
    from onetake.voice.catalogue import get_voice

    facts = [f"{len(storyboard.scenes)} scenes", f"about {duration:.0f} s", storyboard.orientation.value,
             f"{storyboard.width}x{storyboard.height}", f"style {storyboard.style_id}",
             f"presented by {chosen.presenter_name}", f"voice {get_voice(chosen.voice_id).name}"]
    return (text.layout(storyboard.title, "display-bold", 28, width, max_lines=2),
            text.layout("  ·  ".join(facts), "body", 16, width, line_spacing=1.4, max_lines=3))


def _tile(canvas: skia.Canvas, image: skia.Image, x: float, y: float, w: int, h: int) -> None:
    shadow = skia.Paint(Color=skcolor("#000000", 0.18), AntiAlias=True, MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, 6))
    canvas.drawRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(x, y + 3, w, h), 8, 8), shadow)
    canvas.save()
    canvas.clipRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(x, y, w, h), 8, 8), True)
    canvas.drawImage(image, x, y)
    canvas.restore()
    edge = skia.Paint(Color=skcolor(_EDGE), AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=1)
    canvas.drawRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(x + 0.5, y + 0.5, w - 1, h - 1), 8, 8), edge)


def _paint(colour: str) -> skia.Paint:
    return skia.Paint(Color=skcolor(colour), AntiAlias=True)
