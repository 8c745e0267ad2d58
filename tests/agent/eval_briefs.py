"""The planner's evaluation set: varied briefs, each with the properties its storyboard must have.

Used by tests/agent/test_eval_briefs.py (every brief must pass) and by
bench/eval_planner.py (`make eval-planner`: the table of checks and quality figures).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from onetake.agent.planner import plan
from onetake.agent.planner import checks as C
from onetake.agent.planner.budget import GAP_S
from onetake.agent.planner.cues import extract
from onetake.agent.storyboard import SceneRole, Storyboard
from onetake.brief.documents import Document, read_documents
from onetake.brief.intake import sniff_file
from onetake.brief.models import Brief, Orientation

from .pdfs import write_pdf

WPS = 2.97  # the default voices' measured rate (voice/catalogue)

CHECKS = ("duration", "order", "brand", "cta_last", "bullets", "quotes", "must_say", "numbers", "directions",
          "language", "orientation", "repetition")


@dataclass
class Case:
    name: str
    prompt: str
    kind: str  # short, long, numbered, verbatim, non-English, document, stats, no-duration, portrait, ...
    duration: float | None = None  # the target the storyboard must carry
    duration_range: tuple[float, float] | None = None  # when the brief gives none
    roles: list[str] | None = None  # exact scene order
    first_last: tuple[str, str] | None = None
    brand: str | None = None
    cta_url: str | None = None  # the CTA scene (last) says this
    cta_last: bool = False
    bullets: list[str] = field(default_factory=list)  # shown as bullets (case-insensitive substrings)
    quotes: list[str] = field(default_factory=list)  # said verbatim
    must_say: list[str] = field(default_factory=list)  # facts the narration keeps (case-insensitive)
    language: str = "en"
    orientation: Orientation = Orientation.landscape
    files: list[tuple[str, object]] = field(default_factory=list)  # (name, pdf pages | text)
    palette: dict[str, str] = field(default_factory=dict)  # palette role -> colour family it must be in


LONG_BRIEF = (
    "Create a 60-second brand film for Tidewater Kayak Co., a family-run kayak outfitter on the Outer Banks. "
    "Tone: adventurous but calm, never salesy. Visual style: cinematic drone shots, golden-hour light, soft "
    "cross-fades, teal and sand palette with coral accents. The presenter is a woman in her thirties in a "
    "rash guard, relaxed and friendly. Structure: 1) Open on the presenter at the dock welcoming viewers to "
    "Tidewater Kayak Co. 2) B-roll of paddlers gliding through salt marsh channels at sunrise. 3) Explain the "
    "guided tours: sunrise paddles, dolphin watch trips and full-moon evening tours. 4) A guest quote on "
    "screen: \"The quietest two hours of my whole summer.\" 5) Mention that every guide is ACA certified and "
    "that tours run from April to October. 6) Close with the call to action \"Book your paddle at "
    "tidewaterkayak.com\". Keep text on screen minimal, use lower thirds for the guide's name, and avoid "
    "stock-music cliches. Family-run since 1998, the company has taken 40,000 guests onto the water."
)

SCRIPT = ("Hi, I'm Dana from Northwind Bank. Starting Monday, you can open an account in five minutes from "
          "your phone. No paperwork, no waiting in line. Download the Northwind app today.")

CASES: list[Case] = [
    Case("one-liner app", "Make a video about our app.", "short", duration_range=(20, 60), cta_last=False),
    Case("walkthrough", "Create a 30-second product walkthrough for a new project management app", "short",
         duration=30, must_say=["project management app"]),
    Case("weather", "A weather reporter in front of a sunny city skyline introducing today's forecast.", "no-duration",
         duration_range=(15, 60), must_say=["forecast"]),
    Case("CTO announcement",
         "Create a 20-second professional product announcement video from a CTO introducing a new AI video platform "
         "to prospective customers. Modern office backdrop, warm professional lighting, confident tone, medium shot, "
         "minimal graphics. End with call-to-action.", "short", duration=20, cta_last=True, must_say=["AI video platform"]),
    Case("Bloom Yoga", "Create a 30-second video introducing Bloom Yoga, a neighbourhood studio with morning flow, "
         "prenatal classes and a sauna. Sage green and cream. Book at bloomyoga.studio", "short", duration=30,
         brand="Bloom Yoga", cta_url="bloomyoga.studio", must_say=["morning flow", "prenatal classes", "sauna"],
         palette={"primary": "green"}),
    Case("6 s teaser", "A 6-second teaser for PulseKey, the keyboard that tracks your typing health. Visit pulsekey.io",
         "short", duration=6, brand="PulseKey", cta_url="pulsekey.io"),
    Case("8 s promo", "An 8-second promo for Crumb, a neighbourhood bakery. Order online at crumb.shop", "short",
         duration=8, brand="Crumb", cta_url="crumb.shop"),
    Case("numbered scenes",
         "Create a 45-second video for Orbit Notes. Scenes: 1) Hook: a messy desk covered in sticky notes. "
         "2) Introduce Orbit Notes, the note app that links ideas automatically. 3) Bullet points for offline sync, "
         "shared boards and AI search. 4) End with a call to action: try it free at orbitnotes.app", "numbered",
         duration=45, brand="Orbit Notes", cta_url="orbitnotes.app", first_last=("hook", "cta"),
         bullets=["offline sync", "shared boards", "AI search"]),
    Case("open-then-end",
         "A 30-second video for Fern & Fig, a plant shop in Austin. Open with a welcome from the shop, then show "
         "the rare plant wall, then explain free repotting with every plant, and end with an invitation to visit "
         "fernandfig.com", "structure", duration=30, brand="Fern & Fig", cta_url="fernandfig.com",
         first_last=("hook", "cta"), must_say=["repotting"]),
    Case("verbatim script", f'A 20-second video. Read this script word for word: "{SCRIPT}"', "verbatim",
         duration=20, quotes=[SCRIPT]),
    Case("testimonial quote",
         'A 30-second video for GreenRow, a farm planning tool. Include the quote "It changed how we plan every '
         'season" from Maria, a grower in Fresno. Visit greenrow.farm', "quote", duration=30, brand="GreenRow",
         quotes=["It changed how we plan every season"], cta_url="greenrow.farm"),
    Case("stats-heavy",
         "A 40-second video for Harbor Health. Harbor Health runs 14 clinics across Maine. Our 230 staff saw "
         "61,000 patients last year. 98% of patients would recommend us. Founded in 2009. Book at harborhealth.org",
         "stats", duration=40, brand="Harbor Health", cta_url="harborhealth.org",
         must_say=["14 clinics", "61,000 patients", "98%"]),
    Case("flash sale", "A 15-second urgent ad: Flash sale at Boot Barn Outlet, 40% off all boots until Sunday. "
         "Shop at bootbarnoutlet.shop", "short", duration=15, cta_url="bootbarnoutlet.shop", must_say=["40%"]),
    Case("portrait tiktok", "A vertical TikTok for our coffee shop Bean There. Fresh beans daily, oat milk on tap "
         "and a quiet back room. Visit beanthere.cafe", "portrait", duration_range=(15, 60),
         orientation=Orientation.portrait, brand="Bean There", cta_url="beanthere.cafe"),
    Case("instagram reel 9:16", "15-second Instagram reel, 9:16, for Volt Bikes: the e-bike that folds in ten seconds. "
         "Test ride at voltbikes.co", "portrait", duration=15, orientation=Orientation.portrait, brand="Volt Bikes",
         cta_url="voltbikes.co"),
    Case("academic", "A 45-second academic explainer on photosynthesis for high school students: how leaves turn "
         "light, water and carbon dioxide into sugar and oxygen.", "no-duration", duration=45,
         must_say=["photosynthesis"]),
    Case("event with date", "A 30-second invitation to TechNight 2026, on March 14 at 7 pm at Riverside Hall. "
         "Talks, demos and free pizza. Register at technight.dev", "stats", duration=30, brand="TechNight",
         cta_url="technight.dev", must_say=["March 14"]),
    Case("luxury atelier", "A 30-second luxurious film for Maison Aurel, a jewellery atelier in Lyon. Brass accents "
         "on deep navy. Hand-set sapphires, recycled gold, one-of-a-kind rings. Book a private fitting at "
         "maisonaurel.fr", "short", duration=30, brand="Maison Aurel", cta_url="maisonaurel.fr",
         palette={"accent": "brass", "background": "navy"}),
    Case("CEO recruiting", "A 45-second recruiting video from Sarah Kim, our CEO, for Lumen Labs. We build "
         "battery software for electric buses. We are hiring engineers in Berlin and Toronto. Apply at "
         "lumenlabs.io/careers", "people", duration=45, brand="Lumen Labs", cta_url="lumenlabs.io/careers",
         must_say=["Berlin", "Toronto"]),
    Case("long creative brief", LONG_BRIEF, "long", duration=60, brand="Tidewater Kayak Co.",
         cta_url="tidewaterkayak.com", first_last=("hook", "cta"),
         quotes=["The quietest two hours of my whole summer."]),
    Case("two-minute explainer", "A 2-minute explainer for Ledgerly, bookkeeping software for freelancers. It "
         "sorts receipts automatically, sends invoices, and estimates quarterly taxes. Start free at ledgerly.com",
         "long", duration=120, brand="Ledgerly", cta_url="ledgerly.com"),
    Case("thin 60 s", "A one-minute video about Pebble Post, a postcard printing service.", "short", duration=60,
         brand="Pebble Post"),
    Case("spanish", "Crea un video de 30 segundos para Café Luna, una cafetería en Sevilla con café de "
         "especialidad, pasteles caseros y terraza. Visítanos en cafeluna.es", "non-English", duration=30,
         brand="Café Luna", cta_url="cafeluna.es", language="es"),
    Case("french", "Créez une vidéo de 30 secondes pour Atelier Sève, une boutique de fleurs à Lyon, avec des "
         "bouquets de saison, des ateliers floraux et la livraison le jour même. Réservez sur ateliersive.fr",
         "non-English", duration=30, brand="Atelier Sève", cta_url="ateliersive.fr", language="fr"),
    Case("german", "Erstelle ein 30-Sekunden-Video für Bergwerk Fitness, ein Fitnessstudio in München mit "
         "Kletterwand, Sauna und Kursen am Morgen. Jetzt anmelden auf bergwerk.de", "non-English", duration=30,
         brand="Bergwerk Fitness", cta_url="bergwerk.de", language="de"),
    Case("spanish verbatim", 'Crea un video de 20 segundos para Banco Norte. Lee este guion palabra por palabra: "Hola, soy '
         'Dana de Banco Norte. Desde el lunes puedes abrir tu cuenta en cinco minutos desde tu móvil. Sin papeles y sin '
         'colas." Descarga la app en banconorte.es', "non-English", duration=20, brand="Banco Norte",
         cta_url="banconorte.es", language="es",
         quotes=["Hola, soy Dana de Banco Norte. Desde el lunes puedes abrir tu cuenta en cinco minutos desde tu móvil. "
                 "Sin papeles y sin colas."]),
    Case("pdf report", "Summarise the attached annual report in a 30-second video for Harbor Coffee. "
         "Visit harborcoffee.com", "document", duration=30, brand="Harbor Coffee", cta_url="harborcoffee.com",
         must_say=["42 percent", "12 new cafes"],
         files=[("report.pdf", [["Harbor Coffee Annual Report 2025", "Revenue grew 42 percent to 3.1 million dollars,",
                                 "and we opened 12 new cafes in Oregon."],
                                ["Our baristas served 870,000 cups this year.",
                                 "Every bean is roasted in Portland within 48 hours."]])]),
    Case("markdown notes", "A 30-second video for Skylark Tutoring from the attached notes. Sign up at skylark.study",
         "document", duration=30, brand="Skylark Tutoring", cta_url="skylark.study", must_say=["1,200 students"],
         files=[("notes.md", "# Skylark Tutoring\n\n- **Skylark Tutoring** has helped 1,200 students pass their "
                             "maths exams.\n- Every tutor holds a teaching degree.\n\n## Prices\n\nSessions are "
                             "held online in small groups of four.\n")]),
    Case("bullet lines", "A 30-second video for Quill, a writing app.\n- Distraction-free editor\n- Version history\n"
         "- Export to PDF and EPUB\nTry Quill at quill.ink", "bullets", duration=30, brand="Quill",
         cta_url="quill.ink", bullets=["Distraction-free editor", "Version history"]),
]


def _examples() -> list[Case]:
    """The real user prompts of shared/examples/prompts.json, with what each asks for."""
    from tests.examples import example_prompts

    asks = {
        "CTO product announcement": dict(duration=20, cta_last=True, must_say=["AI video platform"]),
        "Product walkthrough": dict(duration=30, must_say=["project management app"]),
        "Weather reporter": dict(duration_range=(15, 60), must_say=["forecast"]),
        "Origami Space Museum Explainer": dict(duration=45, brand="Origami Space Museum", first_last=("hook", "cta"),
                                               palette={"primary": "other"}),
        "Midnight Vinyl Listening Lounge": dict(duration=45, brand="Needle & Note", first_last=("hook", "cta"),
                                                palette={"accent": "brass"}),
        "Art Deco Jewelry Atelier": dict(duration=45, first_last=("hook", "cta"), must_say=["private styling appointment"]),
        "Retro Tech Product Showcase": dict(duration=30, brand="PulseKey", cta_last=True),
    }
    return [Case(f"example: {e['name']}"[:40], e["prompt"], "example", **asks.get(e["name"], {})) for e in example_prompts()]


CASES += _examples()


def _files(case: Case, tmp: Path):
    out = []
    for name, body in case.files:
        path = tmp / name
        if isinstance(body, list):
            write_pdf(path, body)
        else:
            path.write_text(str(body), encoding="utf-8")
        out.append(sniff_file(path))
    return tuple(out)


@dataclass
class Result:
    case: Case
    storyboard: Storyboard
    sources: str
    checks: dict[str, str | None]  # check -> None (pass) or why it failed; "n/a" when not asked
    ms: float

    @property
    def passed(self) -> bool:
        return all(v in (None, "n/a") for v in self.checks.values())


def _colour_family(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    mx, mn = max(r, g, b), min(r, g, b)
    if mx < 90 and b >= r and b > g * 0.9 and b - r > 10:
        return "navy"
    if r >= g >= b and r - b > 40 and mx > 110 and (mx - mn) < 160 and g > 70:
        return "brass"
    if g >= r and g >= b:
        return "green"
    return "other"


def voice_rate(language: str, default: float = WPS) -> float:
    """Words per second of the voices that speak `language` (the pipeline plans at the cast voice's rate)."""
    from onetake.voice.catalogue import list_voices

    if language == "en":
        return default
    rates = [v.words_per_second for v in list_voices() if v.language.lower().startswith(language)]
    return sum(rates) / len(rates) if rates else default


def run_case(case: Case, wps: float = WPS) -> Result:
    import time

    wps = voice_rate(case.language, wps)

    with tempfile.TemporaryDirectory() as tmp:
        files = _files(case, Path(tmp))
        brief = Brief(prompt=case.prompt, files=files)
        docs: list[Document] = read_documents(files)
        t0 = time.perf_counter()
        sb = plan(brief, wps, documents=docs)
        ms = (time.perf_counter() - t0) * 1000
    sources = "\n".join([case.prompt] + [d.text for d in docs])
    return Result(case, sb, sources, evaluate(case, sb, sources, wps), ms)


def evaluate(case: Case, sb: Storyboard, sources: str, wps: float = WPS) -> dict[str, str | None]:
    text = C.narration_of(sb)
    low = text.lower()
    shown = " ".join([s.on_screen_text for s in sb.scenes] + [b for s in sb.scenes for b in s.bullets] + [sb.title]).lower()
    roles = [s.role.value for s in sb.scenes]
    out: dict[str, str | None] = {}

    # duration: the target asked, budgets adding up to it, and words to fill it at the voice's pace
    why = []
    if case.duration is not None and abs(sb.target_duration - case.duration) > 0.01:
        why.append(f"target {sb.target_duration} != {case.duration}")
    if case.duration_range and not case.duration_range[0] <= sb.target_duration <= case.duration_range[1]:
        why.append(f"target {sb.target_duration} outside {case.duration_range}")
    # the speech clock: words at the voice's pace plus a pause per scene; the timeline may stretch
    # pauses (0.12 s a cut, 0.25 s a sentence) and hold the end card (2.5 s), never more
    n = len(sb.scenes)
    spoken = len(C.words(text)) / wps + GAP_S * n
    stretch = 0.12 * (n - 1) + 0.25 * len(re.findall(r"[.!?](?:\s|$)", text)) + 2.5
    if spoken > 1.08 * sb.target_duration:  # the timeline speeds speech up by up to 12 % (timeline/placement.py)
        why.append(f"{spoken:.1f} s of speech for {sb.target_duration:.0f} s")
    elif spoken + stretch < 0.95 * sb.target_duration:
        why.append(f"only {spoken:.1f} s of speech (+{stretch:.1f} s of stretch) for {sb.target_duration:.0f} s")
    out["duration"] = "; ".join(why) or None

    if case.roles:
        out["order"] = None if roles == case.roles else f"{roles}"
    elif case.first_last:
        out["order"] = None if (roles[0], roles[-1]) == case.first_last else f"{roles}"
    else:
        out["order"] = "n/a"
    out["brand"] = "n/a" if not case.brand else (None if case.brand.lower() in low or case.brand.lower() in shown
                                                 else f"{case.brand!r} not said or shown")
    if case.cta_url or case.cta_last:
        last = sb.scenes[-1]
        if last.role is not SceneRole.cta:
            out["cta_last"] = f"last scene is {last.role.value}"
        elif case.cta_url and case.cta_url.lower() not in last.narration.lower():
            out["cta_last"] = f"{case.cta_url} not in {last.narration!r}"
        else:
            out["cta_last"] = None
    else:
        out["cta_last"] = "n/a"
    all_bullets = [b.lower() for s in sb.scenes for b in s.bullets]
    missing = [b for b in case.bullets if not any(b.lower() in x for x in all_bullets)]
    out["bullets"] = "n/a" if not case.bullets else (f"missing {missing} in {all_bullets}" if missing else None)
    missing = [q for q in case.quotes if q not in text]
    out["quotes"] = "n/a" if not case.quotes else (f"not verbatim: {missing}" if missing else None)
    missing = [m for m in case.must_say if m.lower() not in low]
    out["must_say"] = "n/a" if not case.must_say else (f"missing {missing}" if missing else None)
    bad = C.invented_numbers(text, sources)
    out["numbers"] = f"invented {bad}" if bad else None
    bad = C.direction_words(text)
    out["directions"] = f"reads aloud {bad}" if bad else None
    got = getattr(sb, "language", "en")
    out["language"] = None if got == case.language else f"language {got}"
    why = [] if sb.orientation is case.orientation else [f"orientation {sb.orientation.value}"]
    for role, family in case.palette.items():
        if _colour_family(getattr(sb.palette, role)) != family:
            why.append(f"palette {role} {getattr(sb.palette, role)} is not {family}")
    out["orientation"] = "; ".join(why) or None
    dup = C.repeated_sentences(text)
    out["repetition"] = f"repeats {dup}" if dup else None
    return out


def facts_used(result: Result) -> tuple[int, int]:
    """(used, total) of the brief's facts: figures, URLs, features, quotes and sayable sentences."""
    sb, case = result.storyboard, result.case
    text = C.narration_of(sb)
    low = (text + " " + " ".join(s.on_screen_text + " " + " ".join(s.bullets) for s in sb.scenes)).lower()
    cues = extract(case.prompt)
    facts: list[tuple[str, str]] = []
    skip = {str(int(sb.target_duration))} | {"9", "16"}
    markers = set(re.findall(r"(?:^|\s)(\d{1,2})[.)]\s", result.sources))  # "1) ... 2) ..." are list marks, not facts
    facts += [("num", n) for n in sorted(C.numbers_in(result.sources)) if n not in skip | markers]
    facts += [("str", u) for u in re.findall(r"\b[\w-]+(?:\.[\w-]+)+(?:/[\w/-]+)?", cues.text) if re.search(r"\.[a-z]{2,}", u)]
    facts += [("str", f) for f in cues.features]
    facts += [("str", q.text) for q in cues.quotes if q.kind == "script"]
    facts += [("sent", f) for f in cues.facts]
    said_numbers = C.numbers_in(text)
    used = 0
    for kind, f in facts:
        if kind == "num":
            used += f in said_numbers
        elif kind == "str":
            used += f.lower() in low
        else:
            content = [w for w in C.words(f) if len(w) > 3]
            used += bool(content) and sum(w in low for w in content) / len(content) >= 0.6
    return used, len(facts)
