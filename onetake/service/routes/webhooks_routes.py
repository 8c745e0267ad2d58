"""Registered webhook endpoints: create (secret shown once), list, update, rotate, delete; event types."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from onetake.service.context import current_key, services
from onetake.service.db import now
from onetake.service.errors import invalid
from onetake.service.ids import new_id
from onetake.service.models import ApiKey, WebhookEndpoint
from onetake.service.quotas import check_endpoints
from onetake.service.repo import get_endpoint, page
from onetake.service.routes.common import MAX_LIMIT
from onetake.service.sessions import check_callback
from onetake.service.views import endpoint_view

router = APIRouter(tags=["Webhooks"])

EVENT_TYPES = {
    "video_agent.success": "A video agent session's video finished.",
    "video_agent.fail": "A video agent session's video failed.",
    "avatar_video.success": "A video finished (accepted for compatibility; onetake sends video_agent events).",
    "avatar_video.fail": "A video failed (accepted for compatibility).",
}
KNOWN_EVENTS = set(EVENT_TYPES) | {
    "avatar_video_gif.success", "avatar_video_gif.fail", "video_translate.success", "video_translate.fail", "video_translate.preflight.validation_failed",
    "video_translate.preflight.download_failed", "personalized_video", "instant_avatar.success", "instant_avatar.fail", "photo_avatar_generation.success",
    "photo_avatar_generation.fail", "photo_avatar_train.success", "photo_avatar_train.fail", "photo_avatar_add_motion.success", "photo_avatar_add_motion.fail",
    "proofread_creation.success", "proofread_creation.fail", "live_avatar.success", "live_avatar.fail", "avatar_video_caption.success",
    "avatar_video_caption.fail", "hyperframes_video.success", "hyperframes_video.fail", "ai_clipping.success", "ai_clipping.fail", "batch.finished",
}


class EndpointIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    url: str
    events: list[str] | None = None
    entity_id: str | None = None


class EndpointPatch(BaseModel):
    model_config = ConfigDict(extra="ignore")
    url: str | None = None
    events: list[str] | None = None


def _check_events(events: list[str] | None) -> None:
    for index, event in enumerate(events or []):
        if event not in KNOWN_EVENTS:
            raise invalid(f"events[{index}]", f"unknown event type '{event}'")


@router.post("/v3/webhooks/endpoints", summary="Register a webhook endpoint; the signing secret is returned only here")
def create_endpoint(body: EndpointIn, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    check_callback(svc, body.url, "url")
    _check_events(body.events)
    with svc.db.session() as s:
        check_endpoints(svc, s, key.id)
    row = WebhookEndpoint(id=new_id("wh"), key_id=key.id, url=body.url, events=body.events, secret="whsec_" + secrets.token_hex(24), status="enabled", created_at=now())
    with svc.db.session() as s:
        s.add(row)
    return {"data": endpoint_view(row, show_secret=True)}


@router.get("/v3/webhooks/endpoints", summary="List webhook endpoints")
def list_endpoints(request: Request, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        rows, more, nxt = page(s, select(WebhookEndpoint).where(WebhookEndpoint.key_id == key.id), limit, token, WebhookEndpoint.created_at, WebhookEndpoint.id)
        return {"data": [endpoint_view(r) for r in rows], "has_more": more, "next_token": nxt}


@router.patch("/v3/webhooks/endpoints/{endpoint_id}", summary="Update a webhook endpoint")
def update_endpoint(endpoint_id: str, body: EndpointPatch, request: Request, key: ApiKey = Depends(current_key)):
    svc = services(request)
    if body.url:
        check_callback(svc, body.url, "url")
    _check_events(body.events)
    with svc.db.session() as s:
        row = get_endpoint(s, key.id, endpoint_id)
        if body.url:
            row.url = body.url
        if body.events is not None:
            row.events = body.events
        return {"data": endpoint_view(row)}


@router.post("/v3/webhooks/endpoints/{endpoint_id}/rotate-secret", summary="Replace the signing secret")
def rotate_secret(endpoint_id: str, request: Request, key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        row = get_endpoint(s, key.id, endpoint_id)
        row.secret = "whsec_" + secrets.token_hex(24)
        return {"data": {"endpoint_id": row.id, "secret": row.secret}}


@router.delete("/v3/webhooks/endpoints/{endpoint_id}", summary="Delete a webhook endpoint")
def delete_endpoint(endpoint_id: str, request: Request, key: ApiKey = Depends(current_key)):
    with services(request).db.session() as s:
        s.delete(get_endpoint(s, key.id, endpoint_id))
    return {"data": {}, "error": None}


@router.get("/v3/webhooks/event-types", summary="Event types this server sends")
def event_types(key: ApiKey = Depends(current_key)):
    return {"data": [{"event_type": k, "description": v} for k, v in EVENT_TYPES.items()], "has_more": False, "next_token": None}
