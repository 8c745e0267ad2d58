import struct
import zlib

import pytest

from onetake.errors import RenderFailed
from onetake.visuals.media import MAX_IMAGE_PIXELS, check_image, cover_image, image_size


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _huge_png(path, width: int, height: int) -> None:
    """A valid 1-bit PNG of width x height: ~50 KB on disk, 1.6 GB once decoded to RGBA."""
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", data) + _chunk(b"IEND", b""))


def test_a_20000_pixel_square_image_is_refused_from_its_header(tmp_path):
    huge = tmp_path / "huge.png"
    _huge_png(huge, 20_000, 20_000)
    assert huge.stat().st_size < 1_000_000
    assert image_size(huge) == (20_000, 20_000)
    with pytest.raises(RenderFailed, match=f"20000x20000 pixels; the limit is {MAX_IMAGE_PIXELS:,}"):
        check_image(huge)


def test_truncated_and_junk_images_fail_cleanly(tmp_path, portrait_photo):
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(portrait_photo.read_bytes()[:200])
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all")
    for path in (cut, junk):
        with pytest.raises(RenderFailed, match="not a decodable image"):
            cover_image(path, 1280, 720)


def test_cover_image_fills_the_frame_with_room_to_move(portrait_photo):
    image = cover_image(portrait_photo, 1280, 720)
    assert (image.width(), image.height()) == (round(1280 * 1.15), round(720 * 1.15))


def test_a_clip_in_a_still_layout_shows_its_poster_frame(tmp_path):
    """A split screen or panel whose scene has a video gets a frame of it, not a decode error."""
    import numpy as np

    from onetake.visuals.media import cover_image
    from tests.media import write_test_clip

    clip = write_test_clip(tmp_path, seconds=1.6)
    image = cover_image(clip, 200, 150, 1.0)
    assert (image.width(), image.height()) == (200, 150)
    pixels = image.toarray()
    assert pixels[..., :3].std() > 10  # the gradient and the ball, not a blank
