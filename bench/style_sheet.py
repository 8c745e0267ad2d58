"""A contact sheet of every layout in one or more styles (one frame per layout), as a PNG.

    .venv/bin/python bench/style_sheet.py [STYLE ...] [--out DIR] [--portrait] [--at 0.7]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import skia

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from onetake.draw import fonts  # noqa: E402
from onetake.render.compositor import Compositor  # noqa: E402
from onetake.visuals.previews import SCENE_S, sample_timeline  # noqa: E402
from onetake.visuals.styles import list_styles  # noqa: E402


def tile(frames: list[tuple[str, np.ndarray]], out: Path, columns: int = 5, tile_width: int = 384) -> Path:
    height, width = frames[0][1].shape[:2]
    tile_height = round(tile_width * height / width)
    rows = (len(frames) + columns - 1) // columns
    surface = skia.Surface(columns * tile_width, rows * tile_height)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    label_font = fonts.font("body-semibold", 14)
    for index, (label, pixels) in enumerate(frames):
        image = skia.Image.fromarray(np.ascontiguousarray(pixels), colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
        x, y = (index % columns) * tile_width, (index // columns) * tile_height
        canvas.drawImageRect(image, skia.Rect.MakeXYWH(x, y, tile_width, tile_height), skia.SamplingOptions(skia.FilterMode.kLinear))
        canvas.drawString(label, x + 6, y + tile_height - 8, label_font, skia.Paint(Color=skia.ColorYELLOW))
    surface.makeImageSnapshot().save(str(out))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("styles", nargs="*")
    parser.add_argument("--out", type=Path, default=Path("out/style-sheets"))
    parser.add_argument("--portrait", action="store_true")
    parser.add_argument("--at", type=float, default=0.75, help="fraction of each scene at which to grab its frame")
    parser.add_argument("--media", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    size = (360, 640) if args.portrait else (640, 360)
    for style in list_styles():
        if args.styles and style.id not in args.styles:
            continue
        started = time.perf_counter()
        timeline = sample_timeline(style.id, *size, media=args.media)
        compositor = Compositor(timeline)
        frames = [(f"{style.id} {clip.layout.value}", compositor.render(clip.start + SCENE_S * args.at).copy()) for clip in timeline.scenes]
        print(tile(frames, args.out / f"{style.id}{'-portrait' if args.portrait else ''}.png"), f"{time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
