from pathlib import Path

import pytest

from onetake.brief.intake import make_brief, sniff_file
from onetake.brief.models import MediaKind, Orientation, OutputFormat
from onetake.errors import InvalidInput


def test_valid_brief_keeps_every_choice(portrait_photo):
    brief = make_brief("A video", orientation="portrait", width=720, height=1280, duration=30, files=[portrait_photo], output_format="webm", quality=70, seed=3)
    assert brief.orientation is Orientation.portrait
    assert brief.output_format is OutputFormat.webm
    assert brief.files[0].kind is MediaKind.image and brief.files[0].mime_type == "image/jpeg"
    assert (brief.duration, brief.quality, brief.seed) == (30, 70, 3)


@pytest.mark.parametrize(
    "kwargs, field, fragment",
    [
        ({"prompt": "   "}, "prompt", "empty"),
        ({"prompt": "x" * 10_001}, "prompt", "10000"),
        ({"duration": 4}, "duration", "between 5 and 300"),
        ({"duration": 301}, "duration", "between 5 and 300"),
        ({"width": 100}, "width", "between 128 and 3840"),
        ({"height": 5000}, "height", "between 128 and 3840"),
        ({"width": 1281}, "width", "even"),
        ({"orientation": "square"}, "orientation", "landscape or portrait"),
        ({"orientation": "portrait", "width": 1280, "height": 720}, "orientation", "contradicts the 1280x720"),
        ({"output_format": "avi"}, "format", "mp4, webm, mov"),
        ({"quality": 19}, "quality", "between 20 and 99"),
        ({"quality": 100}, "quality", "between 20 and 99"),
    ],
)
def test_bad_values_name_the_field_and_the_limit(kwargs, field, fragment):
    args = {"prompt": "A video"} | kwargs
    prompt = args.pop("prompt")
    with pytest.raises(InvalidInput) as caught:
        make_brief(prompt, **args)
    assert caught.value.field == field
    assert fragment in caught.value.message


def test_more_than_twenty_files_is_refused(portrait_photo):
    with pytest.raises(InvalidInput, match="21 files given; the limit is 20"):
        make_brief("A video", files=[portrait_photo] * 21)


def test_missing_and_unreadable_files_are_refused(tmp_path):
    with pytest.raises(InvalidInput, match="no such file"):
        make_brief("A video", files=[tmp_path / "nope.jpg"])
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="empty"):
        sniff_file(empty)


def test_type_is_sniffed_from_bytes_not_the_name(tmp_path, portrait_photo):
    disguised = tmp_path / "photo.pdf"
    disguised.write_bytes(portrait_photo.read_bytes())
    assert sniff_file(disguised).kind is MediaKind.image
    junk = tmp_path / "image.png"
    junk.write_bytes(b"\x00\x01 definitely not an image" * 20)
    with pytest.raises(InvalidInput, match="not a supported"):
        sniff_file(junk)
    notes = tmp_path / "notes.md"
    notes.write_text("# Launch notes\nPrice: $49", encoding="utf-8")
    assert sniff_file(notes).kind is MediaKind.document
