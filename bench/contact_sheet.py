"""A contact sheet of a rendered video: one frame every N seconds, tiled into one PNG.

    .venv/bin/python bench/contact_sheet.py VIDEO [--every 2.0] [--out sheet.png]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import av
import numpy as np
import skia

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from onetake.draw import fonts  # noqa: E402


def contact_sheet(video: Path, out: Path, every: float = 2.0, columns: int = 4, tile_width: int = 480) -> Path:
    tiles: list[np.ndarray] = []
    next_time = 0.0
    with av.open(str(video)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and frame.time + 1e-6 >= next_time:
                tiles.append(frame.to_ndarray(format="rgba"))
                next_time += every
    height, width = tiles[0].shape[:2]
    tile_height = round(tile_width * height / width)
    rows = (len(tiles) + columns - 1) // columns
    label_font = fonts.font("body-semibold", 16)
    surface = skia.Surface(columns * tile_width, rows * tile_height)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    for index, pixels in enumerate(tiles):
        image = skia.Image.fromarray(np.ascontiguousarray(pixels), colorType=skia.kRGBA_8888_ColorType)
        x, y = (index % columns) * tile_width, (index // columns) * tile_height
        canvas.drawImageRect(image, skia.Rect.MakeXYWH(x, y, tile_width, tile_height), skia.SamplingOptions(skia.FilterMode.kLinear))
        canvas.drawString(f"{index * every:.1f}s", x + 6, y + 20, label_font, skia.Paint(Color=skia.ColorYELLOW))
    surface.makeImageSnapshot().save(str(out))
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("video", type=Path)
    parser.add_argument("--every", type=float, default=2.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    print(contact_sheet(args.video, args.out or args.video.with_suffix(".sheet.png"), args.every))
