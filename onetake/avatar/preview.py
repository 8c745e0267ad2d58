"""Render catalogue previews: `python -m onetake.avatar.preview OUT_DIR`.

Writes OUT_DIR/<id>.png (512x512, soft backdrop) per presenter and
OUT_DIR/catalogue.png, a contact sheet of every presenter with the mouth
closed, open ("aa"), rounded ("O") and mid-blink.
"""

from __future__ import annotations

import sys
from pathlib import Path

import skia

from onetake.avatar.backdrop import draw_backdrop
from onetake.avatar.catalogue import PresenterInfo, list_presenters
from onetake.avatar.motion import Pose
from onetake.avatar.rig import PresenterRig

STATES: list[tuple[str, dict[str, float], Pose]] = [
    ("closed", {"sil": 1.0}, Pose()),
    ("E", {"E": 1.0}, Pose()),
    ("aa", {"aa": 1.0}, Pose()),
    ("O", {"O": 1.0}, Pose()),
    ("blink", {"sil": 1.0}, Pose(blink=1.0)),
]


def _font(size: float, bold: bool = False) -> skia.Font:
    from onetake.draw import fonts  # the project's typefaces, and a quiet fontconfig start

    return fonts.font("display-bold" if bold else "body", size)


def render_portrait(presenter: PresenterInfo, size: int = 512, mouth: dict[str, float] | None = None,
                    pose: Pose | None = None) -> skia.Image:
    surf = skia.Surface(size, size)
    c = surf.getCanvas()
    draw_backdrop(c, skia.Rect.MakeWH(size, size))
    rig = PresenterRig(presenter, int(size * 0.94))
    rig.draw(c, size / 2, size, mouth or {"sil": 1.0}, pose or Pose())
    return surf.makeImageSnapshot()


def contact_sheet(presenters: list[PresenterInfo], cell: int = 300) -> skia.Image:
    label_w, head_h = 230, 48
    width = label_w + cell * len(STATES)
    height = head_h + cell * len(presenters)
    surf = skia.Surface(width, height)
    c = surf.getCanvas()
    c.clear(skia.Color(250, 251, 253))
    ink = skia.Paint(AntiAlias=True, Color=skia.Color(40, 44, 52))
    grey = skia.Paint(AntiAlias=True, Color=skia.Color(110, 118, 130))
    for k, (name, _, _) in enumerate(STATES):
        c.drawString(name, label_w + k * cell + 16, 32, _font(20, True), ink)
    for r, p in enumerate(presenters):
        y = head_h + r * cell
        c.drawString(p.name, 16, y + cell / 2 - 14, _font(20, True), ink)
        c.drawString(f"{p.id} · {p.gender}, {p.age_group}", 16, y + cell / 2 + 14, _font(15), grey)
        c.drawString(", ".join(p.style[:2]), 16, y + cell / 2 + 36, _font(15), grey)
        rig = PresenterRig(p, int(cell * 0.94))
        for k, (_, mouth, pose) in enumerate(STATES):
            x = label_w + k * cell
            c.save()
            c.clipRect(skia.Rect.MakeXYWH(x + 4, y + 4, cell - 8, cell - 8))
            draw_backdrop(c, skia.Rect.MakeXYWH(x + 4, y + 4, cell - 8, cell - 8))
            rig.draw(c, x + cell / 2, y + cell - 4, mouth, pose)
            c.restore()
    return surf.makeImageSnapshot()


def preview_image(presenter_id: str, cache_dir: Path | None = None) -> Path:
    """The presenter's 512x512 preview PNG, rendered once into a cache and reused."""
    import hashlib
    import os

    from onetake.avatar.catalogue import get_presenter

    presenter = get_presenter(presenter_id)
    base = cache_dir or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "onetake" / "previews"
    # The look's hash is in the name, so a redrawn presenter never shows a stale preview.
    digest = hashlib.sha1(presenter.look.model_dump_json().encode()).hexdigest()[:10]
    path = base / f"{presenter.id}-{digest}.png"
    if not path.exists():
        base.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        render_portrait(presenter).save(str(tmp))
        tmp.replace(path)  # atomic: two processes may render the same preview at once
    return path


def preview_video(presenter_id: str, cache_dir: Path | None = None, render: bool = False) -> Path | None:
    """The presenter's greeting video in the preview cache: rendered when `render`, else only if it exists."""
    import hashlib
    import os

    from onetake.avatar.catalogue import get_presenter

    presenter = get_presenter(presenter_id)
    base = cache_dir or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "onetake" / "previews"
    digest = hashlib.sha1(presenter.look.model_dump_json().encode()).hexdigest()[:10]
    path = base / f"{presenter.id}-{digest}.mp4"
    if not path.exists() and render:
        from onetake.avatar.preview_video import write_preview_video

        write_preview_video(presenter, path)
    return path if path.exists() else None


def photo_sheets(out: Path) -> list[Path]:
    """Photo-avatar frames from the public-domain portraits that ship in wheels (scikit-image, matplotlib)."""
    import matplotlib.cbook
    import numpy as np
    from skimage import data

    from onetake.avatar.photo import prepare_photo
    from onetake.avatar.photo.preview import photo_sheet

    astronaut = out / "astronaut-source.png"
    skia.Image.fromarray(np.dstack([data.astronaut(), np.full((512, 512), 255, np.uint8)]), colorType=skia.kRGBA_8888_ColorType).save(str(astronaut), skia.kPNG)
    sources = {"astronaut": astronaut, "grace-hopper": Path(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False))}
    written = []
    for name, path in sources.items():
        sheet = out / f"photo-{name}.png"
        photo_sheet(prepare_photo(path)).save(str(sheet), skia.kPNG)
        written.append(sheet)
    return written


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print("usage: python -m onetake.avatar.preview OUT_DIR [--videos] [--photos]", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    presenters = list_presenters()
    for p in presenters:
        render_portrait(p).save(str(out / f"{p.id}.png"), skia.kPNG)
    contact_sheet(presenters).save(str(out / "catalogue.png"), skia.kPNG)
    print(f"wrote {len(presenters)} previews and {out / 'catalogue.png'}")
    if "--videos" in argv:
        import shutil

        for p in presenters:
            shutil.copyfile(preview_video(p.id, render=True), out / f"{p.id}.mp4")
        print(f"wrote {len(presenters)} preview videos ({out}/<id>.mp4)")
    if "--photos" in argv:
        for sheet in photo_sheets(out):
            print(f"wrote {sheet}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
