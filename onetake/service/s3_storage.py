"""S3-compatible storage (`--storage s3://bucket/prefix`): the bucket keeps inputs, outputs and brand kits.

The renderer and the readers of a brief need local files, so this keeps the local layout as a working
copy (the data directory, exactly as `Storage` lays it out) and the bucket as the store:
- writers `publish` what they finished (upload, key = prefix + the file's relative name);
- readers `materialise` before opening (download what is not in the working copy, e.g. on another worker);
- clients get presigned GET URLs on the bucket, so file traffic never passes through this server;
- deleting removes the objects under the folder's prefix as well as the working copy;
- quotas count the objects' sizes, i.e. what the bucket really holds.
The built-in catalogue previews are product media rendered on demand, not anybody's data: they stay
local and keep their HMAC-signed /files URLs.
Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE,
instance roles), never from a flag: a secret on the command line shows in `ps`.
"""

from __future__ import annotations

import logging
import mimetypes
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from onetake.service.config import ServiceConfig
from onetake.service.s3_url import parse_s3_url
from onetake.service.storage import CATALOGUE_PREFIX, SCRATCH_DIRS, Storage, StorageUnavailable

log = logging.getLogger(__name__)

LIST_THREADS = 8  # botocore's default connection pool holds 10
MAX_PRESIGN_S = 7 * 24 * 3600  # SigV4's own limit on a presigned URL's lifetime
CONTENT_TYPES = {".srt": "application/x-subrip", ".vtt": "text/vtt", ".otio": "application/json", ".json": "application/json"}


class S3Storage(Storage):
    def __init__(self, config: ServiceConfig, check: bool = True):
        super().__init__(config)  # the working copy
        self.bucket, self.prefix = parse_s3_url(config.storage)
        region = config.s3_region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        # SigV4 everywhere: SigV2 presigned URLs are refused by newer regions and most S3-compatible servers.
        self.client = boto3.client("s3", endpoint_url=config.s3_endpoint_url or None, region_name=region,
                                   config=Config(signature_version="s3v4", retries={"max_attempts": 5, "mode": "standard"}))
        if check:  # said at start-up, not at the first upload
            try:
                self.client.head_bucket(Bucket=self.bucket)
            except (ClientError, BotoCoreError) as exc:
                raise StorageUnavailable(f"--storage {config.storage}: bucket '{self.bucket}' cannot be used: {exc}") from None

    @contextmanager
    def _unavailable(self, doing: str):
        try:
            yield
        except (ClientError, BotoCoreError) as exc:
            raise StorageUnavailable(f"the file store (bucket '{self.bucket}') failed while {doing}: {exc}") from None

    # --- names ---------------------------------------------------------------------------
    def key(self, relative: str) -> str:
        return self.prefix + relative

    def _relative_of_key(self, key: str) -> str:
        return key.removeprefix(self.prefix)

    def _inside(self, path: Path) -> bool:
        path = path.resolve()
        return path.is_relative_to(self.root) or path.is_relative_to(self.kits_root)

    @staticmethod
    def _scratch(relative: str) -> bool:
        parts = relative.split("/")
        return len(parts) > 3 and parts[0] == "inputs" and parts[2] in SCRATCH_DIRS

    def _objects(self, relative: str):
        """Every object at `relative` itself or under `relative/`."""
        key = self.key(relative)
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=key):
            for obj in page.get("Contents", []):
                if obj["Key"] == key or obj["Key"].startswith(key.rstrip("/") + "/"):
                    yield obj

    # --- the seam ------------------------------------------------------------------------
    def publish(self, path: Path) -> None:
        path = Path(path)
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            relative = self.relative(file)
            if self._scratch(relative) or any(part.endswith(".tmp") for part in relative.split("/")):
                continue
            content_type = CONTENT_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            with self._unavailable(f"storing {relative}"):
                self.client.upload_file(str(file), self.bucket, self.key(relative), ExtraArgs={"ContentType": content_type})

    def materialise(self, path: Path) -> Path:
        path = Path(path)
        if path.is_file() or not self._inside(path) or self.relative(path).startswith(CATALOGUE_PREFIX):
            return path  # a folder is topped up: part of it may be here already (a file fetched alone)
        with self._unavailable(f"fetching {self.relative(path)}"):
            for obj in self._objects(self.relative(path)):
                target = self.absolute(self._relative_of_key(obj["Key"]))
                if target.exists():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(f".{target.name}.{os.getpid()}.part")  # readers never see half a file
                self.client.download_file(self.bucket, obj["Key"], str(partial))
                partial.replace(target)
        return path

    def signed_url(self, relative: str | None, ttl: int | None = None) -> str | None:
        if not relative:
            return None
        if relative.startswith(CATALOGUE_PREFIX):
            return super().signed_url(relative, ttl)
        expires_in = min(ttl or self.default_ttl, MAX_PRESIGN_S)
        return self.client.generate_presigned_url("get_object", Params={"Bucket": self.bucket, "Key": self.key(relative)}, ExpiresIn=expires_in)

    def stored_bytes(self, paths: list[Path]) -> int:
        """One LIST per folder (a key's sessions each have one), a few at a time: a round trip each would add up."""
        relatives = [self.relative(path) for path in paths if self._inside(path)]
        with self._unavailable("counting the key's stored bytes"):
            if len(relatives) <= 1:
                return sum(self._bytes_under(relative) for relative in relatives)
            with ThreadPoolExecutor(min(LIST_THREADS, len(relatives))) as pool:
                return sum(pool.map(self._bytes_under, relatives))

    def _bytes_under(self, relative: str) -> int:
        return sum(obj["Size"] for obj in self._objects(relative.rstrip("/") + "/"))

    def remove_tree(self, path: Path) -> None:
        if not self._inside(path):
            return
        relative = self.relative(path)
        super().remove_tree(path)
        try:
            self.delete_prefix(relative)
        except (ClientError, BotoCoreError) as exc:
            # The rows are gone already (deletion commits them first), so a retry could not find these objects:
            # say so loudly rather than fail a DELETE the client cannot repeat.
            log.error("s3: objects under %s%s were not deleted and are orphaned: %s", self.prefix, relative, exc)

    def delete_prefix(self, relative: str) -> int:
        """Delete every object under `relative/` (a folder: never a sibling that merely starts alike); how many."""
        keys = [{"Key": obj["Key"]} for obj in self._objects(relative.rstrip("/") + "/")]
        for start in range(0, len(keys), 1000):  # DeleteObjects takes at most 1000 keys
            answer = self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys[start:start + 1000], "Quiet": True})
            for error in answer.get("Errors", []):
                log.error("s3 delete %s failed: %s %s", error.get("Key"), error.get("Code"), error.get("Message"))
        return len(keys)

    def close(self) -> None:
        self.client.close()
