"""Queries, always scoped to the calling key: another key's rows are simply not found (404)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from onetake.service.errors import ApiError, not_found
from onetake.service.models import Asset, BrandKitOwner, Message, Resource, Session, Video, WebhookEndpoint

ACTIVE = ("pending", "processing")


def get_session(s: DbSession, key_id: str, session_id: str) -> Session:
    row = s.get(Session, session_id)
    if row is None or row.key_id != key_id:
        raise not_found("session", session_id)
    return row


def get_video(s: DbSession, key_id: str, video_id: str) -> Video:
    row = s.get(Video, video_id)
    if row is None or row.key_id != key_id:
        raise not_found("video", video_id)
    return row


def get_asset(s: DbSession, key_id: str, asset_id: str) -> Asset | None:
    row = s.get(Asset, asset_id)
    return row if row is not None and row.key_id == key_id else None


def get_brand_kit_owner(s: DbSession, key_id: str, kit_id: str) -> BrandKitOwner:
    row = s.get(BrandKitOwner, kit_id)
    if row is None or row.key_id != key_id:
        raise not_found("brand kit", kit_id)
    return row


def get_endpoint(s: DbSession, key_id: str, endpoint_id: str) -> WebhookEndpoint:
    row = s.get(WebhookEndpoint, endpoint_id)
    if row is None or row.key_id != key_id:
        raise not_found("webhook endpoint", endpoint_id)
    return row


def session_by_external(s: DbSession, key_id: str, shape: str, external_id: str) -> Session | None:
    return s.scalar(select(Session).where(Session.key_id == key_id, Session.shape == shape, Session.external_id == external_id))


def session_videos(s: DbSession, session_id: str) -> list[Video]:
    return list(s.scalars(select(Video).where(Video.session_id == session_id).order_by(Video.created_at, Video.seed)))


def session_messages(s: DbSession, session_id: str) -> list[Message]:
    return list(s.scalars(select(Message).where(Message.session_id == session_id).order_by(Message.id.desc())))


def session_resource(s: DbSession, key_id: str, session_id: str, resource_id: str) -> Resource:
    get_session(s, key_id, session_id)
    row = s.get(Resource, resource_id)
    if row is None or row.session_id != session_id:
        raise not_found("resource", resource_id)
    return row


def active_videos(s: DbSession, key_id: str) -> int:
    return s.scalar(select(func.count()).select_from(Video).where(Video.key_id == key_id, Video.status.in_(ACTIVE))) or 0


def page(s: DbSession, query, limit: int, token: str | None, order_col, id_col):
    """Keyset pagination: the token is the last row's (created_at, id); stable while rows are added."""
    if token:
        try:
            created, ident = token.split(":", 1)
            created_i = int(created)
        except ValueError:
            raise ApiError(400, "invalid_parameter", "token: not a pagination token from this server", "token") from None
        query = query.where((order_col < created_i) | ((order_col == created_i) & (id_col < ident)))
    rows = list(s.scalars(query.order_by(order_col.desc(), id_col.desc()).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_token = f"{getattr(rows[-1], order_col.key)}:{getattr(rows[-1], id_col.key)}" if has_more and rows else None
    return rows, has_more, next_token
