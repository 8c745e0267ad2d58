"""Run one evaluation brief through the planner's stable entry point and check its storyboard and cast."""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import checks as C
from .files import write_pdf, write_png

CHECKS = ("duration", "orientation", "language", "brand", "cta", "items", "scenes", "quotes", "directions", "figures",
          "gender", "visuals", "greetings")


@dataclass
class Result:
    gold: dict
    problems: dict[str, list[str]] = field(default_factory=dict)  # check -> problems (empty: pass)
    grounded: int = 0
    sentences: int = 0
    filler: list[str] = field(default_factory=list)
    seconds: float = 0.0
    speech_share: float = 0.0  # the share of the video's length that is spoken
    storyboard: dict | None = None
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and not any(self.problems.values())


def attach(gold: dict, folder: Path) -> tuple[list[Path], str]:
    """Write the brief's files; return their paths and the documents' text (part of the source)."""
    paths, text = [], []
    for kind, name, spec in gold["files"]:
        path = folder / f"{gold['name']}-{name}"
        if kind == "pdf":
            write_pdf(path, spec)
            text += [line for page in spec for line in page]
        else:
            write_png(path, spec)
        paths.append(path)
    return paths, "\n".join(text)


def run_brief(gold: dict, folder: Path) -> Result:
    from onetake.brief.intake import make_brief
    from onetake.pipeline import plan_and_cast
    from onetake.voice.catalogue import get_voice

    result = Result(gold)
    paths, doc_text = attach(gold, folder)
    source = gold["prompt"] + "\n" + doc_text
    try:
        brief = make_brief(gold["prompt"], files=paths)  # as the CLI does: options default, files sniffed
        start = time.perf_counter()
        storyboard, cast = plan_and_cast(brief)
        result.seconds = time.perf_counter() - start
    except Exception as exc:  # a crash is a failure of every check, reported
        result.error = f"{type(exc).__name__}: {exc}"
        result.problems = {c: ["planner crashed"] for c in CHECKS}
        traceback.print_exc()
        return result
    sb = storyboard.model_dump(mode="json")
    result.storyboard = sb
    voice = get_voice(cast.voice_id)
    result.problems = {
        "duration": C.check_duration(sb, gold, voice.words_per_second),
        "orientation": C.check_orientation(sb, gold),
        "language": C.check_language(sb, gold, voice.language),
        "brand": C.check_brand(sb, gold),
        "cta": C.check_cta(sb, gold),
        "items": C.check_items(sb, gold),
        "scenes": C.check_scenes(sb, gold),
        "quotes": C.check_quotes(sb, gold),
        "directions": C.check_directions(sb, gold),
        "figures": C.check_figures(sb, source),
        "gender": C.check_gender(gold, _gender(cast)),
        "visuals": C.check_visuals(sb, gold),
        "greetings": C.check_greetings(sb),
    }
    result.grounded, result.sentences, result.filler = C.grounded_share(sb, C.Grounding(gold, source))
    result.speech_share = C.speech_share(sb, voice.words_per_second)
    return result


def _gender(cast) -> str | None:
    from onetake.avatar.catalogue import get_presenter

    if cast.photo is not None:
        return cast.photo.gender
    return get_presenter(cast.presenter_id).gender
