"""Brand kits: stored, listed, deleted; uploads checked by their bytes; applied to every scene."""

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import skia

from onetake.agent.storyboard import Layout
from onetake.brief.models import Brief
from onetake.errors import InvalidInput
from onetake.render.compositor import Compositor
from onetake.visuals.brand_kits import create_brand_kit, delete_brand_kit, get_brand_kit, list_brand_kits
from onetake.visuals.previews import SCENE_S, sample_timeline
from onetake.visuals.typefaces import Face, face_files

FONTS = face_files(Face(family="fraunces", weight=800))[0]  # a WOFF from npm @fontsource
LOGO_RGB = (230, 40, 90)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("ONETAKE_HOME", str(tmp_path / "home"))
    return tmp_path


def _logo(path: Path) -> Path:
    surface = skia.Surface(300, 120)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    canvas.drawRect(skia.Rect.MakeXYWH(0, 0, 300, 120), skia.Paint(Color=skia.ColorSetRGB(*LOGO_RGB)))
    surface.makeImageSnapshot().save(str(path))
    return path


def _woff2(tmp_path: Path) -> Path:
    from fontTools.ttLib import TTFont

    font = TTFont(FONTS)
    font.flavor = "woff2"
    out = tmp_path / "Brand-Display.woff2"
    font.save(str(out))
    return out


def test_create_list_get_delete_with_a_woff2_font_and_a_logo(tmp_path):
    woff2 = _woff2(tmp_path)
    assert woff2.read_bytes()[:4] == b"wOF2"
    kit = create_brand_kit("Acme", {"primary": "#0047ab", "accent": "F60"}, {"display": woff2, "body": Path(FONTS)}, _logo(tmp_path / "logo.png"))
    assert kit.id.startswith("bk_") and kit.colors == {"primary": "#0047AB", "accent": "#FF6600"}
    stored = kit.font_path("display").read_bytes()
    assert stored[:4] in (b"\x00\x01\x00\x00", b"OTTO")  # converted: skia cannot read WOFF2
    assert skia.Typeface.MakeFromFile(str(kit.font_path("display"))).getFamilyName().startswith("Fraunces")
    assert kit.logo_path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [k.id for k in list_brand_kits()] == [kit.id]
    assert get_brand_kit(kit.id) == kit
    delete_brand_kit(kit.id)
    assert list_brand_kits() == []
    with pytest.raises(InvalidInput, match="no brand kit"):
        get_brand_kit(kit.id)


def _png_header_only(path: Path, width: int, height: int) -> Path:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
    return path


def test_bad_uploads_fail_cleanly_and_store_nothing(tmp_path):
    empty = tmp_path / "empty.ttf"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.woff2"
    fake.write_bytes(b"wOF2" + b"\x00" * 200)
    text = tmp_path / "notes.ttf"
    text.write_text("not a font")
    cases = [
        (dict(name=""), "name"),
        (dict(name="x" * 81), "name"),
        (dict(name="A", colors={"primary": "blue"}), "color"),
        (dict(name="A", colors={"sparkle": "#FFFFFF"}), "color"),
        (dict(name="A", fonts={"display": empty}), "font"),
        (dict(name="A", fonts={"display": fake}), "font"),
        (dict(name="A", fonts={"display": text}), "font"),
        (dict(name="A", fonts={"heading": Path(FONTS)}), "font"),
        (dict(name="A", logo=text), "logo"),
        (dict(name="A", logo=_png_header_only(tmp_path / "huge.png", 20_000, 20_000)), "logo"),
        (dict(name="A", logo=tmp_path / "missing.png"), "logo"),
    ]
    for kwargs, field in cases:
        with pytest.raises(InvalidInput) as caught:
            create_brand_kit(**kwargs)
        assert caught.value.field == field, (kwargs, caught.value)
    assert list_brand_kits() == []
    with pytest.raises(InvalidInput, match="bk_ and 12 hex digits"):
        get_brand_kit("../../etc")


def test_the_brand_kit_is_applied_to_every_scene(tmp_path):
    from tests.planning import plan
    from onetake.visuals.direction import design

    kit = create_brand_kit("Acme", {"primary": "#0047AB", "accent": "#FF7F50"}, {"display": _woff2(tmp_path)}, _logo(tmp_path / "logo.png"))
    # Colours: the kit's beat the style's; the brief's own colours beat both.
    board = design(plan(Brief(prompt="A video about Acme's new office")), Brief(prompt="A video about Acme's new office", brand_kit_id=kit.id))
    assert (board.palette.primary, board.palette.accent) == ("#0047AB", "#FF7F50") and board.brand_kit_id == kit.id
    coloured = Brief(prompt="A video about Acme's new office. Palette: sage and cream.", brand_kit_id=kit.id)
    assert design(plan(coloured), coloured).palette.accent != "#FF7F50"

    layouts = [Layout.presenter_full, Layout.title_card, Layout.bullets, Layout.end_card]
    timeline = sample_timeline("studio", 640, 360, layouts, brand_kit_id=kit.id).model_copy(update={"palette": board.palette})
    compositor = Compositor(timeline)
    # The display role now draws in the kit's font.
    from onetake.draw import fonts

    assert fonts.typeface(compositor.stage.role("display-bold")).getFamilyName().startswith("Fraunces")
    for clip in timeline.scenes:
        frame = compositor.render(clip.start + SCENE_S * 0.7)
        if clip.layout is Layout.end_card:  # the logo leads the end card, at a size
            assert _logo_pixels(frame[0:360, 0:330]) > 2000
        else:  # the logo bug in the corner
            assert _logo_pixels(frame[0:60, 0:140]) > 300, clip.layout
    plain = Compositor(sample_timeline("studio", 640, 360, layouts))
    assert _logo_pixels(plain.render(SCENE_S * 0.7)[0:60, 0:140]) < 20


def _logo_pixels(bgra: np.ndarray) -> int:
    b, g, r = (bgra[..., i].astype(int) for i in range(3))
    return int(((abs(r - LOGO_RGB[0]) < 30) & (abs(g - LOGO_RGB[1]) < 30) & (abs(b - LOGO_RGB[2]) < 30)).sum())


def test_cli_creates_lists_and_deletes_kits(tmp_path, capsys):
    from onetake.cli import run

    run(["brand-kits", "create", "Acme", "--color", "primary=#112233", "--font", f"display={FONTS}", "--logo", str(_logo(tmp_path / "l.png"))])
    kit_id = capsys.readouterr().out.strip()
    run(["brand-kits", "list", "--json"])
    assert kit_id in capsys.readouterr().out
    run(["plan", "A video about Acme", "--brand-kit", kit_id])
    assert f'"brand_kit_id": "{kit_id}"' in capsys.readouterr().out
    run(["brand-kits", "delete", kit_id])
    with pytest.raises(SystemExit) as exited:
        run(["plan", "A video", "--brand-kit", kit_id])
    assert exited.value.code == 2 and "--brand-kit no brand kit" in capsys.readouterr().err
