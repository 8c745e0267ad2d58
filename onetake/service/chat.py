"""Chat mode's turns: the first draft, and each follow-up read into edits of the session's plan.

A turn is thought in a job process (reading, writing and parsing load spaCy and read the user's
files: a large or hostile file costs that process, never the server) and recorded here. Its
outcome is one of: a draft to review, a question (waiting_for_input), a render of the plan, or an
answer. The session's plan (agent/chat/plan.py) is the only source of what renders.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from onetake.service.db import Database, now
from onetake.service.errors import ApiError
from onetake.service.ids import new_id
from onetake.service.models import Message, Resource, Session, Video
from onetake.service.repo import session_videos
from onetake.service.request import StoredRequest
from onetake.service.storage import Storage

THINKING_STATES = ("thinking",)


@dataclass
class Turn:
    session_id: str
    request: dict
    plan_path: str | None  # absolute
    message: str | None  # the follow-up being answered; None for the first draft
    prior: str  # the status the session had before this message
    run_id: str | None
    question: dict | None  # the question this message answers, if any
    edits: list[dict]  # edits given as request fields (avatar_id, voice_id, brand_kit_id, files)
    seed: int


def plan_path(storage: Storage, session_id: str):
    return storage.session_inputs(session_id) / "plan.json"


def claim(db: Database, storage: Storage, session_id: str) -> Turn | None:
    """The turn a chat session is waiting for, or None (done, stopped, rendering without a draft, or gone)."""
    with db.session() as s:
        session = s.get(Session, session_id)
        if session is None or session.mode != "chat" or session.status != "thinking" or session.stop_requested:
            return None
        meta = dict(session.meta or {})
        pending = meta.get("pending")
        if pending is None and session_videos(s, session_id):
            return None  # auto_proceed chat sessions render at once: no draft
        path = storage.materialise(plan_path(storage, session_id))
        return Turn(session_id, dict(session.request), str(path) if path.exists() else None, (pending or {}).get("message"),
                    (pending or {}).get("prior", "thinking"), (pending or {}).get("run_id"), meta.get("question"), (pending or {}).get("edits", []),
                    int(meta.get("seed") or 0))


# --- in the job process --------------------------------------------------------------------------

def think(turn: Turn, brief) -> dict:
    """Runs in the job process: the outcome as plain JSON-ready data."""
    return _first_turn(turn, brief) if turn.plan_path is None else _follow_up(turn, brief)


def _first_turn(turn: Turn, brief) -> dict:
    """The first draft; or a question when the brief asks for one, or gives nothing to say; an answer to a
    voice or presenter question picks from its choices."""
    from onetake.agent.chat.questions import opening_question
    from onetake.agent.chat.revise import first_plan
    from onetake.agent.reading import read
    from onetake.agent.remembered import apply_memory, memory_note

    updates: dict = {}
    if turn.question and turn.question.get("about") in ("voice", "presenter") and turn.message:
        picked = _pick(turn.message, turn.question)
        if picked is None:
            return {"outcome": "question", "question": turn.question | {"text": "I did not catch which one. " + turn.question["text"].split("? ")[0] + "?"}}
        updates = {"voice_id" if turn.question["about"] == "voice" else "avatar_id": picked}
        brief = brief.model_copy(update=updates)
    before = brief
    brief, reading = apply_memory(brief, read(brief))
    updates |= {k: getattr(brief, k) for k in ("avatar_id", "voice_id", "brand_kit_id") if getattr(brief, k) != getattr(before, k)}
    if turn.question is None:
        question = opening_question(reading, brief.prompt, *_choices(reading.language))
        if question is not None:
            return {"outcome": "question", "question": question.model_dump() | {"prior": "thinking"}}
    plan = first_plan(brief, reading)
    return {"outcome": "draft", "plan": plan.model_dump(mode="json"), "updates": updates, "said": [], "memory": memory_note(brief, reading)}


def _follow_up(turn: Turn, brief) -> dict:
    """A message on an existing plan: edits make a new draft (or, after a video, a follow-up render); approval
    renders the draft as reviewed; thanks, questions and the unreadable get an answer."""
    from onetake.agent.chat.edits import SetBrandKit, SetPresenter, SetVoice, Understanding
    from onetake.agent.chat.plan import ChatPlan
    from onetake.agent.chat.revise import revise
    from onetake.agent.chat.understand import understand
    from onetake.agent.chat.vocabulary import WHAT_I_CAN_CHANGE

    plan = ChatPlan.load(Path(turn.plan_path))
    given = [SetPresenter(presenter_id=e["avatar_id"]) if "avatar_id" in e else SetVoice(voice_id=e["voice_id"]) if "voice_id" in e
             else SetBrandKit(brand_kit_id=e["brand_kit_id"]) for e in turn.edits if "files" not in e]
    understood = understand(turn.message or "", plan.storyboard) if turn.message else Understanding(intent="approve")
    edits = given + list(understood.edits)
    files_added = any("files" in e for e in turn.edits)
    if not edits and not files_added:
        if understood.intent == "approve" and turn.prior == "reviewing":
            return {"outcome": "render", "plan": None, "updates": {}, "said": []}
        if understood.intent in ("approve", "thanks") and turn.prior != "reviewing":
            return {"outcome": "answer", "text": "Glad it works for you. Send another message any time to change it or to make a follow-up version."}
        if understood.intent == "thanks":
            return {"outcome": "answer", "text": "Shall I render this draft? Reply \"go ahead\", or say what to change."}
        if understood.question:
            return {"outcome": "question", "question": {"about": "edit", "text": understood.question, "choices": [], "prior": turn.prior}}
        return {"outcome": "answer", "text": WHAT_I_CAN_CHANGE}
    result = revise(plan, edits, brief, files_added=files_added)
    # "Looks good" sent with request fields (a brand kit, a voice id): those apply, and the approval stands.
    approved = understood.intent == "approve" and not understood.edits and turn.prior == "reviewing"
    if not result.said:
        if approved:
            return {"outcome": "render", "plan": None, "updates": {}, "said": []}
        return {"outcome": "answer", "text": "Nothing changed: " + "; ".join(result.skipped or ["that is how it is already"]) + "."}
    return {"outcome": "render" if turn.prior == "completed" or approved else "draft", "plan": result.plan.model_dump(mode="json"),
            "updates": result.brief_updates, "said": result.said, "skipped": result.skipped}


def _pick(answer: str, question: dict) -> str | None:
    """The choice an answer names: by number ("2", "the second one"), id or name; else by what it describes."""
    import re

    from onetake.agent.chat.vocabulary import CARDINALS, ORDINALS
    from onetake.agent.reading.directions import presenter_traits

    choices = question.get("choices") or []
    lowered = answer.lower()
    for c in choices:
        if re.search(rf"\b{re.escape(c['id'].lower())}\b", lowered) or re.search(rf"\b{re.escape(c['label'].split(' (')[0].split(',')[0].lower())}\b", lowered):
            return c["id"]
    # The first number said, by position: "the second one" is 2, not 1.
    said = [(m.start(), int(m.group(1))) for m in re.finditer(r"\b(\d)\b", lowered)]
    said += [(m.start(), v) for w, v in {**CARDINALS, **ORDINALS}.items() if v for m in re.finditer(rf"\b{w}\b", lowered)]
    numbers = [v for _, v in sorted(said)]
    if numbers and 1 <= numbers[0] <= len(choices):
        return choices[numbers[0] - 1]["id"]
    if re.search(r"\b(?:last|final)\b", lowered) and choices:
        return choices[-1]["id"]
    gender, _ = presenter_traits(answer)
    match = next((c for c in choices if gender and re.search(rf"\b{gender}\b", c["label"].lower())), None)
    return match["id"] if match else None


def _choices(language: str):
    """Two or three voices that speak the brief's language, and presenters of different kinds."""
    from onetake.agent.chat.questions import Choice
    from onetake.avatar.catalogue import list_presenters
    from onetake.voice.catalogue import list_voices

    primary = language.split("-")[0].lower()
    voices = [v for v in list_voices() if v.language.lower().split("-")[0] == primary][:3]
    seen, presenters = set(), []
    for p in list_presenters():
        if (p.gender, p.age_group) not in seen and len(presenters) < 3:
            seen.add((p.gender, p.age_group))
            presenters.append(Choice(id=p.id, label=f"{p.name} ({p.description})"))
    return [Choice(id=v.id, label=f"{v.name}, {v.gender}") for v in voices], presenters


# --- back in the server ----------------------------------------------------------------------------

def record(db: Database, storage: Storage, submit, turn: Turn, outcome: dict, admission=None) -> None:
    """Apply a turn's outcome to the session. A render is admitted under the key's concurrency limit (the lock is
    held across count and insert, as for a create); over it, the plan is kept and the message says to ask again."""
    if outcome["outcome"] == "render" and admission is not None:
        with db.session() as s:
            key_id = s.get(Session, turn.session_id).key_id
        with admission.lock(key_id):
            _record(db, storage, submit, turn, outcome, admission)
        return
    _record(db, storage, submit, turn, outcome, None)


def _record(db: Database, storage: Storage, submit, turn: Turn, outcome: dict, admission) -> None:
    kind = outcome["outcome"]
    with db.session() as s:
        session = s.get(Session, turn.session_id)
        if session is None or session.status != "thinking" or session.stop_requested:
            return  # stopped or deleted while thinking: the turn is not applied
        meta = dict(session.meta or {})
        meta.pop("pending", None)
        if kind == "question":
            question = outcome["question"]
            folder = {"voice": "voices", "presenter": "avatars"}.get(question["about"])
            suffix = ".wav" if folder == "voices" else ".png"
            for choice in question.get("choices") or []:
                choice["preview_url"] = storage.signed_url(f"catalogue/{folder}/{choice['id']}{suffix}") if folder else None
            meta["question"] = question
            session.meta, session.status = meta, "waiting_for_input"
            s.add(Message(session_id=session.id, role="model", type="text", content=_question_text(outcome["question"]), created_at=now()))
            return
        meta.pop("question", None)
        if kind == "answer":
            session.meta, session.status = meta, turn.prior if turn.prior != "thinking" else "reviewing"
            s.add(Message(session_id=session.id, role="model", type="text", content=outcome["text"], created_at=now()))
            return
        if outcome.get("plan") is not None:
            from onetake.agent.chat.plan import ChatPlan

            plan = ChatPlan.model_validate(outcome["plan"])
            plan.save(plan_path(storage, session.id))
            storage.publish(plan_path(storage, session.id))  # kept before the turn is committed: a worker elsewhere renders this plan
            if outcome.get("updates"):
                session.request = StoredRequest.model_validate(dict(session.request) | outcome["updates"]).model_dump()
        else:
            from onetake.agent.chat.plan import ChatPlan

            plan = ChatPlan.load(plan_path(storage, session.id))
        said = outcome.get("said") or []
        changes = (" Changed: " + "; ".join(said) + ".") if said else ""
        skipped = (" Not changed: " + "; ".join(outcome["skipped"]) + ".") if outcome.get("skipped") else ""
        session.meta = meta
        if kind == "draft":
            res = _draft_resource(storage, session.id, plan)
            s.add(res)
            session.title, session.status = plan.storyboard.title, "reviewing"
            s.add(Message(session_id=session.id, role="model", type="resource", resource_ids=[res.id], created_at=now(),
                          content=(outcome["memory"] + " " if outcome.get("memory") else "") + _draft_text(plan) + changes + skipped
                          + " Reply to approve it, or say what to change."))
            return
        if admission is not None:
            try:
                admission.check(s, session.key_id, 1)
            except ApiError as exc:
                session.status = turn.prior if turn.prior in ("reviewing", "completed") else "reviewing"
                s.add(Message(session_id=session.id, role="model", type="error", created_at=now(),
                              content=f"Not rendered yet: {exc.message}. The plan is kept{changes and ' with the changes'}; "
                                      "send your approval again when a video has finished."))
                return
        video = Video(id=turn.run_id or new_id("vid"), session_id=session.id, key_id=session.key_id, status="pending", seed=plan.seed, created_at=now())
        s.add(video)
        session.title = session.title or plan.storyboard.title
        session.status, session.progress, session.completed_at = "generating", 0, None
        s.add(Message(session_id=session.id, role="model", type="text", created_at=now(),
                      content=f"Rendering '{plan.storyboard.title}' ({len(plan.storyboard.scenes)} scenes, {plan.storyboard.target_duration:g} s).{changes}{skipped}"))
    submit(video.id)


def fail(db: Database, session_id: str, code: str, message: str) -> None:
    with db.session() as s:
        session = s.get(Session, session_id)
        if session is None:
            return
        meta = dict(session.meta or {})
        pending = meta.pop("pending", None)
        if pending is not None:  # a follow-up that could not be thought: the session stays as it was
            session.meta, session.status = meta, pending.get("prior") if pending.get("prior") not in (None, "thinking") else "reviewing"
            s.add(Message(session_id=session_id, role="model", type="error", content=f"Could not apply that message: {message}", created_at=now()))
            return
        session.status, session.completed_at = "failed", now()
        session.meta = dict(meta, failure_code=code, failure_message=message[:2000])
        s.add(Message(session_id=session_id, role="model", type="error", content=f"Could not plan the video: {message}", created_at=now()))


def _draft_resource(storage: Storage, session_id: str, plan) -> Resource:
    inputs = storage.session_inputs(session_id)
    path = inputs / f"draft-{plan.revision:03d}.json"
    path.write_text(plan.storyboard.model_dump_json(indent=2), encoding="utf-8")
    storage.publish(path)  # before the draft is committed: its URL works once the client sees it
    sheet, tiles = None, []
    try:
        from onetake.render.storyboard_sheet import draw_sheet

        drawn = draw_sheet(plan.storyboard, inputs / f"draft-{plan.revision:03d}.png", plan.cast, tiles)
        storage.publish(drawn)
        sheet = storage.relative(drawn)
    except Exception:  # the sheet is a convenience: a draft without one is still a draft
        import logging

        logging.getLogger("onetake.service").exception("contact sheet of draft %s", session_id)
    return Resource(id=new_id("res"), session_id=session_id, resource_type="draft", path=storage.relative(path), created_at=now(),
                    meta={"title": plan.storyboard.title, "scenes": len(plan.storyboard.scenes), "revision": plan.revision,
                          "duration": plan.storyboard.target_duration, "orientation": plan.storyboard.orientation.value,
                          "avatar_id": plan.cast.presenter_id, "voice_id": plan.cast.voice_id, "sheet": sheet,
                          # where each scene's still is on the contact sheet ([x, y, w, h] per scene, then the sheet's [w, h])
                          **({"sheet_tiles": tiles[:-1], "sheet_size": tiles[-1]} if sheet else {})})


def _draft_text(plan) -> str:
    board = plan.storyboard
    summary = " ".join(f"{i + 1}. {scene.narration}" for i, scene in enumerate(board.scenes))
    return (f"Here is the storyboard for '{board.title}' ({len(board.scenes)} scenes, {board.target_duration:g} s, {board.orientation.value}, "
            f"presented by {plan.cast.presenter_name}): {summary}")


def _question_text(question: dict) -> str:
    choices = question.get("choices") or []
    listed = " ".join(f"{i + 1}. {c['label']}" + (f" ({c['preview_url']})" if c.get("preview_url") else "") for i, c in enumerate(choices))
    return question["text"] + (" " + listed if listed else "")


def json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
