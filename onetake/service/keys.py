"""API keys: only a SHA-256 of each key is stored; the key itself is printed once by `onetake keys create`."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update

from onetake.service.db import Database, now
from onetake.service.ids import new_id
from onetake.service.models import ApiKey

LOCAL_KEY_ID = "key_local"  # the single user of --no-auth mode


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(db: Database, name: str = "") -> tuple[ApiKey, str]:
    plaintext = "ot_" + secrets.token_urlsafe(32)
    row = ApiKey(id=new_id("key"), name=name, key_hash=hash_key(plaintext), prefix=plaintext[:10], webhook_secret="whsec_" + secrets.token_hex(24), created_at=now())
    with db.session() as s:
        s.add(row)
    return row, plaintext


def list_keys(db: Database) -> list[ApiKey]:
    with db.session() as s:
        return list(s.scalars(select(ApiKey).where(ApiKey.id != LOCAL_KEY_ID).order_by(ApiKey.created_at)))


def revoke_key(db: Database, key_id: str) -> bool:
    """Revoked at once: its requests are 401, its open WebSockets close (they re-check), and its queued or rendering
    videos stop at their next checkpoint, as a stop request would (the CLI may revoke while a server runs)."""
    from onetake.service.models import Session, Video
    from onetake.service.repo import ACTIVE

    with db.session() as s:
        row = s.get(ApiKey, key_id)
        if row is None or row.revoked_at is not None:
            return False
        row.revoked_at = now()
        active = select(Video.session_id).where(Video.key_id == key_id, Video.status.in_(ACTIVE))
        s.execute(update(Session).where(Session.key_id == key_id, Session.id.in_(active)).values(stop_requested=True))
        return True


def key_revoked(db: Database, key_id: str) -> bool:
    with db.session() as s:
        row = s.get(ApiKey, key_id)
        return row is None or row.revoked_at is not None


def lookup_key(db: Database, plaintext: str) -> ApiKey | None:
    with db.session() as s:
        row = s.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(plaintext)))
        return row if row is not None and row.revoked_at is None else None


def local_key(db: Database) -> ApiKey:
    """The owner of everything in no-auth mode: a key row nobody can present."""
    with db.session() as s:
        row = s.get(ApiKey, LOCAL_KEY_ID)
        if row is None:
            row = ApiKey(id=LOCAL_KEY_ID, name="local", key_hash="-" * 64, prefix="local", webhook_secret="whsec_" + secrets.token_hex(24), created_at=now())
            s.add(row)
        return row
