"""Avatars, looks, voices and styles: the offline catalogues in the v3 shapes."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from onetake.service.context import current_key, services
from onetake.service.errors import invalid, not_found
from onetake.service.models import ApiKey
from onetake.service.routes.common import MAX_LIMIT

router = APIRouter(tags=["Catalogue"])


def _page(items: list[dict], limit: int, token: str | None) -> dict:
    try:
        start = int(token or 0)
    except ValueError:
        raise invalid("token", "not a pagination token from this server") from None
    chunk = items[start:start + limit]
    more = start + limit < len(items)
    return {"data": chunk, "has_more": more, "next_token": str(start + limit) if more else None}


# Signed names of previews that the files route renders on their first GET (service/catalogue_media.py).
def _preview(svc, presenter_id: str) -> str:
    return svc.storage.signed_url(f"catalogue/avatars/{presenter_id}.png")


def _preview_video(svc, presenter_id: str) -> str:
    return svc.storage.signed_url(f"catalogue/avatars/{presenter_id}.mp4")


def _group(svc, p) -> dict:
    return {"id": p.id, "name": p.name, "created_at": 0, "default_voice_id": p.default_voice_id, "gender": p.gender, "looks_count": 1,
            "preview_image_url": _preview(svc, p.id), "preview_video_url": _preview_video(svc, p.id), "status": "completed", "consent_status": None, "error": None}


def _look(svc, p) -> dict:
    # The sizes are the preview image's (avatar/preview.py draws it square, 512 px): HeyGen's own scripts compare
    # them with the video's frame, and a look claimed landscape but shown square earned framing notes in prompts.
    return {"id": p.id, "name": p.name, "avatar_type": "studio_avatar", "default_voice_id": p.default_voice_id, "gender": p.gender, "group_id": p.id,
            "image_width": 512, "image_height": 512, "preferred_orientation": "square", "preview_image_url": _preview(svc, p.id), "preview_video_url": _preview_video(svc, p.id),
            "status": "completed", "supported_api_engines": [], "tags": list(p.style), "error": None}


@router.get("/v3/video-agents/styles", summary="Visual styles")
def styles(request: Request, tag: str | None = None, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, key: ApiKey = Depends(current_key)):
    from onetake.visuals.styles import list_styles

    sign = services(request).storage.signed_url
    items = [{"style_id": st.id, "name": st.name, "thumbnail_url": sign(f"catalogue/styles/{st.id}.jpg"), "preview_video_url": sign(f"catalogue/styles/{st.id}.mp4"),
              "tags": list(st.tags), "aspect_ratio": "16:9"}  # previews are rendered 640x360 (render/style_previews.py)
             for st in list_styles() if tag is None or tag in st.tags]
    return _page(items, limit, token)


@router.get("/v3/avatars", summary="Avatar groups")
def avatars(request: Request, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, key: ApiKey = Depends(current_key)):
    from onetake.avatar.catalogue import list_presenters

    svc = services(request)
    return _page([_group(svc, p) for p in list_presenters()], limit, token)


@router.get("/v3/avatars/looks", summary="Avatar looks")
def looks(request: Request, group_id: str | None = Query(None, alias="group-id"), avatar_type: str | None = Query(None, alias="avatar-type"),
          limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None, key: ApiKey = Depends(current_key)):
    from onetake.avatar.catalogue import list_presenters

    svc = services(request)
    items = [_look(svc, p) for p in list_presenters() if (group_id is None or p.id == group_id)]
    if avatar_type:
        items = [i for i in items if i["avatar_type"] == avatar_type]
    return _page(items, limit, token)


@router.get("/v3/avatars/looks/{look_id}", summary="One look")
def look(look_id: str, request: Request, key: ApiKey = Depends(current_key)):
    from onetake.avatar.catalogue import get_presenter

    try:
        return {"data": _look(services(request), get_presenter(look_id))}
    except KeyError:
        raise not_found("look", look_id) from None


@router.get("/v3/avatars/{group_id}", summary="One avatar group")
def avatar(group_id: str, request: Request, key: ApiKey = Depends(current_key)):
    from onetake.avatar.catalogue import get_presenter

    try:
        return {"data": _group(services(request), get_presenter(group_id))}
    except KeyError:
        raise not_found("avatar", group_id) from None


def _voice(svc, v) -> dict:
    return {"voice_id": v.id, "name": v.name, "language": v.language, "gender": v.gender, "type": "public",
            "preview_audio_url": svc.storage.signed_url(f"catalogue/voices/{v.id}.wav"),
            "support_pause": True, "support_locale": False}


@router.get("/v3/voices", summary="Voices")
def voices(request: Request, language: str | None = None, gender: str | None = None, limit: int = Query(20, ge=1, le=MAX_LIMIT), token: str | None = None,
           key: ApiKey = Depends(current_key)):
    from onetake.voice.catalogue import list_voices

    svc = services(request)
    items = [_voice(svc, v) for v in list_voices() if (language is None or v.language.lower().startswith(language.lower())) and (gender is None or v.gender == gender)]
    return _page(items, limit, token)
