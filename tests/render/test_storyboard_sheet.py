"""The contact sheet of a draft: one still per scene in a grid, drawn by the real compositor, fast."""

import time

import numpy as np
import pytest
from PIL import Image

from onetake.agent.storyboard import Layout, Scene, SceneRole, Storyboard
from onetake.brief.models import Orientation
from onetake.render.storyboard_sheet import GAP, MARGIN, draw_sheet, grid, tile_size

_PAPER = np.array([0xF4, 0xF4, 0xF5])


def _board(orientation: Orientation) -> Storyboard:
    w, h = (1280, 720) if orientation is Orientation.landscape else (720, 1280)
    scenes = [
        (SceneRole.hook, Layout.kinetic, "Fern and Fig makes flower boxes for city balconies.", "", []),
        (SceneRole.presenter, Layout.presenter_full, "I started it after my own herbs died on a windy fourth floor.", "", []),
        (SceneRole.bullets, Layout.bullets, "Every box has a wind guard, self-watering soil and a drain tray.", "What you get",
         ["Wind guard", "Self-watering soil", "Drain tray"]),
        (SceneRole.stat, Layout.stat, "Ninety percent of our plants survive their first winter.", "90% survive winter", []),
        (SceneRole.quote, Layout.quote, "A customer told us: my balcony finally looks alive.", "My balcony finally looks alive", []),
        (SceneRole.cta, Layout.end_card, "Order yours at fernandfig.example.", "Order at fernandfig.example", []),
    ]
    return Storyboard(title="Fern and Fig: flower boxes for balconies", brand="Fern and Fig", target_duration=20, duration_requested=True,
                      orientation=orientation, width=w, height=h, cta="Order at fernandfig.example",
                      scenes=[Scene(id=f"scene-{i + 1:02d}", role=r, layout=l, narration=n, on_screen_text=t, bullets=b, duration_budget=3.3)
                              for i, (r, l, n, t, b) in enumerate(scenes)])


def _tile_rows(sheet: np.ndarray, x: int, tw: int, th: int) -> list[int]:
    """Top edges of the first column's tiles: runs of rows, about a tile tall, far from paper on average
    across the tile's width (a label's sparse text is not)."""
    off = np.abs(sheet[:, x:x + tw, :3].astype(int) - _PAPER).sum(axis=2).mean(axis=1) > 60
    tops, run = [], 0
    for y, v in enumerate(list(off) + [False]):
        if v:
            run += 1
            continue
        if run >= th - 4:
            tops.append(y - run)
        run = 0
    return tops


@pytest.mark.parametrize("orientation", [Orientation.landscape, Orientation.portrait])
def test_sheet_has_one_distinct_still_per_scene_in_its_grid(tmp_path, orientation):
    board = _board(orientation)
    started = time.perf_counter()
    placed: list = []
    path = draw_sheet(board, tmp_path / "draft.png", tiles=placed)
    took = time.perf_counter() - started

    assert path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    sheet = np.asarray(Image.open(path).convert("RGB"))
    tw, th = tile_size(board.width, board.height)
    columns, rows = grid(len(board.scenes), board.width, board.height)
    assert (columns, rows) == ((3, 2) if orientation is Orientation.landscape else (4, 2))
    assert sheet.shape[1] == 2 * MARGIN + columns * tw + (columns - 1) * GAP
    assert sheet.shape[0] > rows * th + (rows - 1) * GAP  # tiles, plus a header and the narration under each

    tops = _tile_rows(sheet, MARGIN, tw, th)
    assert len(tops) == rows
    tiles = [sheet[tops[k // columns]:tops[k // columns] + th, MARGIN + (k % columns) * (tw + GAP):][:, :tw]
             for k in range(len(board.scenes))]
    # Where the sheet says each still is (the studio page crops its scene cards' thumbnails by these).
    assert placed[-1] == [sheet.shape[1], sheet.shape[0]]
    assert placed[:-1] == [[MARGIN + (k % columns) * (tw + GAP), tops[k // columns], tw, th] for k in range(len(board.scenes))]
    for tile in tiles:
        assert tile.std() > 12, "a tile is blank"
    for i in range(len(tiles)):
        for j in range(i + 1, len(tiles)):
            assert np.abs(tiles[i].astype(int) - tiles[j].astype(int)).mean() > 4, f"scenes {i + 1} and {j + 1} look the same"
    assert took < 6  # no speech is synthesised: a draft's sheet is quick (about a second here)
