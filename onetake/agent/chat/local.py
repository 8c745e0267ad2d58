"""A chat session kept in a video's folder, for the command line (`onetake revise`, `make --review`).

Beside each video the CLI keeps the plan it rendered (plan.json) and the request that made it
(request.json: the brief's options as given, file paths absolute), so a later message edits that
plan, as the service's chat sessions do, instead of re-reading a longer prompt.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from onetake.brief.models import Brief
from onetake.errors import InvalidInput

from .plan import PLAN_FILE, ChatPlan
from .revise import Revised

REQUEST_FILE = "request.json"
_PATH_FIELDS = ("avatar_image",)


@dataclass
class Session:
    folder: Path  # the video folder the plan rendered into
    plan: ChatPlan
    request: dict  # make_brief's keyword arguments (plus prompt and brand_kit_id), JSON-ready


def request_fields(options: dict) -> dict:
    """The brief options as JSON: paths absolute, so a revision run from another directory finds the files."""
    out = {}
    for key, value in options.items():
        if key == "files":
            value = [str(Path(p).resolve()) for p in value]
        elif key in _PATH_FIELDS and value is not None:
            value = str(Path(value).resolve())
        out[key] = value
    return out


def brief_options(request: dict) -> dict:
    """request.json back into the options the CLI builds a Brief from."""
    options = dict(request)
    options["files"] = [Path(p) for p in options.get("files") or []]
    for key in _PATH_FIELDS:
        if options.get(key) is not None:
            options[key] = Path(options[key])
    return options


def save(folder: Path, plan: ChatPlan, request: dict) -> None:
    plan.save(folder / PLAN_FILE)
    tmp = folder / (REQUEST_FILE + ".tmp")
    tmp.write_text(json.dumps(request, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / REQUEST_FILE)


def find(path: Path) -> Path:
    """The video folder `path` names: itself when it holds a plan, else its newest video folder."""
    if (path / PLAN_FILE).is_file():
        return path
    if not path.is_dir():
        raise InvalidInput("OUT_DIR", f"'{path}' is not a folder")
    folders = [p.parent for p in path.glob(f"*/{PLAN_FILE}") if (p.parent / REQUEST_FILE).is_file()]
    if not folders:
        raise InvalidInput("OUT_DIR", f"'{path}' holds no video made by `onetake make` (no {PLAN_FILE} in it or its folders)")
    return max(folders, key=lambda f: (f / PLAN_FILE).stat().st_mtime)


def load(path: Path) -> Session:
    folder = find(path)
    if not (folder / REQUEST_FILE).is_file():
        raise InvalidInput("OUT_DIR", f"'{folder}' has a plan but no {REQUEST_FILE}: it was not made by `onetake make`")
    try:
        plan = ChatPlan.load(folder / PLAN_FILE)
        request = json.loads((folder / REQUEST_FILE).read_text(encoding="utf-8"))
    except ValueError as exc:  # JSON and pydantic errors alike
        raise InvalidInput("OUT_DIR", f"'{folder}': its plan or request cannot be read ({str(exc).splitlines()[0]})") from None
    return Session(folder, plan, request)


def revision_folder(root: Path, stem: str, revision: int) -> Path:
    """`<stem>-r<N>` in `root`, N the revision's number (the first video is r1), the next free one if taken."""
    base = re.sub(r"-r\d+$", "", stem)
    number = max(2, revision + 1)
    while (root / f"{base}-r{number}").exists():
        number += 1
    return root / f"{base}-r{number}"


@dataclass
class Reply:
    """What one message does to a plan: render it as is (`approve`), nothing (`unclear`: `lines` say
    what could change), or a `revised` plan with what changed and what did not."""

    intent: str  # approve | unclear | revised
    lines: list[str] = field(default_factory=list)
    revised: Revised | None = None


def reply(message: str, plan: ChatPlan, brief: Brief) -> Reply:
    """The service's rules for a follow-up (service/chat.py `think`), without a session database."""
    from .revise import revise
    from .understand import understand
    from .vocabulary import WHAT_I_CAN_CHANGE

    understood = understand(message, plan.storyboard)
    if not understood.edits:
        if understood.intent in ("approve", "thanks"):
            return Reply("approve", ["Glad it works for you."])
        return Reply("unclear", [understood.question or WHAT_I_CAN_CHANGE])
    result = revise(plan, list(understood.edits), brief)
    lines = [f"Changed: {s}" for s in result.said] + [f"Not changed: {s}" for s in result.skipped]
    lines += [f"Not understood: \"{u}\"" for u in understood.unread]
    if not result.said:
        return Reply("unclear", ["Nothing changed."] + lines)
    return Reply("revised", lines, result)


def describe(plan: ChatPlan) -> str:
    """The plan as a reviewer reads it: each scene's number, length, on-screen title and words, then the cast."""
    from onetake.voice.catalogue import get_voice

    board = plan.storyboard
    lines = [f"{board.title}: {len(board.scenes)} scenes, {board.target_duration:g} s, {board.orientation.value} {board.width}x{board.height}, "
             f"style {board.style_id}"]
    for i, scene in enumerate(board.scenes, 1):
        title = f"  [{scene.on_screen_text}]" if scene.on_screen_text else ""
        lines.append(f"  {i}. {scene.duration_budget:4.1f} s  {scene.layout.value}{title}")
        lines.append(f"       {scene.narration}")
    voice = get_voice(plan.cast.voice_id)
    lines.append(f"Presenter: {plan.cast.presenter_name} ({plan.cast.presenter_id}); voice: {voice.name} ({voice.id})")
    return "\n".join(lines)
