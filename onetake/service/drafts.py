"""Chat mode's draft: the storyboard planned in a job process (never in the API process) and shown for review.

Planning reads the user's files (PDF pages, images) and runs the planner: a large or hostile file
costs the job process memory and time, not the server's, and a crash there fails only that
session, with `failure_code` plan_crashed (plan_timeout, plan_failed, invalid_input).
"""

from __future__ import annotations

import json

from onetake.brief.intake import make_brief
from onetake.service.brand_kits import brief_kit
from onetake.service.db import Database, now
from onetake.service.ids import new_id
from onetake.service.models import Message, Resource, Session
from onetake.service.repo import session_videos
from onetake.service.storage import Storage


def claim(db: Database, session_id: str):
    """The brief of a chat session still waiting for its draft, or None (done, stopped or gone)."""
    with db.session() as s:
        session = s.get(Session, session_id)
        if session is None or session.mode != "chat" or session.status != "thinking" or session_videos(s, session_id):
            return None  # auto_proceed chat sessions render at once: no draft
        return dict(session.request)


def draft_brief(request: dict, storage: Storage):
    local = [storage.absolute(f["path"]) for f in request.get("files") or [] if f.get("path")]
    brief = make_brief(request["prompt"], orientation=request.get("orientation"), width=request.get("width"), height=request.get("height"),
                       duration=request.get("duration"), avatar_id=request.get("avatar_id"), voice_id=request.get("voice_id"),
                       style_id=request.get("style_id"), files=local)
    return brief.model_copy(update=brief_kit(request, storage))  # the draft's palette is the kit's


def plan_in_job_process(brief) -> tuple[str, tuple]:
    """Runs in the job process: ("ok", (storyboard, cast) as JSON-ready dicts) or ("error", (code, message))."""
    from onetake.errors import InvalidInput, OnetakeError
    from onetake.pipeline import plan_and_cast

    try:
        storyboard, chosen = plan_and_cast(brief)
    except InvalidInput as exc:
        return "error", ("invalid_input", f"{exc.field}: {exc.message}")
    except OnetakeError as exc:
        return "error", ("plan_failed", str(exc))
    except Exception as exc:
        return "error", ("plan_failed", f"{type(exc).__name__}: {exc}")
    return "ok", (storyboard.model_dump(mode="json"), chosen.model_dump(mode="json"))


def record_draft(db: Database, storage: Storage, session_id: str, storyboard: dict, cast: dict) -> None:
    inputs = storage.session_inputs(session_id)
    inputs.mkdir(parents=True, exist_ok=True)
    path = inputs / f"draft-{now()}-{new_id('d')}.json"
    path.write_text(json.dumps({"storyboard": storyboard, "cast": cast}, indent=2), encoding="utf-8")
    title, scenes = storyboard.get("title"), storyboard.get("scenes") or []
    summary = "; ".join(f"{i + 1}. {(scene.get('narration') or '')[:80]}" for i, scene in enumerate(scenes))
    with db.session() as s:
        session = s.get(Session, session_id)
        if session is None or session.status != "thinking":  # stopped or deleted while planning
            return
        res = Resource(id=new_id("res"), session_id=session_id, resource_type="draft", path=storage.relative(path),
                       meta={"title": title, "scenes": len(scenes), "avatar_id": cast.get("presenter_id"), "voice_id": cast.get("voice_id")}, created_at=now())
        s.add(res)
        session.title, session.status = title, "reviewing"
        s.add(Message(session_id=session_id, role="model", type="resource", resource_ids=[res.id], created_at=now(),
                      content=f"Here is the storyboard for '{title}' ({len(scenes)} scenes): {summary}. Reply to approve it, or say what to change."))


def fail_draft(db: Database, session_id: str, code: str, message: str) -> None:
    with db.session() as s:
        session = s.get(Session, session_id)
        if session is None:
            return
        session.status, session.completed_at = "failed", now()
        session.meta = dict(session.meta or {}, failure_code=code, failure_message=message[:2000])
        s.add(Message(session_id=session_id, role="model", type="error", content=f"Could not plan the video: {message}", created_at=now()))
