"""write(): Reading + the cast voice's clock -> Storyboard. Says what the brief says, nothing else.

Deterministic; no I/O. The flow is one way: beats (what the brief says, in its order) ->
select (what fits the time, measured by the voice that will speak) -> scenes (who says
what, what the screen shows) -> holds (time left over becomes visual beats) -> Storyboard.
"""

from __future__ import annotations

import re

from onetake.agent.reading import Reading
from onetake.agent.reading.palette import accent_colours, build_palette
from onetake.agent.storyboard import Scene, SceneRole, Storyboard
from onetake.brief.models import SIZE_MAX_PX, SIZE_MIN_PX, Brief, MediaKind, Orientation
from onetake.brief.models import DURATION_MAX_S, DURATION_MIN_S

from . import glue as G
from . import scenes as S
from .beats import Beat, beats, spread
from .select import DEFAULT_MAX_S, MIN_VIDEO_S, SCENE_OVERHEAD_S, Clock, natural_length, select

MIN_SCENE_S = 3.0
MAX_SCENES = 12
SHOW_HOLD_S = 8.0  # a requested length: a card or picture holds this long before other scenes share the time
MAX_HOLD_S = 6.0  # no length asked: a card or picture stays up after its words, music under it, this long at most
UNHURRIED = 1.3  # no length asked: this much longer than the bare speech, for cards and pictures to be seen
UNHURRIED_MIN_S = 15.0
SPREAD_SLACK = 0.15  # a list gets a card per item when the speech leaves this share of the length free
_SHOWS = (SceneRole.broll, SceneRole.stat, SceneRole.bullets, SceneRole.quote, SceneRole.montage)


def write(reading: Reading, brief: Brief, clock: Clock) -> Storyboard:
    """`clock(text)` is the seconds the cast voice takes to say `text`."""
    requested = brief.duration if brief.duration is not None else reading.directions.duration
    ceiling = None  # "under a minute": as long as the content wants, at most this
    if brief.duration is None and reading.directions.duration_limit and requested is not None:
        ceiling, requested = _clamp(requested), None
    target = _clamp(requested) if requested is not None else None
    said = select(beats(reading), clock, target if target is not None else ceiling)
    heads = [b.head for b in said if b.kind in ("list", "steps") and b.head]
    if target is None:  # no length asked: a list gets a card per item, then the video is as long as that takes
        said = _spread_when_slack(said, clock, ceiling or DEFAULT_MAX_S, reading)
        pace = min(_unhurried(said, clock), ceiling or DEFAULT_MAX_S)
    else:
        pace = target
        said = _spread_when_slack(said, clock, pace, reading)
    said = _with_presenter(_with_brand(said, reading), reading)
    said = _with_kind(said, reading)
    said = _opening_with_heading(said, heads, reading)
    if not said:
        name = reading.brand or (reading.subject.text if reading.subject else "") or reading.kind or "onetake"
        said = [Beat("fact", name[:1].upper() + name[1:] + ".", 0, 0)]  # nothing read to say: at least whose video it is
    limit = _max_scenes(target if target is not None else max(pace, sum(clock(b.text) for b in said) + 4))
    drafts = S.group(said, reading, clock, limit)
    _give_media(drafts, reading, brief)
    roles = [S.role_of(d, k, len(drafts)) for k, d in enumerate(drafts)]
    speech = [d.seconds(clock) for d in drafts]
    music = reading.directions.music.strip().lower() not in ("none", "no music", "no")
    holds = _holds(roles, speech, pace, target is not None, music)
    if target is None:
        target = max(MIN_VIDEO_S, float(round(natural_length(sum(speech), len(drafts), sum(holds)))))
        target = min(target, ceiling) if ceiling is not None else target
    language = reading.language
    scenes = [
        Scene(
            id=f"scene-{k + 1:02d}",
            role=role,
            layout=S.layout_of(role),
            narration=S.narration(d, language),
            on_screen_text=S.headline(d, role, reading, k == 0),
            bullets=S.bullets(d),
            visual_query=S.visual_query(d),
            serves=S.serves(d),
            media=d.media,
            lower_third=S.lower_third(d),
            duration_budget=max(0.5, speech[k] + holds[k]),
            hold=holds[k],
        )
        for k, (d, role) in enumerate(zip(drafts, roles))
    ]
    orientation, width, height = frame(brief, reading)
    d = reading.directions
    return Storyboard(
        title=_title(reading, scenes),
        brand=reading.brand or None,
        target_duration=target,
        duration_requested=requested is not None,
        orientation=orientation,
        width=width,
        height=height,
        palette=build_palette(d.colours, d.colour_mode, accent_colours(reading.source[:reading.prompt_length])),
        palette_from_brief=bool(d.colours),
        style_id=brief.style_id or "studio",
        cta=reading.cta.text if reading.cta else None,
        avatar_hint=d.presenter.description,
        presenter_photo_requested=d.presenter.photo_requested,
        language=language,
        tone=d.tone,
        music=d.music,
        few_graphics=d.few_graphics,
        allow_repeats=d.allow_repeats,
        scenes=scenes,
    )


def _clamp(seconds: float) -> float:
    return max(DURATION_MIN_S, min(DURATION_MAX_S, float(seconds)))


def _max_scenes(target: float) -> int:
    return max(1, min(MAX_SCENES, int((target + 1e-6) // (MIN_SCENE_S + SCENE_OVERHEAD_S))))


def _with_brand(said: list[Beat], reading: Reading) -> list[Beat]:
    """A brand the kept beats never name opens the video by name: a viewer must hear whose video it is."""
    brand = reading.brand
    if not brand or any(brand.lower() in b.text.lower() for b in said):
        return said
    line = Beat("subject", brand + ("\u3002" if reading.language.startswith("zh") else "."), 0, 0)
    at = reading.subject.span.start if reading.subject is not None else 0
    k = next((i for i, b in enumerate(said) if b.start > at and b.kind != "cta"), 0) if at else 0
    # where the brief names it: "Ever wondered where your coffee comes from? ... for Finca Verde Coffee: ..."
    return said[:k] + [line] + said[k:]


_NAMING = re.compile(r"^(?:(?:[A-Z0-9][\w&'.-]*|&|in|at|by|from|on|of|the)[\s,]*)+[.\u3002]?$")


def _with_kind(said: list[Beat], reading: Reading) -> list[Beat]:
    """No name to open on ("Safety briefing for new lab staff, 1 minute."): the video opens on what it is and for
    whom, in the brief's words, so the viewer knows what follows."""
    if reading.brand or reading.subject is not None or any(b.kind == "subject" for b in said) or reading.language != "en":
        return said
    if not (reading.kind and reading.audience):
        return said
    m = re.search(re.escape(reading.kind) + r"\s+for\s+" + re.escape(reading.audience), reading.source[:reading.prompt_length], re.I)
    if m is None:
        return said
    words = m.group(0)
    article = "An" if words[:1].lower() in "aeiou" else "A"
    return [Beat("subject", f"{article} {words[:1].lower()}{words[1:]}.", m.start(), 0)] + said


def _opening_with_heading(said: list[Beat], heads: list[str], reading: Reading) -> list[Beat]:
    """An opening that only names ("Harbourlight Physio in Bristol.") takes in the heading of the list that
    follows when no beat says it ("Three services at Harbourlight Physio in Bristol."): the viewer hears
    what the video is about, and the heading is said once."""
    if not said or said[0].kind != "subject" or reading.language != "en" or not _NAMING.match(said[0].text):
        return said
    first, name = said[0], said[0].text.rstrip(".")
    spoken = " ".join(b.text for b in said).lower()
    head = heads[0].strip(" :") if heads else ""
    if head and head.lower() not in spoken and head.lower() not in (reading.brand or "").lower() \
            and 2 <= len(head.split()) <= 4 and not any(w[:1].isupper() for w in head.split()[1:]):
        line = f"{head} at {name}."
    elif reading.audience and f"{reading.audience} at {name}".lower() in reading.source.lower():
        line = f"For {reading.audience} at {name}."  # "for new starters at Halden Bank": whom it is for, as the brief says
    elif reading.audience and f"{name} {reading.audience}".lower() in reading.source.lower():
        line = f"For {name} {reading.audience}."  # "for Arden Insurance staff"
    else:
        return said
    said[0] = Beat(first.kind, line, first.start, first.priority, scene=first.scene)
    return said


def _unhurried(said: list[Beat], clock) -> float:
    """No length asked: the content at an unhurried pace, room for its cards to be seen."""
    spoken = natural_length(sum(clock(b.text) for b in said), len(said), 0.0)
    return min(DEFAULT_MAX_S, max(UNHURRIED_MIN_S, UNHURRIED * spoken))


def _spread_when_slack(said: list[Beat], clock, target: float, reading: Reading) -> list[Beat]:
    """Time to spare: each list is said item by item, a card for each, longest list first, while it fits."""
    out = list(said)
    for beat in sorted((b for b in said if len(b.bullets) >= 2), key=lambda b: -len(b.bullets)):
        slack = target - natural_length(sum(clock(b.text) for b in out), len(out), 0.0)
        if slack <= SPREAD_SLACK * target:
            break
        parts = spread(beat, reading.language, reading.brand, " ".join(b.text for b in out if b is not beat))
        trial = [p for b in out for p in (parts if b is beat else [b])]
        if natural_length(sum(clock(b.text) for b in trial), len(trial), 0.0) <= target:
            out = trial
    return out


def _with_presenter(said: list[Beat], reading: Reading) -> list[Beat]:
    """A presenter the brief names ("a welcome from Grace, our founder") says who they are first."""
    p = reading.directions.presenter
    if not p.name or any(p.name in b.text for b in said):
        return said
    line = G.hello(p.name, p.role.lower() if p.role and not p.role.isupper() else p.role, reading.language)
    return [Beat("subject", line, -1, 0)] + said


def _holds(roles: list[SceneRole], speech: list[float], target: float, requested: bool, music: bool) -> list[float]:
    """Time the speech leaves over, given to the scenes that show something, while music plays.

    A requested length is met: what the brief gave to say is said, the rest of the time its cards
    and pictures stay up under music (the note tells the user how thin the brief was). With no
    length asked, a hold is at most MAX_HOLD_S. With the music off a hold would be dead air: none."""
    holds = [0.0] * len(roles)
    if not music:
        return holds
    slack = target - natural_length(sum(speech), len(roles), 0.0)
    if slack <= 1.0:
        return holds
    body = [k for k, r in enumerate(roles) if r is not SceneRole.cta] or list(range(len(roles)))
    showing = [k for k in body if roles[k] in _SHOWS] or body
    if not requested:
        for k in showing:
            holds[k] = round(min(MAX_HOLD_S, slack / len(showing)), 2)
        return holds
    # A requested length: the scenes that show something hold up to SHOW_HOLD_S each; what is still
    # left is shared by every scene before the call to action (one card held 30 s reads as a stall).
    each = min(slack / len(showing), SHOW_HOLD_S) if len(showing) < len(body) else slack / len(showing)
    for k in showing:
        holds[k] = each
    rest = (slack - each * len(showing)) / len(body)
    for k in body:
        holds[k] = round(holds[k] + rest, 2)
    return holds


def _give_media(drafts: list[S.Draft], reading: Reading, brief: Brief) -> None:
    """The user's images: one matching a visual request by name first, then the scenes that show things, in order."""
    images = [k for k, f in enumerate(brief.files) if f.kind is MediaKind.image]
    if reading.directions.presenter.photo_requested and images:
        images = images[1:]  # the first image is the presenter's photo
    if not images or not drafts:
        return
    free = list(images)
    for d in drafts:
        nouns = [n.lower() for b in d.beats for v in b.visuals for n in v.nouns]
        match = next((k for k in free if any(n in brief.files[k].path.stem.lower() for n in nouns)), None)
        if match is not None:
            d.media.append(match)
            free.remove(match)
    body = [d for d in drafts if not any(b.kind == "cta" for b in d.beats)] or drafts
    wanting = [d for d in body if not d.media and any(b.visuals for b in d.beats)]
    wanting += [d for d in body if not d.media and d not in wanting and d.plain]
    wanting += [d for d in body if not d.media and d not in wanting]
    for j, k in enumerate(free):
        (wanting[j] if j < len(wanting) else body[j % len(body)]).media.append(k)


def _even(x: float) -> int:
    v = int(round(x / 2.0)) * 2
    return max(SIZE_MIN_PX + (SIZE_MIN_PX % 2), min(SIZE_MAX_PX, v))


def frame(brief: Brief, reading: Reading) -> tuple[Orientation, int, int]:
    """Orientation and size: the request's fields first, then what the brief says."""
    if brief.orientation is not None:
        orientation = brief.orientation
    elif brief.width and brief.height:
        orientation = Orientation.portrait if brief.height > brief.width else Orientation.landscape
    else:
        orientation = reading.directions.orientation or Orientation.landscape
    w, h = brief.width, brief.height
    portrait = orientation is Orientation.portrait
    if w and h:
        return orientation, w, h
    if w:
        return orientation, w, _even(w * 16 / 9 if portrait else w * 9 / 16)
    if h:
        return orientation, _even(h * 9 / 16 if portrait else h * 16 / 9), h
    if reading.directions.square and brief.orientation is None:
        return orientation, 720, 720  # "square format": the layouts place by the frame's own size
    return orientation, (720 if portrait else 1280), (1280 if portrait else 720)


def _title(reading: Reading, scenes: list[Scene]) -> str:
    if reading.titles:
        return reading.titles[0].text
    topic = S.short(reading.description) if reading.description else ""
    if reading.brand and topic and topic.lower() not in reading.brand.lower():
        return f"{reading.brand}: {topic}"
    return reading.brand or topic or S.short(scenes[0].narration) or "Untitled"


def retimed(storyboard: Storyboard, clock: Clock) -> Storyboard:
    """The storyboard's holds and budgets for its current words (after a chat edit changed them):
    the same rule as a first write, so an edited video still lands on its length."""
    roles = [s.role for s in storyboard.scenes]
    speech = [clock(s.narration) for s in storyboard.scenes]
    music = storyboard.music.strip().lower() not in ("none", "no music", "no")
    holds = _holds(roles, speech, storyboard.target_duration, storyboard.duration_requested, music)
    scenes = [s.model_copy(update={"hold": h, "duration_budget": max(0.5, t + h)}) for s, t, h in zip(storyboard.scenes, speech, holds)]
    update: dict = {"scenes": scenes}
    if not storyboard.duration_requested:
        update["target_duration"] = max(MIN_VIDEO_S, float(round(natural_length(sum(speech), len(scenes), sum(holds)))))
    return storyboard.model_copy(update=update)
