"""Per-key quotas: what one API key may keep on this machine (bytes, assets, kits, endpoints, open chats).

Checked where something new would be stored, before it is; past a limit the answer is a 403
`quota_exceeded` naming the limit and the setting that raises it, and nothing is written.
Checks are count-then-insert without a lock: concurrent requests can pass one limit by at most
the request threads' worth (a few uploads), which bounds the harm; a rate limit is not the aim.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select

from onetake.service.errors import ApiError
from onetake.service.models import Asset, BrandKitOwner, Session, WebhookEndpoint

OPEN_CHAT = ("thinking", "reviewing", "waiting_for_input")


def exceeded(what: str, have: str, limit: str, setting: str, param: str | None = None) -> ApiError:
    return ApiError(403, "quota_exceeded", f"{what}: this API key {have}; the limit is {limit} per key (ONETAKE_{setting.upper()}); delete some first",
                    param)


def tree_bytes(path: Path, seen: set | None = None) -> int:
    """Bytes under `path`, each inode once (brand-kit copies are hard links of the kit's files)."""
    seen = set() if seen is None else seen
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def stored_bytes(s, storage, key_id: str) -> int:
    """Assets (from their rows), brand kits and every session's inputs (from the disk) of one key; a session's copy of
    a brand kit is hard links of the kit's files, counted once."""
    total = s.scalar(select(func.coalesce(func.sum(Asset.size_bytes), 0)).where(Asset.key_id == key_id)) or 0
    folders = [storage.kits_root / kit_id for kit_id in s.scalars(select(BrandKitOwner.id).where(BrandKitOwner.key_id == key_id))]
    folders += [storage.session_inputs(session_id) for session_id in s.scalars(select(Session.id).where(Session.key_id == key_id))]
    return total + storage.stored_bytes(folders)


def check_bytes(svc, s, key_id: str, adding: int, param: str | None = None) -> None:
    limit = svc.config.max_stored_bytes_per_key
    have = stored_bytes(s, svc.storage, key_id)
    if have + adding > limit:
        raise exceeded("stored bytes", f"stores {have:,} bytes and this adds {adding:,}", f"{limit:,} bytes", "max_stored_bytes_per_key", param)


class Room:
    """What one request may still write for its key, under `storage.max_bytes_per_key`: asked before each file is
    written (a create's or a follow-up's), so a refused request leaves nothing over the quota."""

    def __init__(self, s, storage, key_id: str):
        self.s, self.storage, self.key_id, self.have = s, storage, key_id, None

    def take(self, size: int, param: str) -> None:
        limit = self.storage.max_bytes_per_key
        if limit is None:
            return
        if self.have is None:  # once per request: a walk of the key's folders
            self.have = stored_bytes(self.s, self.storage, self.key_id)
        if self.have + size > limit:
            raise exceeded("stored bytes", f"stores {self.have:,} bytes and this adds {size:,}", f"{limit:,} bytes", "max_stored_bytes_per_key", param)
        self.have += size


def _count(s, model, key_id: str, *where) -> int:
    return s.scalar(select(func.count()).select_from(model).where(model.key_id == key_id, *where)) or 0


def check_assets(svc, s, key_id: str, adding_bytes: int) -> None:
    limit = svc.config.max_assets_per_key
    if (have := _count(s, Asset, key_id)) + 1 > limit:
        raise exceeded("assets", f"has {have} assets", str(limit), "max_assets_per_key", "file")
    check_bytes(svc, s, key_id, adding_bytes, "file")


def check_brand_kits(svc, s, key_id: str, adding_bytes: int) -> None:
    limit = svc.config.max_brand_kits_per_key
    if (have := _count(s, BrandKitOwner, key_id)) + 1 > limit:
        raise exceeded("brand kits", f"has {have} brand kits", str(limit), "max_brand_kits_per_key")
    check_bytes(svc, s, key_id, adding_bytes)


def check_endpoints(svc, s, key_id: str) -> None:
    limit = svc.config.max_webhook_endpoints_per_key
    if (have := _count(s, WebhookEndpoint, key_id)) + 1 > limit:
        raise exceeded("webhook endpoints", f"has {have} webhook endpoints", str(limit), "max_webhook_endpoints_per_key", "url")


def check_chat(svc, s, key_id: str) -> None:
    """Chat sessions that are still open hold a plan (and a job process while thinking): they count until finished."""
    limit = svc.config.max_chat_sessions_per_key
    if (have := _count(s, Session, key_id, Session.mode == "chat", Session.status.in_(OPEN_CHAT))) + 1 > limit:
        raise exceeded("chat sessions", f"has {have} chat sessions open", str(limit), "max_chat_sessions_per_key", "mode")
