"""Narration in Spanish, French or German, from the brief's own words in that language.

The English copywriter's templates are English grammar; for other languages a
smaller phrase library per language is filled with what the prompt says (brand,
what it is, what it offers, its call to action) and sized to each scene's words.
Like the English writer it invents nothing: templates hold no figures or names.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from onetake.agent.storyboard import Layout, Scene, SceneRole, Storyboard
from onetake.brief.models import Brief, Orientation

from . import budget as B
from .cue_models import Cues
from .lexicon import PRODUCTION_RE
from onetake.agent.reading.palette import accent_colours, build_palette
from .text import count_words

_NAME = r"((?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*)(?:\s+(?:&\s+|de\s+|du\s+|la\s+|le\s+)?[A-ZÀ-ÖØ-Þ0-9][\w'’&.-]*){0,3})"
_URL_RE = re.compile(r"(?<![@\w.])(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?:/[^\s,;)]*)?(?![\w])")


@dataclass(frozen=True)
class Phrases:
    brand_re: str  # the word before a brand: "para", "pour", "für"
    possessive_re: str  # "nuestra", "notre", "unsere": before a noun that a brand name then follows ("nuestra panadería, Pan & Sol,")
    with_re: str  # "con", "avec", "mit": what the place offers follows
    and_re: str
    instruction: tuple[str, ...]  # first words of a sentence addressed to the video maker
    units: str  # duration units
    minute_units: str
    hook_open: tuple[str, ...]
    hook_brand: tuple[str, ...]  # {brand}
    describe: tuple[str, ...]  # {brand}, {description}
    offers: tuple[str, ...]  # {brand}, {features}
    pads: tuple[str, ...]
    cta: tuple[str, ...]  # {url}
    closers: tuple[str, ...]
    headline_offers: str
    headline_cta: str


PHRASES: dict[str, Phrases] = {
    "es": Phrases(
        brand_re=r"\b(?:para|sobre|llamad[oa])\s+", possessive_re=r"nuestr[oa]s?|mis?", with_re=r"\s+con\s+", and_re=r"\s+(?:y|e)\s+",
        instruction=("crea", "haz", "usa", "incluye", "muestra", "termina", "empieza", "abre", "cierra", "genera",
                     "quiero", "necesito", "añade", "mantén", "utiliza"),
        units=r"segundos?|seg\b", minute_units=r"minutos?",
        hook_open=("¡Hola! Qué bueno tenerte aquí.", "Bienvenidos.", "Hola a todos."),
        hook_brand=("Te presento {brand}.", "Esto es {brand}.", "Hoy te presento {brand}."),
        describe=("{brand} es {description}.", "{brand}: {description}."),
        offers=("En {brand} te esperan {features}.", "Descubre {features}.", "{brand} te ofrece {features}."),
        pads=("Cada detalle está pensado para ti.", "Te va a encantar.", "Es el lugar perfecto para empezar.",
              "Y esto es solo el principio.", "Vale la pena verlo de cerca.", "Está hecho para disfrutarlo.",
              "Ven y compruébalo tú mismo.", "Aquí siempre hay algo nuevo por descubrir."),
        cta=("Visita {url}.", "Encuéntranos en {url}."),
        closers=("¡Te esperamos!", "Nos vemos pronto.", "¡No te lo pierdas!"),
        headline_offers="Lo que te espera", headline_cta="Te esperamos",
    ),
    "fr": Phrases(
        brand_re=r"\b(?:pour|sur|appelée?|nommée?)\s+", possessive_re=r"notre|nos|mon|ma", with_re=r"\s+avec\s+", and_re=r"\s+et\s+",
        instruction=("créez", "créer", "crée", "faites", "fais", "utilisez", "incluez", "montrez", "terminez",
                     "commencez", "ouvrez", "générez", "je", "ajoutez", "gardez"),
        units=r"secondes?|sec\b", minute_units=r"minutes?",
        hook_open=("Bonjour et bienvenue.", "Bienvenue !", "Ravi de vous voir ici."),
        hook_brand=("Je vous présente {brand}.", "Voici {brand}.", "Découvrez {brand}."),
        describe=("{brand}, c'est {description}.", "{brand} : {description}."),
        offers=("Chez {brand}, vous trouverez {features}.", "Au programme : {features}.",
                "{brand} vous propose {features}."),
        pads=("Chaque détail est pensé pour vous.", "Vous allez adorer.", "C'est le moment idéal pour découvrir.",
              "Et ce n'est que le début.", "Cela vaut le détour.", "Tout est fait pour vous faire plaisir.",
              "Venez voir par vous-même.", "Il y a toujours quelque chose de nouveau à découvrir."),
        cta=("Rendez-vous sur {url}.", "Retrouvez-nous sur {url}."),
        closers=("À très bientôt !", "Nous avons hâte de vous accueillir.", "On vous attend !"),
        headline_offers="Au programme", headline_cta="À bientôt",
    ),
    "de": Phrases(
        brand_re=r"\b(?:für|über|namens)\s+", possessive_re=r"unser(?:e[nmrs]?)?|mein(?:e[nmrs]?)?", with_re=r"\s+mit\s+", and_re=r"\s+und\s+",
        instruction=("erstelle", "erstellen", "erstellt", "mache", "mach", "macht", "nutze", "verwende", "zeige",
                     "zeig", "beende", "beginne", "öffne", "füge", "ich", "wir", "halte"),
        units=r"sekunden|sek\b", minute_units=r"minuten?",
        hook_open=("Hallo und herzlich willkommen.", "Schön, dass du da bist.", "Willkommen!"),
        hook_brand=("Darf ich vorstellen: {brand}.", "Das ist {brand}.", "Heute stelle ich dir {brand} vor."),
        describe=("{brand} ist {description}.", "{brand}: {description}."),
        offers=("{brand} überzeugt mit {features}.", "Freu dich auf {brand} mit {features}."),
        pads=("Jedes Detail ist für dich gemacht.", "Du wirst es lieben.", "Es lohnt sich, genauer hinzusehen.",
              "Und das ist erst der Anfang.", "Hier gibt es immer etwas Neues zu entdecken.",
              "Überzeug dich selbst.", "Genau das Richtige für dich."),
        cta=("Mehr auf {url}.", "Besuch uns auf {url}."),
        closers=("Wir freuen uns auf dich!", "Bis bald!", "Wir sehen uns!"),
        headline_offers="Das erwartet dich", headline_cta="Bis bald",
    ),
}


_QUOTED_RE = re.compile(r'"[^"\n]{1,1200}"')  # quoted lines are said as written, never mined for facts


@dataclass
class LocalCues:
    language: str
    scripts: list[str] = field(default_factory=list)  # quoted lines to say word for word
    brand: str | None = None
    description: str | None = None
    features: list[str] = field(default_factory=list)
    features_text: str | None = None
    facts: list[str] = field(default_factory=list)
    cta: str | None = None  # the prompt's own call-to-action sentence
    url: str | None = None
    duration: float | None = None


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ¿¡])", line) if s.strip()]
    return out


def read_cues(text: str, language: str) -> LocalCues:
    ph = PHRASES[language]
    cues = LocalCues(language)
    m = re.search(rf"(\d+(?:[.,]\d+)?)\s*[- ]?(?i:({ph.units})|({ph.minute_units}))", text)
    if m:
        value = float(m.group(1).replace(",", "."))
        cues.duration = value * 60 if m.group(3) else value
    for sent in _sentences(text):
        url = _URL_RE.search(sent)
        if url:
            cues.url = cues.url or url.group(0)
            clause = next(c for c in re.split(r"[:;]\s*", sent) if url.group(0) in c)  # not "Lee este guion:"
            cues.cta = cues.cta or re.sub(r"\s+", " ", clause).strip().rstrip(".!") + "."
            continue
        first = re.match(r"[^\W\d_]+", sent)
        lead = first.group(0).lower() if first else ""
        if cues.brand is None:
            am = re.search(rf"\b((?:{ph.possessive_re})\s+(?:[\w-]+\s+){{0,2}}[\w-]+),\s+{_NAME}(?=\s*[,.;:!?]|$)", sent)
            if am:  # "para nuestra panadería, Pan & Sol, en Sevilla": the brand, and what it is and where
                cues.brand = am.group(2)
                rest = re.match(r"\s*,\s*([^.!?]+)", sent[am.end():])
                cues.description = am.group(1) + (" " + rest.group(1).strip(" ,") if rest else "")
                continue
            bm = re.search(ph.brand_re + _NAME, sent)
            if bm:
                cues.brand = bm.group(1).rstrip(".,")
                rest = sent[bm.end():]
                dm = re.match(r"\s*,\s*([^.!?]+)", rest)
                if dm:
                    desc = dm.group(1)
                    parts = re.split(ph.with_re, desc, maxsplit=1)
                    cues.description = parts[0].strip(" ,")
                    if len(parts) > 1:
                        cues.features_text = parts[1].strip(" ,.")
                        cues.features = [f.strip() for f in re.split(rf",\s*|{ph.and_re}", cues.features_text) if f.strip()]
                continue
        if lead in ph.instruction or _directions(sent) or not 3 <= count_words(sent) <= 30:  # 3: "Sauerteigbrot und Brezeln."
            continue
        cues.facts.append(sent if sent[-1] in ".!?" else sent + ".")
    return cues


def _directions(sent: str) -> bool:
    """Production directions, by the English list: its "pan" (the camera move) is bread in Spanish ("pan de masa madre")."""
    return any(m.group(0).lower() != "pan" for m in PRODUCTION_RE.finditer(sent))


def _pick(options: tuple[str, ...], seed: int, key: str) -> list[str]:
    k = int.from_bytes(hashlib.blake2b(f"{seed}|{key}".encode(), digest_size=4).digest(), "big") % len(options)
    return list(options[k:] + options[:k])


@dataclass
class LocalScene:
    role: str  # hook | presenter | cta
    lines: list[str]  # essential lines
    headline: str
    bullets: list[str] = field(default_factory=list)


def scenes(cues: LocalCues, n: int, seed: int) -> list[LocalScene]:
    """The scene list: hook, what it offers, the brief's own sentences, call to action."""
    ph = PHRASES[cues.language]
    brand = cues.brand
    hook = [_pick(ph.hook_open, seed, "open")[0]]
    if brand and cues.description:
        hook.append(_pick(ph.describe, seed, "desc")[0].format(brand=brand, description=cues.description))
    elif brand:
        hook.append(_pick(ph.hook_brand, seed, "brand")[0].format(brand=brand))
    out = [LocalScene("hook", hook, brand or "")]
    body: list[LocalScene] = []
    if cues.features_text:
        line = _pick(ph.offers, seed, "offers")[0].format(brand=brand or "", features=cues.features_text)
        body.append(LocalScene("presenter", [line], ph.headline_offers, bullets=cues.features[:6]))
    for k, fact in enumerate(cues.facts):
        if len(body) < max(1, n - 2):
            body.append(LocalScene("presenter", [fact], brand or ""))
        else:
            body[k % len(body)].lines.append(fact)
    if cues.scripts:  # a script given word for word is the body of the video
        body = [LocalScene("presenter", [line], brand or "") for line in cues.scripts][: max(1, n - 2)] or body
        body[-1].lines += cues.scripts[len(body):]
    if not body:
        body.append(LocalScene("presenter", [], brand or ""))
    out += body
    cta = cues.cta or (_pick(ph.cta, seed, "cta")[0].format(url=cues.url) if cues.url else None)
    out.append(LocalScene("cta", [cta] if cta else [], cues.url or ph.headline_cta))
    return out


def fill(scene: LocalScene, words: int, seed: int, key: str, language: str, used: set[str]) -> str:
    """The scene's essential lines, then pads and closers (each said once a video) up to `words`."""
    ph = PHRASES[language]
    lines = list(scene.lines)
    pool = _pick(ph.closers, seed, key + "c") if scene.role == "cta" else []
    pool += _pick(ph.pads, seed, key + "p")
    for line in pool:
        have = sum(count_words(x) for x in lines)
        if have >= 0.95 * words:
            break
        if line in used or have + count_words(line) > words + 1:  # short beats long: the clock can stretch, not shrink
            continue
        used.add(line)
        lines.append(line)
    lines.sort(key=lambda x: x in ph.closers)  # sign-offs last (stable: the rest keep their order)
    return " ".join(lines) if lines else _pick(ph.pads, seed, key)[0]


def plan_scenes(cues: LocalCues, n: int, seed: int, budgets_for: Callable[..., list[float]],
                wps: float) -> list[tuple[LocalScene, str]]:
    """Scenes with their narration; `budgets_for(roles)` gives each scene's seconds."""
    specs = scenes(cues, n, seed)
    budgets = budgets_for([s.role for s in specs], [count_words(" ".join(s.lines)) / wps + 0.4 for s in specs])
    used: set[str] = set()
    return [(sp, fill(sp, max(3, round(b * wps)), seed, f"{i}", cues.language, used)) for i, (sp, b) in enumerate(zip(specs, budgets))]


def plan_localized(brief: Brief, wps: float, english_cues: Cues, language: str,
                   frame: tuple[Orientation, int, int]) -> Storyboard:
    """Brief -> Storyboard with narration in `language` (es, fr, de). `english_cues` gives what
    reads the same in any language: orientation, colours, quoted lines, the presenter's description."""
    cues = read_cues(_QUOTED_RE.sub(" ", english_cues.text), language)
    cues.scripts = [q.text if q.text.rstrip()[-1:] in ".!?…" else q.text + "." for q in english_cues.scripts()]
    target, requested = B.target_duration(brief, cues.duration, 1 + len(cues.features) / 3 + len(cues.facts) / 2)
    n = B.comfortable_scenes(target)
    if target <= B.SHORT_VIDEO_S:
        wps *= B.SHORT_VIDEO_HEADROOM  # as for English: a few seconds cannot absorb a slow read

    def budgets_for(roles: list[str], minimums: list[float] | None = None) -> list[float]:
        weights = [B.ROLE_WEIGHTS[SceneRole(r)] for r in roles]
        return B.allocate(weights, minimums or [0.0] * len(roles), target)

    written = plan_scenes(cues, n, brief.seed, budgets_for, wps)
    if B.max_scenes(target) < len(written):  # a very short video: the opening and the call to action
        hook, body, cta = written[0][0], [sp for sp, _ in written[1:-1]], written[-1][0]
        if body and body[0].lines:  # what the brief offers matters more than a greeting
            say = [ln for ln in hook.lines[1:]] + body[0].lines[:1]
            room = (target - B.GAP_S * 2) * wps
            if count_words(" ".join(say + cta.lines)) > room:
                say = body[0].lines[:1]  # it names the brand too
            hook = LocalScene("hook", say, hook.headline, bullets=body[0].bullets)
        written = [(hook, ""), (cta, "")] if B.max_scenes(target) >= 2 else [(cta, "")]
        budgets = budgets_for([sp.role for sp, _ in written], [count_words(" ".join(sp.lines)) / wps + 0.4 for sp, _ in written])
        used: set[str] = set()
        written = [(sp, fill(sp, max(3, round(b * wps)), brief.seed, f"s{i}", language, used))
                   for i, ((sp, _), b) in enumerate(zip(written, budgets))]
    budgets = B.rebalance([count_words(t) for _, t in written], budgets_for([sp.role for sp, _ in written]), target, wps)
    layouts = {"hook": Layout.presenter_full, "presenter": Layout.presenter_panel, "cta": Layout.end_card}
    scene_list = [
        Scene(id=f"scene-{i + 1:02d}", role=SceneRole(sp.role), layout=Layout.bullets if sp.bullets else layouts[sp.role],
              narration=text, on_screen_text=sp.headline, bullets=sp.bullets, duration_budget=max(0.5, budgets[i]))
        for i, (sp, text) in enumerate(written)
    ]
    orientation, width, height = frame
    return Storyboard(
        title=cues.brand or (cues.description or "Video")[:60], brand=cues.brand, target_duration=target,
        duration_requested=requested, orientation=orientation, width=width, height=height,
        palette=build_palette(english_cues.colours, english_cues.colour_mode, accent_colours(english_cues.text)), palette_from_brief=bool(english_cues.colours),
        style_id=brief.style_id or "studio", cta=written[-1][1].split(". ")[0] if scene_list[-1].role is SceneRole.cta else None,
        avatar_hint=english_cues.presenter.hint, presenter_photo_requested=english_cues.avatar_image,
        language=language, scenes=scene_list,
    )
