"""The ChatPlan: what a chat session owns, as one versioned artifact.

Every video of a session renders from its plan: the Reading (directions edited in place), the
writer's storyboard (`written`, re-written only when what the writer reads changed), the script
edits applied on top of it in order, the storyboard that results (what the user reviews and what
renders), the Cast and the seed. Saved as JSON beside the session's inputs; the CLI keeps one
beside each video so `onetake revise` works on it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from onetake.agent.casting import Cast
from onetake.agent.reading import Reading
from onetake.agent.storyboard import Storyboard

from .edits import Edit

PLAN_VERSION = 1
PLAN_FILE = "plan.json"


class ChatPlan(BaseModel):
    schema_version: int = PLAN_VERSION
    reading: Reading
    written: Storyboard  # the writer's, before script edits
    storyboard: Storyboard  # written + script edits, designed: what is reviewed and rendered
    cast: Cast
    seed: int = 0
    script_edits: list[Edit] = Field(default_factory=list)
    revision: int = 0

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(self.model_dump_json(indent=1), encoding="utf-8")
        tmp.replace(path)  # a reader never sees half a plan
        return path

    @classmethod
    def load(cls, path: Path) -> "ChatPlan":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema_version") != PLAN_VERSION:
            raise ValueError(f"{path}: plan schema version {data.get('schema_version')} is not {PLAN_VERSION}")
        return cls.model_validate(data)
