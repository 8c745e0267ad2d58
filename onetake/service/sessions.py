"""Accepting a job, shared by all three shapes: validate, store files, admit under the key's limit, commit, queue.

The rows are committed before this returns, so the 200 the client gets always names a job that
survives a crash; the queue is only told afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from onetake.service.brand_kits import take_brand_kit
from onetake.service.db import now
from onetake.service.errors import ApiError, invalid
from onetake.service.fetch import UnsafeUrl
from onetake.service.ids import new_id
from onetake.service.intake import check_brief, take_files
from onetake.service.models import ApiKey, Message, Session, Video
from onetake.service.quotas import check_chat

BRIEF_FIELDS = ("prompt", "orientation", "width", "height", "duration", "avatar_id", "voice_id", "style_id", "output_format", "quality",
                "avatar_image_file", "music")  # index into files of the photo that presents (Runware inputs.image)


@dataclass
class Accepted:
    session: Session
    videos: list[Video]


def check_callback(svc, url: str | None, param: str) -> None:
    if url:
        try:
            svc.guard.check_url(url)
        except UnsafeUrl as exc:
            raise invalid(param, str(exc)) from None


def accept(svc, key: ApiKey, *, shape: str, fields: dict, files: list[dict], seeds: list[int], mode: str = "generate", callback_url: str | None = None,
           callback_id: str | None = None, meta: dict | None = None, external_id: str | None = None, video_ids: list[str] | None = None,
           names: dict[str, str] | None = None, files_param: str = "files", status: str = "thinking", queue: bool = True,
           brand_kit_id: str | None = None, idem: tuple[str, str] | None = None, respond=None, remember: bool = False) -> Accepted:
    """`respond(session, videos)` -> the response body; with `idem` it is recorded as the Idempotency-Key's answer
    in the transaction that stores the session. `remember`: recall what memory holds for the brand the prompt names."""
    check_brief(fields, names)
    session_id = new_id("sess") if shape != "runflow" else new_id("run")
    inputs = svc.storage.session_inputs(session_id)
    try:
        with svc.db.session() as s:
            if mode == "chat" and not queue:
                check_chat(svc, s, key.id)
            stored_files = take_files(files, key_id=key.id, db_session=s, storage=svc.storage, guard=svc.guard, session_id=session_id,
                                      max_bytes=svc.config.max_upload_bytes, param=files_param)
            kit = take_brand_kit(s, svc.storage, key.id, brand_kit_id, session_id) if brand_kit_id else {}
            remembered = _recall(s, svc, key.id, session_id, fields["prompt"], kit) if remember else {}
        request = {k: fields.get(k) for k in BRIEF_FIELDS} | {"files": stored_files} | kit | remembered
        created = now()
        session = Session(id=session_id, key_id=key.id, shape=shape, external_id=external_id, mode=mode, status=status, progress=0, request=request,
                          callback_url=callback_url, callback_id=callback_id, meta=meta, created_at=created)
        ids = video_ids or [new_id("vid") for _ in seeds]
        videos = [Video(id=vid, session_id=session_id, key_id=key.id, status="pending", seed=seed, created_at=created) for vid, seed in zip(ids, seeds)] if queue else []
        with svc.admission.lock(key.id):
            with svc.db.session() as s:
                if videos:
                    svc.admission.check(s, key.id, len(videos))
                s.add(session)
                s.flush()
                s.add_all(videos)
                s.add(Message(session_id=session_id, role="user", type="text", content=fields["prompt"], created_at=created))
                if respond is not None:
                    svc.idempotency.record(s, idem, 200, respond(session, videos))
    except BaseException:
        svc.storage.remove_tree(inputs)
        raise
    for video in videos:
        svc.jobs.submit(video.id)
    return Accepted(session, videos)


def _recall(s, svc, key_id: str, session_id: str, prompt: str, kit: dict) -> dict:
    """The request fields that carry memory for this prompt's brand: the facts, and a copy of a remembered brand kit
    (when the request names none) that the agent uses only if the Reading confirms the brand."""
    from onetake.service.memory import recall

    found = recall(s, key_id, prompt)
    if found is None:
        return {}
    remembered, _ = found
    fields: dict = {}
    if remembered.brand_kit_id and not kit:
        try:
            fields = {"brand_kit_store": take_brand_kit(s, svc.storage, key_id, remembered.brand_kit_id, session_id)["brand_kit_store"]}
        except ApiError:  # the kit was deleted since: the other facts still hold
            remembered = remembered.model_copy(update={"brand_kit_id": None})
    elif kit:
        remembered = remembered.model_copy(update={"brand_kit_id": None})
    return fields | {"remembered": remembered.model_dump(mode="json")}
