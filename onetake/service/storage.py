"""Where files live and how they are handed out: the storage interface and its local implementation.

Everything that renders or reads a file (ffmpeg/PyAV, skia, the brief reader) needs a path on this
machine, so every implementation keeps a working copy under the data directory, laid out the same way;
what differs is where the copy is *kept* and how a client fetches it:

- `Storage` (the default): the working copy is the store. URLs carry `expires` (Unix seconds) and
  `sig` = HMAC-SHA256(secret, path + expires); the file route checks both, so a link works without an
  API key until it expires and cannot be altered to reach another file. `publish`/`materialise` are
  no-ops: nothing is copied, paths stay where they are.
- `S3Storage` (s3_storage.py, `--storage s3://bucket/prefix`): the bucket is the store. Writers call
  `publish` on what they finished, readers call `materialise` before they open a file (a no-op when the
  working copy is there), URLs are presigned GETs on the bucket, deletion removes the objects too.
"""

from __future__ import annotations

import hashlib
import hmac
import shutil
import time
from pathlib import Path
from urllib.parse import quote

from onetake.errors import OnetakeError
from onetake.service.config import ServiceConfig

KITS_PREFIX = "brand-kits/"  # relative names under this prefix are files of the brand kit store
CATALOGUE_PREFIX = "catalogue/"  # the built-in presenters' and voices' previews: product media, not anybody's data
SCRATCH_DIRS = ("cache",)  # inputs/<session>/cache: the renderer's reusable intermediates, never published


class StorageUnavailable(OnetakeError):
    """The store cannot be reached or refuses (a bucket that is missing, wrong keys, an endpoint down): a 503 to an
    API client, a failed video for a render, one line on stderr at start-up."""


class Storage:
    def __init__(self, config: ServiceConfig):
        self.root = config.files_dir().resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.kits_root = config.brand_kits_root().resolve()  # may lie outside the files directory: signed by prefix
        self.kits_root.mkdir(parents=True, exist_ok=True)
        self._secret = config.signing_secret()
        self._base = config.base_url()
        self.default_ttl = config.url_ttl_s
        self.max_bytes_per_key: int | None = config.max_stored_bytes_per_key  # what take_files may add for one key (quotas.Room)

    # Layout: videos/<video_id>/..., assets/<asset_id>/<name>, inputs/<session_id>/..., catalogue/...; brand-kits/<kit_id>/... in the kit store
    def video_dir(self, video_id: str) -> Path:
        return self.root / "videos" / video_id

    def session_inputs(self, session_id: str) -> Path:
        return self.root / "inputs" / session_id

    def asset_dir(self, asset_id: str) -> Path:
        return self.root / "assets" / asset_id

    def relative(self, path: Path) -> str:
        path = path.resolve()
        if path.is_relative_to(self.kits_root):
            return KITS_PREFIX + path.relative_to(self.kits_root).as_posix()
        return path.relative_to(self.root).as_posix()

    def absolute(self, relative: str) -> Path:
        if relative.startswith(KITS_PREFIX):
            base, rest = self.kits_root, relative.removeprefix(KITS_PREFIX)
        else:
            base, rest = self.root, relative
        path = (base / rest).resolve()
        if not path.is_relative_to(base):
            raise ValueError("path escapes the files directory")
        return path

    def _sig(self, relative: str, expires: int) -> str:
        return hmac.new(self._secret, f"{relative}\n{expires}".encode(), hashlib.sha256).hexdigest()

    def signed_url(self, relative: str | None, ttl: int | None = None) -> str | None:
        if not relative:
            return None
        expires = int(time.time()) + (ttl or self.default_ttl)
        return f"{self._base}/files/{quote(relative)}?expires={expires}&sig={self._sig(relative, expires)}"

    def verify(self, relative: str, expires: int, sig: str) -> bool:
        return expires >= time.time() and hmac.compare_digest(self._sig(relative, expires), sig)

    def publish(self, path: Path) -> None:
        """Keep a finished file, or every file under a folder (but its scratch folders), in the store. Here: already kept."""

    def materialise(self, path: Path) -> Path:
        """`path` (a file or a folder) present in the working copy, fetched from the store if need be. Here: always present."""
        return path

    def stored_bytes(self, paths: list[Path]) -> int:
        """What the store holds under these folders, for quotas; each local inode once (brand-kit copies are hard links)."""
        from onetake.service.quotas import tree_bytes

        seen: set = set()
        return sum(tree_bytes(path, seen) for path in paths)

    def remove_tree(self, path: Path) -> None:
        if path.resolve().is_relative_to(self.root) or path.resolve().is_relative_to(self.kits_root):
            shutil.rmtree(path, ignore_errors=True)

    def close(self) -> None:
        pass


def open_storage(config: ServiceConfig) -> Storage:
    """The configured implementation; boto3 is imported only when S3 storage is asked for."""
    if config.storage is None or config.storage == "local":
        return Storage(config)
    from onetake.service.s3_storage import S3Storage

    return S3Storage(config)
