"""A finished video's timeline exports (.otio, FCP7 .xml) as stored files and session resources of type "timeline"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from onetake.export.files import export_paths
from onetake.service.db import now
from onetake.service.ids import new_id
from onetake.service.models import Resource

FORMATS = {"otio": ("otio", "application/vnd.opentimelineio+json"), "fcp_xml": ("fcp_xml", "application/xml")}  # files key -> (format, mime)


def timeline_export_files(video: Path, relative: Callable[[Path], str]) -> dict[str, str]:
    paths = export_paths(video)
    found = {"otio": paths.otio, "fcp_xml": paths.fcp_xml}
    return {key: relative(path) for key, path in found.items() if path.is_file()}


def timeline_resources(session_id: str, video_id: str, files: dict) -> list[Resource]:
    out = []
    for key, (fmt, mime) in FORMATS.items():
        if files.get(key):
            out.append(Resource(id=new_id("res"), session_id=session_id, resource_type="timeline", path=files[key],
                                meta={"video_id": video_id, "format": fmt, "mime_type": mime, "file_name": Path(files[key]).name}, created_at=now()))
    return out
