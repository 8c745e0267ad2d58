"""The user's files and the icon library, placed on the storyboard and resolved into timeline visuals.

    check_files(brief)                    a broken or hostile file fails here, before any rendering
    place_user_media(storyboard, brief)   clips and PDFs get B-roll scenes; scenes with nothing to show get icons
    attach_visuals(timeline, storyboard, brief)   each B-roll / icon scene's visuals, timed and framed
"""

from __future__ import annotations

import re
from functools import lru_cache

from onetake.agent.storyboard import Layout, Scene, SceneRole, Storyboard
from onetake.brief.models import Brief, InputFile, MediaKind
from onetake.errors import RenderFailed
from onetake.timeline.models import SceneClip, Timeline, Visual, VisualKind
from onetake.visuals.media import check_image
from onetake.visuals.sources import MAX_PDF_PAGES, image_focus, pdf_page_count, pdf_page_text, probe_video, video_focus

MIN_PAGE_S = 1.8  # a slide shorter than this cannot be read
ICON_MIN_SCORE = 0.45  # weaker best matches are not worth a scene: the scene keeps its layout
PAD_MARGIN = 0.12  # a grid's extra icons score within this of its best match
_WORD = re.compile(r"[a-z][a-z0-9']+")
_STOP = set("a an the and or but of to in on at for with from by is are was were be it its this that these those you your we our they their "
            "as so if not no more most very can will just all any each every here there what which who how when where why".split())


def is_pdf(file: InputFile) -> bool:
    return file.kind is MediaKind.document and file.mime_type == "application/pdf"


def check_files(brief: Brief) -> None:
    """Open every attachment the way rendering will, so a bad one is a clear error now, not a crash later."""
    from onetake.visuals.music import mood_named, probe_audio

    if brief.music and brief.music != "none":
        mood_named(brief.music)  # an unknown --music mood fails before minutes of work

    for file in brief.files:
        if file.kind is MediaKind.image:
            check_image(file.path)
        elif file.kind is MediaKind.video:
            probe_video(file.path)
        elif file.kind is MediaKind.audio:
            probe_audio(file.path)
        elif is_pdf(file):
            pdf_page_count(file.path)


# --- storyboard: which scene shows what ----------------------------------------------------------

def _candidates(scenes: list[Scene]) -> list[int]:
    """Scenes that can become B-roll, best first: media-less b-roll, then title cards, then presenter panels in the body."""
    body = range(1, len(scenes) - 1) if len(scenes) > 2 else range(len(scenes))
    free = [i for i in body if not scenes[i].media and scenes[i].role is not SceneRole.cta]
    rank = {Layout.icon_grid: 0, Layout.title_card: 1, Layout.presenter_panel: 2, Layout.presenter_full: 3, Layout.bullets: 4}
    return sorted(free, key=lambda i: (scenes[i].role not in (SceneRole.broll, SceneRole.montage), rank.get(scenes[i].layout, 5), i))


def place_user_media(storyboard: Storyboard, brief: Brief) -> Storyboard:
    """Give each user clip and PDF a scene of its own; b-roll scenes still empty show icons."""
    scenes = [s.model_copy(deep=True) for s in storyboard.scenes]
    used = {i for s in scenes for i in s.media}
    material = [i for i, f in enumerate(brief.files) if i not in used and (f.kind is MediaKind.video or is_pdf(f))]
    for index in material:
        options = _candidates(scenes)
        # prefer a scene whose neighbours are not b-roll already
        apart = [i for i in options if all(scenes[j].layout is not Layout.broll for j in (i - 1, i + 1) if 0 <= j < len(scenes))]
        pick = (apart or options or [None])[0]
        if pick is None:
            break
        scenes[pick].media = [index]
        scenes[pick].layout = Layout.broll
    for i, scene in enumerate(scenes):
        wants_visual = scene.role in (SceneRole.broll, SceneRole.montage) and not scene.media
        neighbours = [scenes[j].layout for j in (i - 1, i + 1) if 0 <= j < len(scenes)]
        if wants_visual and Layout.icon_grid not in neighbours and pick_icons(scene.visual_query or scene.on_screen_text):
            scene.layout = Layout.icon_grid
    return storyboard.model_copy(update={"scenes": scenes})


def pick_icons(query: str, count: int = 4) -> list[str]:
    return list(_pick_icons(query, count))


@lru_cache(maxsize=64)  # the storyboard and the timeline ask for the same scene's icons
def _pick_icons(query: str, count: int) -> tuple[str, ...]:
    """Icon ids for a grid: one set only (emoji or line icons, whichever matches better), one per noun of
    the query first, never two of one thing ("calendar" and "spiral-calendar")."""
    from onetake.visuals.icons import match_icons
    from onetake.visuals.icons.match import query_terms

    if not query.strip():
        return ()
    phrases, words = query_terms(query)
    covered = {w for w in words if any(pw.startswith(w) for p in phrases[1:] for pw in p.split())}  # "loave" of "fresh loaves"
    nouns = [p for p in phrases[1:]] + sorted(_things(query, words - covered))
    best: tuple[float, list[str]] = (0.0, [])
    for colour in (True, False):
        ranked = match_icons(query, 12, colour=colour)
        if not ranked or ranked[0].score < ICON_MIN_SCORE:
            continue
        chosen: list[str] = []
        heads: set[str] = set()

        def take(match) -> bool:
            head = match.icon.name.split("-")[-1]
            if match.icon.id in chosen or head in heads or match.score < ICON_MIN_SCORE:
                return False
            chosen.append(match.icon.id)
            heads.add(head)
            return True

        # Each listed thing's best icon leads; near-ties go to the icon the whole query prefers:
        # "record" alone scores clock-record, player-record and vinyl alike, "record sleeve" the vinyl.
        whole = {m.icon.id: m.score for m in ranked}
        for noun in nouns:
            for m in sorted(match_icons(noun, 3, colour=colour), key=lambda m: m.score + 0.5 * whole.get(m.icon.id, 0.0), reverse=True):
                if take(m):
                    break
        # Padding a grid with what the query only resembles ("kayak, water" -> a water pistol) shows what the brief never
        # said: the named things stand alone when there are two or more, else near-ties of the best match join them.
        for m in ranked if len(chosen) < 2 else ():
            if len(chosen) >= count:
                break
            named = set(m.icon.name.split("-"))
            if m.score >= ranked[0].score - PAD_MARGIN and not any(named & set(c.split(":")[-1].split("-")) for c in chosen):
                take(m)  # not a second of one thing: pregnant-person, then pregnant-woman
        quality = sum(m.score for m in ranked[:3]) / 3 + 0.05 * min(len(chosen), count)
        if quality > best[0]:
            best = (quality, chosen[:count])
    return tuple(best[1])


def _things(query: str, words: set[str]) -> set[str]:
    """The query's words that name things: "always wear goggles" is goggles, not an ox for "alway" and a dress
    for "wear". Read with the English tagger (a query is made of the brief's nouns, or a bullet's words)."""
    from onetake.agent.reading.nlp import pipeline

    nouns = [t for t in pipeline("en")(query) if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return words
    # each as its dictionary form ("loaves" -> loaf, where the query's own stem "loav" matched a llama)
    return {n.lemma_.lower() for n in nouns if any(n.lower_.startswith(w) or w.startswith(n.lower_) for w in words)}


BULLET_ICON_MIN_SCORE = 0.55  # "monthly curated picks" -> a guitar pick (0.51) must not pass


def bullet_icons(bullets: list[str]) -> list[str]:
    return list(_bullet_icons(tuple(bullets)))


@lru_cache(maxsize=32)
def _bullet_icons(bullets: tuple[str, ...]) -> tuple[str, ...]:
    """One line icon per bullet, or none at all: a list where only some bullets have icons looks broken."""
    from onetake.visuals.icons import match_icons

    picks = []
    for bullet in bullets:
        top = next((m for m in match_icons(bullet, 3, colour=False) if m.icon.id not in picks), None)
        if top is None or top.score < BULLET_ICON_MIN_SCORE:
            return ()
        picks.append(top.icon.id)
    return tuple(picks)


# --- timeline: what each visual is, and when ----------------------------------------------------

def attach_visuals(timeline: Timeline, storyboard: Storyboard, brief: Brief) -> Timeline:
    scenes = {s.id: s for s in storyboard.scenes}
    aspect = timeline.width / timeline.height
    clips = []
    for clip in timeline.scenes:
        scene = scenes.get(clip.scene_id)
        visuals: list[Visual] = []
        if scene is not None and clip.layout is Layout.broll:
            files = [brief.files[i] for i in scene.media if i < len(brief.files)]
            visuals = _media_visuals(clip, files, aspect, timeline)
        elif scene is not None and clip.layout is Layout.icon_grid and (photo := _stock_photo(scene, timeline)):
            path, credit = photo  # the user configured a stock key: a real photo beats icons for b-roll
            clip = clip.model_copy(update={"layout": Layout.broll})
            visuals = [Visual(kind=VisualKind.image, start=clip.start, end=clip.end, path=path, focus=image_focus(path, aspect), credit=credit)]
        elif scene is not None and clip.layout is Layout.icon_grid:
            visuals = [Visual(kind=VisualKind.icon, start=clip.start, end=clip.end, icon=i) for i in pick_icons(scene.visual_query or scene.on_screen_text, 6 if len(scene.visual_query.split(",")) > 4 else 4)]
        elif scene is not None and clip.layout is Layout.bullets and clip.bullets:
            visuals = [Visual(kind=VisualKind.icon, start=at, end=clip.end, icon=i) for i, at in zip(bullet_icons(clip.bullets), clip.bullet_times or [clip.start] * len(clip.bullets))]
        clips.append(clip.model_copy(update={"visuals": visuals}) if visuals else clip)
    return timeline.model_copy(update={"scenes": clips})


def _stock_photo(scene: Scene, timeline: Timeline):
    from onetake.visuals.stock import find_photo, providers

    query = scene.visual_query or scene.on_screen_text
    if not providers() or not query:
        return None
    try:
        return find_photo(query, timeline.height > timeline.width)
    except RenderFailed:  # the service is down or refused the key: the icons still show
        return None


def _media_visuals(clip: SceneClip, files: list[InputFile], aspect: float, timeline: Timeline) -> list[Visual]:
    """The scene's time split between its files (a PDF's pages each get a share)."""
    items: list[tuple[InputFile, int | None]] = []
    for file in files:
        if is_pdf(file):
            pages = min(pdf_page_count(file.path), MAX_PDF_PAGES, max(1, int(clip.duration // MIN_PAGE_S)))
            items += [(file, p) for p in range(pages)]
        elif file.kind in (MediaKind.image, MediaKind.video):
            items.append((file, None))
    if not items:
        return []
    step = clip.duration / len(items)
    out = []
    for n, (file, page) in enumerate(items):
        start, end = clip.start + n * step, clip.start + (n + 1) * step
        if file.kind is MediaKind.image:
            out.append(Visual(kind=VisualKind.image, start=start, end=end, path=file.path, focus=image_focus(file.path, aspect)))
        elif file.kind is MediaKind.video:
            info = probe_video(file.path)
            # a long clip: show its middle, where the action usually is; a short one holds its last frame
            offset = max(0.0, (info.duration - (end - start)) / 2)
            focus = video_focus(file.path, offset + min(info.duration - offset, end - start) / 2, aspect)
            out.append(Visual(kind=VisualKind.video, start=start, end=end, path=file.path, focus=focus, source_start=offset, source_duration=info.duration - offset))
        else:
            spoken = " ".join(w.text for w in timeline.presenter.words if start - 0.5 <= w.start < end)
            out.append(Visual(kind=VisualKind.pdf_page, start=start, end=end, path=file.path, page=page, focus=talked_about(file.path, page, spoken)))
    return out


def content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def talked_about(path, page: int, narration: str) -> tuple[float, float, float, float] | None:
    """The block of the page whose words the narration shares most; None when nothing matches (or no text)."""
    lines = pdf_page_text(path, page)
    said = content_words(narration)
    if not lines or not said:
        return None
    scores = [len(content_words(line.text) & said) for line in lines]
    best = max(range(len(lines)), key=lambda i: scores[i])
    if scores[best] == 0:
        return None
    x0, y0, x1, y1 = lines[best].rect
    height = y1 - y0
    for line, score in zip(lines, scores):  # its paragraph: matching lines just above or below
        if score and abs(line.rect[1] - y1) < height * 1.8 or score and abs(line.rect[3] - y0) < height * 1.8:
            x0, y0, x1, y1 = min(x0, line.rect[0]), min(y0, line.rect[1]), max(x1, line.rect[2]), max(y1, line.rect[3])
    pad = 0.03
    return (max(0.0, x0 - pad), max(0.0, y0 - pad), min(1.0, x1 + pad), min(1.0, y1 + pad))


def used_file_indexes(storyboard: Storyboard, music_index: int | None) -> set[int]:
    shown = {i for s in storyboard.scenes for i in s.media}
    return shown | ({music_index} if music_index is not None else set())


__all__ = ["attach_visuals", "check_files", "is_pdf", "pick_icons", "place_user_media", "talked_about"]
