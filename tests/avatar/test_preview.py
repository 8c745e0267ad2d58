import skia

from onetake.avatar import preview
from onetake.avatar.catalogue import list_presenters


def test_preview_writes_portraits_and_contact_sheet(tmp_path):
    assert preview.main([str(tmp_path)]) == 0
    for p in list_presenters():
        img = skia.Image.open(str(tmp_path / f"{p.id}.png"))
        assert (img.width(), img.height()) == (512, 512)
    sheet = skia.Image.open(str(tmp_path / "catalogue.png"))
    assert sheet.height() > sheet.width()  # one row per presenter
