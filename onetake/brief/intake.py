"""Turn raw request values (from the CLI today, the API later) into a validated Brief.

Every failure is an InvalidInput naming the user's field and the limit, so a
front end can print one line or map it to an HTTP 400 with `param`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import filetype
from pydantic import ValidationError

from onetake.brief.models import (
    DURATION_MAX_S,
    DURATION_MIN_S,
    MAX_FILES,
    PROMPT_MAX_CHARS,
    QUALITY_MAX,
    QUALITY_MIN,
    SIZE_MAX_PX,
    SIZE_MIN_PX,
    Brief,
    InputFile,
    MediaKind,
    Orientation,
    OutputFormat,
)
from onetake.errors import InvalidInput

MAX_FILE_BYTES = 512 * 1024 * 1024

_KIND_BY_MIME_PREFIX = {"image/": MediaKind.image, "video/": MediaKind.video, "audio/": MediaKind.audio}
_TEXT_SUFFIXES = {".txt", ".md", ".srt"}


def sniff_file(path: Path, field: str = "file") -> InputFile:
    """Classify a user file by its bytes, not its name: clients lie about types."""
    if path.is_dir():
        raise InvalidInput(field, f"cannot read '{path}': it is a directory")
    if not path.is_file():
        raise InvalidInput(field, f"cannot read '{path}': no such file")
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput(field, f"'{path}' is empty")
    if size > MAX_FILE_BYTES:
        raise InvalidInput(field, f"'{path}' is {size} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise InvalidInput(field, f"cannot read '{path}': {exc.strerror}") from None
    guess = filetype.guess(head)
    if guess is not None:
        if guess.mime == "application/pdf":
            return InputFile(path=path, kind=MediaKind.document, mime_type=guess.mime, size_bytes=size)
        for prefix, kind in _KIND_BY_MIME_PREFIX.items():
            if guess.mime.startswith(prefix):
                return InputFile(path=path, kind=kind, mime_type=guess.mime, size_bytes=size)
    if path.suffix.lower() in _TEXT_SUFFIXES and _is_utf8(head):
        return InputFile(path=path, kind=MediaKind.document, mime_type="text/plain", size_bytes=size)
    raise InvalidInput(field, f"'{path}' is not a supported image, video, audio, PDF or text file")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(data) - 4  # a multi-byte character cut by the 8 KiB read
    return True


def make_brief(
    prompt: str,
    *,
    orientation: str | None = None,
    width: int | None = None,
    height: int | None = None,
    duration: float | None = None,
    avatar_id: str | None = None,
    avatar_image: Path | None = None,
    voice_id: str | None = None,
    style_id: str | None = None,
    files: Sequence[Path] = (),
    output_format: str = "mp4",
    quality: int = 85,
    seed: int = 0,
    music: str | None = None,
) -> Brief:
    """Validate in the order a user reads the options; the first problem wins."""
    prompt = (prompt or "").strip()
    if not prompt:
        raise InvalidInput("prompt", "must not be empty")
    if len(prompt) > PROMPT_MAX_CHARS:
        raise InvalidInput("prompt", f"is {len(prompt)} characters; the limit is {PROMPT_MAX_CHARS}")
    if orientation is not None and orientation not in Orientation.__members__:
        raise InvalidInput("orientation", f"must be landscape or portrait, not '{orientation}'")
    for name, value in (("width", width), ("height", height)):
        if value is not None and not SIZE_MIN_PX <= value <= SIZE_MAX_PX:
            raise InvalidInput(name, f"must be between {SIZE_MIN_PX} and {SIZE_MAX_PX} pixels, not {value}")
        if value is not None and value % 2:
            raise InvalidInput(name, f"must be an even number of pixels (video encoders need it), not {value}")
    if orientation and width and height and width != height and (orientation == "portrait") != (height > width):
        raise InvalidInput("orientation", f"{orientation} contradicts the {width}x{height} frame size; give one or make them agree")
    if duration is not None and not DURATION_MIN_S <= duration <= DURATION_MAX_S:
        raise InvalidInput("duration", f"must be between {DURATION_MIN_S:g} and {DURATION_MAX_S:g} seconds, not {duration:g}")
    if output_format not in OutputFormat.__members__:
        raise InvalidInput("format", f"must be one of mp4, webm, mov, not '{output_format}'")
    if not QUALITY_MIN <= quality <= QUALITY_MAX:
        raise InvalidInput("quality", f"must be between {QUALITY_MIN} and {QUALITY_MAX}, not {quality}")
    if len(files) > MAX_FILES:
        raise InvalidInput("file", f"{len(files)} files given; the limit is {MAX_FILES}")
    sniffed = tuple(sniff_file(Path(p)) for p in files)
    avatar_photo = sniff_file(Path(avatar_image), "avatar_image") if avatar_image is not None else None
    if avatar_photo is not None and avatar_photo.kind is not MediaKind.image:
        raise InvalidInput("avatar_image", f"'{avatar_image}' is a {avatar_photo.kind.value} file, not an image")
    if avatar_photo is not None and avatar_id:
        raise InvalidInput("avatar_image", "give either --avatar or --avatar-image, not both")
    try:
        return Brief(
            prompt=prompt,
            orientation=Orientation(orientation) if orientation else None,
            width=width,
            height=height,
            duration=duration,
            avatar_id=avatar_id,
            avatar_image=avatar_photo,
            voice_id=voice_id,
            style_id=style_id,
            files=sniffed,
            output_format=OutputFormat(output_format),
            quality=quality,
            seed=seed,
            music=(music or "").strip().lower() or None,
        )
    except ValidationError as exc:  # a limit above forgot to mirror the model: still one clear line
        first = exc.errors()[0]
        raise InvalidInput(".".join(str(p) for p in first["loc"]), first["msg"]) from None
