"""Planning a chat session: its first plan, and each revision of it from typed edits.

A revision changes what its edits name and nothing else. Edits of the request (length,
orientation, presenter, voice, style, kit, music) return as `brief_updates` for the caller to
store; edits of directions change the Reading; script edits are logged and applied, in order,
on the writer's storyboard. The writer runs again only when something it reads changed (the
length, the frame, the voice's pace): it is deterministic, so unchanged scenes keep their words
and their cached speech and frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from onetake.agent.casting import Cast, cast
from onetake.agent.reading import Reading
from onetake.agent.reading.palette import accent_colours, build_palette
from onetake.agent.storyboard import Layout, Scene, SceneRole, Storyboard
from onetake.agent.writer import retimed
from onetake.agent.writer.glue import as_sentence, join_items
from onetake.brief.models import Brief, Orientation
from onetake.voice.catalogue import get_voice, list_voices

from .edits import (AddScene, MoveScene, RemoveScene, Replace, ResizeScene, RewriteScene, SceneRef, SetBrandKit, SetCta, SetDuration,
                    SetMusic, SetOrientation, SetPalette, SetPresenter, SetStyle, SetTitle, SetTone, SetVoice, SCRIPT_EDITS)
from .plan import ChatPlan


@dataclass
class Revised:
    plan: ChatPlan
    brief: Brief
    brief_updates: dict = field(default_factory=dict)  # request fields to store (same names as make_brief's)
    said: list[str] = field(default_factory=list)  # what changed, for the model message
    skipped: list[str] = field(default_factory=list)  # edits that found nothing to change, and why


def first_plan(brief: Brief, reading: Reading) -> ChatPlan:
    from onetake.pipeline import plan_parts

    written, designed, chosen = plan_parts(brief, reading)
    return ChatPlan(reading=reading, written=written, storyboard=designed, cast=chosen, seed=brief.seed)


def revise(plan: ChatPlan, edits: list, brief: Brief, files_added: bool = False) -> Revised:
    """`brief`: the session's request as it stands, new files included (`files_added`: the writer places them)."""
    from onetake.pipeline import design_for, voice_clock, write_storyboard

    reading = plan.reading.model_copy(deep=True)
    chosen, updates, said, skipped = plan.cast, {}, [], []
    rewrite = files_added
    if files_added:  # new documents are read (their facts may be said); the conversation's directions stay
        from onetake.agent.reading import read

        fresh = read(brief)
        reading = fresh.model_copy(update={"directions": reading.directions, "remembered": reading.remembered})
        said.append("the new files are read and placed in the scenes")
    look: dict = {}
    script = list(plan.script_edits)
    for edit in edits:
        if isinstance(edit, SetDuration) and edit.seconds == plan.storyboard.target_duration and plan.storyboard.duration_requested:
            skipped.append(f"the video is already {edit.seconds:g} s")
        elif isinstance(edit, SetDuration):
            updates["duration"] = edit.seconds
            rewrite = True
            said.append(f"length {plan.storyboard.target_duration:g} s -> {edit.seconds:g} s")
        elif isinstance(edit, SetOrientation):
            if edit.orientation is not plan.storyboard.orientation:
                w, h = plan.storyboard.width, plan.storyboard.height
                updates |= {"orientation": edit.orientation.value, "width": min(w, h) if edit.orientation is Orientation.portrait else max(w, h),
                            "height": max(w, h) if edit.orientation is Orientation.portrait else min(w, h)}
                rewrite = True
                said.append(f"orientation {plan.storyboard.orientation.value} -> {edit.orientation.value}, same script")
            else:
                skipped.append(f"the video is already {edit.orientation.value}")
        elif isinstance(edit, SetPresenter):
            before = chosen
            chosen = _recast(chosen, edit, brief, reading)
            if chosen.presenter_id == before.presenter_id:
                skipped.append(f"{before.presenter_name} already fits: the presenter stays")
                continue
            updates |= {"avatar_id": chosen.presenter_id} | ({"voice_id": None} if brief.voice_id is None else {})
            rewrite = rewrite or chosen.voice_id != plan.cast.voice_id
            said.append(f"presenter {plan.cast.presenter_name} -> {chosen.presenter_name}")
        elif isinstance(edit, SetVoice):
            current_gender = get_voice(chosen.voice_id).gender
            voice = edit.voice_id or _voice_like(chosen, edit.gender or current_gender, edit.accent or reading.language)
            if voice is None and edit.other and not edit.gender:  # disliked, and it is the only one of its kind: any other voice
                voice = _voice_like(chosen, "male" if current_gender == "female" else "female", edit.accent or reading.language)
            if voice is None:
                spoken = sorted({v.language for v in list_voices() if v.language.split("-")[0] == (edit.accent or reading.language).split("-")[0]})
                skipped.append(f"no {' '.join(w for w in (edit.gender, edit.accent or reading.language) if w)} voice ships"
                               + (f" (voices here speak {', '.join(spoken)})" if spoken else ""))
                continue
            chosen = chosen.model_copy(update={"voice_id": voice})
            updates["voice_id"] = voice
            rewrite = rewrite or voice != plan.cast.voice_id
            said.append(f"voice {get_voice(plan.cast.voice_id).name} -> {get_voice(voice).name}")
        elif isinstance(edit, SetTone):
            reading.directions.tone = edit.words
            look["tone"] = edit.words
            said.append(f"tone: {', '.join(edit.words)}")
        elif isinstance(edit, SetPalette):
            colours = edit.colours or reading.directions.colours
            reading.directions.colours, reading.directions.colour_mode = colours, edit.mode or reading.directions.colour_mode
            look |= {"palette": build_palette(colours, reading.directions.colour_mode, accent_colours(reading.source[:reading.prompt_length])),
                     "palette_from_brief": bool(colours)}
            said.append("colours " + (", ".join(colours) if colours else (edit.mode or "")))
        elif isinstance(edit, SetMusic):
            reading.directions.music = edit.mood
            updates["music"] = edit.mood
            look["music"] = edit.mood
            said.append("no music" if edit.mood == "none" else f"{edit.mood} music")
        elif isinstance(edit, SetStyle):
            updates["style_id"] = edit.style_id
            look["style_id"] = edit.style_id
            said.append(f"style {edit.style_id}")
        elif isinstance(edit, SetBrandKit):
            updates["brand_kit_id"] = edit.brand_kit_id
            said.append(f"brand kit {edit.brand_kit_id}")
        elif isinstance(edit, SCRIPT_EDITS):
            script.append(edit)
    brief = brief.model_copy(update={k: (Orientation(v) if k == "orientation" and v else v) for k, v in updates.items() if k in Brief.model_fields})
    if rewrite:
        written = write_storyboard(brief, reading, chosen)
    else:
        written = plan.written
    written = written.model_copy(update=look)
    edited, notes = apply_script(written, script, {id(e) for e in edits})
    said += [n for n, new in notes if new]
    skipped += [n for n, new in notes if new is None]
    board = design_for(retimed(edited, voice_clock(chosen, reading.language)), brief, reading)
    revised = plan.model_copy(update={"reading": reading, "written": written, "storyboard": board, "cast": chosen,
                                      "script_edits": script, "revision": plan.revision + 1})
    return Revised(revised, brief, updates, said, skipped)


def apply_script(board: Storyboard, script: list, new_ids: set[int]) -> tuple[Storyboard, list[tuple[str, bool | None]]]:
    """The script edits in order; notes are (what was done, whether the edit is new) or (why not, None) for new edits
    that found nothing. Older edits whose scene is gone after a re-write are dropped quietly."""
    scenes = [s.model_copy(deep=True) for s in board.scenes]
    cta = board.cta
    notes: list[tuple[str, bool | None]] = []
    for edit in script:
        new = id(edit) in new_ids
        if isinstance(edit, Replace):
            count = _replace(scenes, edit.old, edit.new)
            notes.append(((f"'{edit.old}' -> '{edit.new}' ({count}x)" if edit.new else f"'{edit.old}' no longer said ({count}x)"), new) if count
                         else (f"the script does not say '{edit.old}'" if new else f"the script no longer says '{edit.old}'", None if new else False))
            continue
        if isinstance(edit, SetCta):
            k = next((i for i in range(len(scenes) - 1, -1, -1) if scenes[i].role is SceneRole.cta), None)
            if k is None:
                scenes.append(Scene(id="cta", role=SceneRole.cta, layout=Layout.end_card, narration=edit.text, on_screen_text=edit.text, duration_budget=2.0))
            else:
                scenes[k].narration, scenes[k].on_screen_text, scenes[k].bullets = edit.text, edit.text, []
            cta = edit.text
            notes.append((f"the ending now says \"{edit.text}\"", new))
            continue
        if isinstance(edit, SetTitle):
            before = board.title
            for sc in scenes:
                if sc.on_screen_text and sc.on_screen_text.strip().casefold() in (before.casefold(), (board.brand or "").casefold()):
                    sc.on_screen_text = edit.text
            board = board.model_copy(update={"title": edit.text})
            notes.append((f"title \"{before}\" -> \"{edit.text}\"", new))
            continue
        if isinstance(edit, AddScene):
            at = _find(scenes, edit.after) if edit.after is not None and edit.after.index >= 0 else None
            position = 0 if edit.after is not None and edit.after.index < 0 else (at + 1 if at is not None else _before_cta(scenes))
            scenes.insert(position, Scene(id="added", role=SceneRole.presenter, layout=Layout.presenter_full, narration=edit.text, duration_budget=2.0))
            notes.append((f"added a scene: \"{edit.text}\"", new))
            continue
        k = _find(scenes, edit.scene)
        if k is None:
            notes.append((f"scene {edit.scene.index + 1} (\"{edit.scene.narration[:40]}\") is no longer in the script", None if new else False))
            continue
        if isinstance(edit, RemoveScene) and edit.item and edit.item in scenes[k].bullets and len(scenes[k].bullets) > 1:
            _keep_items(scenes[k], [b for b in scenes[k].bullets if b != edit.item], board.language)
            notes.append((f"scene {k + 1} no longer lists \"{edit.item}\"", new))
        elif isinstance(edit, RemoveScene):
            if len(scenes) == 1:
                notes.append(("a video needs at least one scene; nothing was removed", None))
                continue
            gone = scenes.pop(k)
            notes.append((f"removed scene {k + 1} (\"{gone.narration[:60]}\")", new))
        elif isinstance(edit, RewriteScene):
            scenes[k].narration, scenes[k].bullets = edit.text, []
            scenes[k].on_screen_text = "" if scenes[k].role is not SceneRole.cta else edit.text
            notes.append((f"scene {k + 1} now says \"{edit.text}\"", new))
        elif isinstance(edit, ResizeScene):
            notes.append((_resize(scenes[k], edit.factor, k, board.language), new))
        elif isinstance(edit, MoveScene):
            scene = scenes.pop(k)
            position = len(scenes) if edit.position < 0 else min(edit.position, len(scenes))
            scenes.insert(position, scene)
            notes.append((f"moved scene {k + 1} to position {position + 1}", new))
    scenes = [s.model_copy(update={"id": f"scene-{i + 1:02d}"}) for i, s in enumerate(scenes)]
    return board.model_copy(update={"scenes": scenes, "cta": cta}), notes


def _find(scenes: list[Scene], ref: SceneRef | None) -> int | None:
    """The scene by its words when the edit was made; else by position, if those words are nowhere."""
    if ref is None:
        return None
    exact = [i for i, s in enumerate(scenes) if s.narration == ref.narration]
    if exact:
        return min(exact, key=lambda i: abs(i - ref.index))
    return None


def _before_cta(scenes: list[Scene]) -> int:
    return len(scenes) - 1 if scenes and scenes[-1].role is SceneRole.cta else len(scenes)


def _replace(scenes: list[Scene], old: str, new: str) -> int:
    import re

    # Whole words only ("gentle" is not inside "gentleman"); with nothing in its place, the space before it goes too.
    pattern = re.compile((r"\s*" if not new else "") + r"(?<!\w)" + re.escape(old) + r"(?!\w)", re.I)

    def swap(text: str) -> tuple[str, int]:
        value, n = pattern.subn(lambda m: _keep_case(m.group(0).strip(), new), text)
        if n and not new:  # "Gentle check-ups" -> "check-ups" -> "Check-ups": a line still opens with a capital
            value = value.strip()
            value = value[:1].upper() + value[1:] if text[:1].isupper() else value
        return value, n

    count = 0
    for s in scenes:
        for name in ("narration", "on_screen_text"):
            value, n = swap(getattr(s, name))
            setattr(s, name, value)
            count += n if name == "narration" else 0
        s.bullets = [swap(b)[0] for b in s.bullets]
    return count


def _keep_case(found: str, new: str) -> str:
    return new[:1].upper() + new[1:] if found[:1].isupper() and new[:1].islower() else new


def _resize(scene: Scene, factor: float, k: int, language: str) -> str:
    """Shorter: fewer of its own sentences or items (never new words); longer: it stays up longer."""
    from onetake.agent.reading.nlp import pipeline

    if factor > 1:
        scene.hold = round(scene.hold + 2.0 * factor, 2)
        return f"scene {k + 1} stays up longer"
    sentences = [s.text.strip() for s in pipeline("en")(scene.narration).sents]
    if len(sentences) > 1:
        keep = max(1, round(len(sentences) * factor))
        scene.narration = " ".join(sentences[:keep])
        return f"scene {k + 1} shortened to {keep} of {len(sentences)} sentences"
    if len(scene.bullets) > 2:
        keep = max(2, round(len(scene.bullets) * factor))
        _keep_items(scene, scene.bullets[:keep], language)
        return f"scene {k + 1} keeps its first {keep} items"
    words = scene.narration.split()
    if len(words) > 12:
        cut = next((i for i in range(round(len(words) * factor), len(words)) if words[i].endswith((",", ";", ":"))), None)
        if cut is not None:
            scene.narration = " ".join(words[:cut + 1]).rstrip(",;:") + "."
            return f"scene {k + 1} shortened to its first clause"
    scene.hold = 0.0
    return f"scene {k + 1} no longer holds after its words (it says one sentence already)"


def _keep_items(scene: Scene, items: list[str], language: str) -> None:
    """A list scene says and shows only `items`, said plainly; a heading that counted them ("Three services") counts again."""
    import re

    from .vocabulary import CARDINALS

    before = len(scene.bullets)
    words = {v: w for w, v in CARDINALS.items()}

    def recount(m: re.Match) -> str:
        word = m.group(0)
        if (CARDINALS.get(word.lower()) or (int(word) if word.isdigit() else None)) != before:
            return word
        new = str(len(items)) if word.isdigit() else words.get(len(items), str(len(items)))
        return new.capitalize() if word[:1].isupper() else new

    scene.on_screen_text = re.sub(r"\b[\w]+\b", recount, scene.on_screen_text, count=1)
    scene.bullets = items
    scene.narration = as_sentence(join_items([b[:1].lower() + b[1:] if not b[:2].isupper() else b for b in items], language), language)


def _recast(current: Cast, edit: SetPresenter, brief: Brief, reading: Reading) -> Cast:
    from onetake.avatar.catalogue import get_presenter

    if edit.presenter_id:
        return cast("", edit.presenter_id, brief.voice_id, language=reading.language)
    was = get_presenter(current.presenter_id) if current.photo is None else None
    if was is not None and edit.gender in ("", was.gender) and edit.age in ("", was.age_group) and not edit.other:
        return current  # "go with a female presenter" while she is one: keep her
    gender = edit.gender or (was.gender if was else "")
    age = edit.age or ""
    hint = " ".join(w for w in ({"female": "woman", "male": "man"}.get(gender, ""), {"senior": "older", "young": "young"}.get(age, "")) if w)
    chosen = cast(hint, None, brief.voice_id, f"{reading.source[:reading.prompt_length]}/{brief.seed}", language=reading.language)
    if chosen.presenter_id == current.presenter_id:  # same face: take the next that fits
        chosen = cast(hint, None, brief.voice_id, f"{reading.source[:reading.prompt_length]}/{brief.seed}/another", language=reading.language)
    return chosen


def _voice_like(current: Cast, gender: str, language: str) -> str | None:
    """Another voice of `gender` speaking `language`: a region ("en-GB") must match exactly, a bare language any region."""
    now = get_voice(current.voice_id)
    wanted = language.lower()
    speaks = (lambda v: v.language.lower() == wanted) if "-" in wanted else (lambda v: v.language.lower().split("-")[0] == wanted)
    options = [v for v in list_voices() if v.gender == gender and speaks(v) and v.id != now.id]
    options.sort(key=lambda v: (v.engine == "espeak", v.language != now.language))
    return options[0].id if options else None
