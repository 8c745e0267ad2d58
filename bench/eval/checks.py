"""The evaluation checks, independent of the planner's own code: each takes plain data and says what is wrong.

A storyboard here is its JSON form (`Storyboard.model_dump(mode="json")`): scenes with role, narration,
on_screen_text, bullets, visual_query, media, duration_budget. `gold` is one brief of bench/eval/briefs.py.
`source` is everything the user gave: the prompt plus the text of the attached documents.

Text is compared normalised: case-folded, accents removed, typographic quotes and dashes made plain,
whitespace collapsed, "1,200" -> "1200" (and "1.200" in languages that write it so), and
"30 percent" / "por ciento" / "pour cent" / "Prozent" / "por cento" / "per cento" -> "30%".

The checks (each returns a list of problems; empty means pass):
- duration:  the storyboard's target lies in the gold range; the narration's estimated spoken length at the cast
             voice's pace is at most 5% over the target (no overflow); and the planned video (that speech, each
             scene's held pictures under music, and half a second of gaps per scene plus 0.7 s at the end) is
             within 5% of the target. How much of it is spoken is reported, not checked: "speech share" (the brief
             asks that time left over go to visual beats, never dead air). The estimate:
             English: characters / (words_per_second x 5.77 characters per word), the calibration of voice/pace.py;
             Chinese: Han characters / the voice's rate (the catalogue measures zh voices in characters);
             other languages: words / words_per_second.
- orientation, language: equal to gold; the language also requires that the narration reads as that language
             (for zh at least 30% Han characters; otherwise its function words are more of gold's language than of
             any other of en, es, fr, de, pt, it) and that the cast voice speaks it.
- brand:     one spelling of the brand is said in the narration.
- cta:       one form of the call to action is in the last scene (narration or on-screen text).
- items:     every gold item and figure is said or shown (narration, on-screen text or bullets of any scene);
             every "said" item is in the narration.
- scenes:    a numbered or labelled structure ("Scenes: 1) ... 6)") is kept scene for scene: gold's count.
- quotes:    every quote is said verbatim (word for word, punctuation aside), or shown verbatim as a scene's on-screen
             text or bullet with its author named in that scene.
- directions: no gold direction phrase is said (whole-word match in the narration).
- figures:   no invented figure: every number written in digits in the narration occurs in the source (normalised
             as above; "24/7" gives 24 and 7, "9:30" gives 9 and 30, "1st" gives 1).
- gender:    the cast presenter's gender is the described one.
- visuals:   every visual request is served: a variant appears in a scene's visual_query, on-screen text or bullets,
             or ("@N") file N of the brief is in a scene's media.
- greetings: at most one greeting sentence and at most one sign-off sentence.
- grounded:  (a figure, reported per brief and overall) the share of narration sentences that are grounded.
             A sentence is GROUNDED when it carries a piece of the brief: a gold item, figure, quote, the brand or the
             CTA; or a number from the source; or a name from the source (a capitalised word, not at the start of a
             sentence in the narration, that occurs capitalised in the source); or a content-word phrase from the
             source: two content words (not function words, not stock words like "today", "great") that are adjacent
             in the sentence's sequence of content words and adjacent in the source's. For Chinese, a run of three Han
             characters that occurs in the source. A sentence with only function words and stock phrasing is FILLER.
"""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------- normalising

_PERCENT = re.compile(r"(\d)\s*(?:%|percent|per cent|por ciento|pour cent|prozent|por cento|per cento)", re.I)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ", "\uff0c": ",", "\u3002": ".",
                         "\uff1a": ":", "\u300c": '"', "\u300d": '"'})


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)  # thousands separators
    text = re.sub(r"(?<=\d) (?=\d{3}\b(?![.,]\d))", "", text)  # "285 000"
    text = _PERCENT.sub(r"\1%", text)
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w%']+", norm(text))


def contains(haystack: str, needle: str) -> bool:
    """`needle` in `haystack`, normalised, at word boundaries where the needle starts/ends with a word character."""
    h, n = norm(haystack), norm(needle)
    if not n:
        return True
    if _han(n):
        return n in h
    # a gold item in the singular is also said in the plural ("cardamom bun" / "cardamom buns")
    plural = r"(?:e?s)?" if n[-1].isalpha() else ""
    pattern = (r"(?<!\w)" if n[0].isalnum() else "") + re.escape(n) + plural + (r"(?!\w)" if n[-1].isalnum() else "")
    return re.search(pattern, h) is not None


def any_in(haystack: str, variants: list[str]) -> bool:
    return any(contains(haystack, v) for v in variants)


def _han(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


# ---------------------------------------------------------------- storyboard views

def narration(sb: dict) -> str:
    return " ".join(s["narration"] for s in sb["scenes"])


def scene_text(scene: dict, with_narration: bool = True) -> str:
    parts = [scene.get("on_screen_text") or "", *scene.get("bullets", [])]
    lt = scene.get("lower_third") or {}
    parts += [lt.get("name") or "", lt.get("title") or ""]
    if with_narration:
        parts.append(scene["narration"])
    return " \n ".join(parts)


def all_text(sb: dict) -> str:
    return " \n ".join(scene_text(s) for s in sb["scenes"])


def sentences(text: str) -> list[str]:
    # A Western stop ends a sentence only before a space ("crumbandco.uk." is one); a CJK stop needs none.
    parts = re.split(r"(?:(?<=[.!?])\s+|(?<=[。！？])\s*)(?=\S)", text.strip())
    return [p.strip() for p in parts if re.search(r"\w", p)]


# ---------------------------------------------------------------- language

FUNCTION_WORDS = {
    "en": "the a an and or but of to in on at for with from by is are was were be it this that you your we our they their "
          "he she his her its as so if not no do does can will just all more here there what who how when where which "
          "one get got has have had let let's it's you're we're that's there's here's about into out up".split(),
    "es": "el la los las un una unos unas y o pero de del a al en con por para es son era fue ser que se su sus tu tus "
          "nuestro nuestra nuestros te lo le les no si ya muy mas más este esta esto aquí como cuando donde hay ven "
          "todo todos cada".split(),
    "fr": "le la les un une des et ou mais de du au aux en dans avec pour par est sont était être que qui se sa son ses "
          "ton ta tes votre vos notre nos vous nous ne pas plus ce cette ces ici comme quand où il elle on tout tous "
          "chaque c'est".split(),
    "de": "der die das den dem des ein eine einen einem und oder aber von zu im in an auf für mit bei ist sind war "
          "sein dass sich ihr ihre unser unsere sie wir nicht kein mehr dieser diese dieses hier wie wenn wo es auch "
          "jeden jede alle".split(),
    "pt": "o a os as um uma uns umas e ou mas de do da dos das em no na nos nas com por para é são era ser que se seu "
          "sua seus suas você vocês nosso nossa não mais este esta isto aqui como quando onde há todo cada".split(),
    "it": "il lo la i gli le un uno una e o ma di del della dei delle a al alla in nel nella con per è sono era essere "
          "che si suo sua tuo tua vostro nostro nostra non più questo questa qui come quando dove c'è tutto ogni ti vi ci "
          "ed anche".split(),
}
_STOCK = set("""today now new great good best really truly every everything something anything someone everyone thing things way
ways time lot lots little big more most much many make makes made come comes see look take want need like love know find
get go going right well also even still first next last start started ready here there thanks thank watching welcome hello
hi hey day week moment closer part whole kind sure perfect amazing awesome special easy simple better enjoy matter matters
mind people place""".split())
_CONTENT_STOP = set().union(*(set(norm(w) for w in ws) for ws in FUNCTION_WORDS.values())) | _STOCK | {
    "i", "me", "my", "us", "them", "these", "those", "then", "than", "too", "very", "would", "could", "should", "may",
    "might", "must", "shall", "been", "being", "am", "an", "any", "some", "each", "both", "own", "same", "such", "only",
    "while", "because", "until", "after", "before", "over", "under", "again", "once", "why", "yes", "off", "per"}


def detect_language(text: str, prefer: str | None = None) -> str:
    """The language whose function words the text uses most; `prefer` wins a tie, and with fewer than two
    function words in all ("Payload: 350 kg. Range: 60 km.") nothing can be told: "?"."""
    if not text.strip():
        return "?"
    han = sum(_han(c) for c in text)
    if han / max(1, len(re.sub(r"\s", "", text))) >= 0.3:
        return "zh"
    words = _words(text)
    scores = {lang: sum(w in {norm(x) for x in ws} for w in words) for lang, ws in FUNCTION_WORDS.items()}
    best = max(scores.values())
    if best < 2:
        return "?"
    if prefer in scores and scores[prefer] == best:
        return prefer
    return max(scores, key=scores.get)


# ---------------------------------------------------------------- numbers

_NUM = re.compile(r"\d+(?:\.\d+)?")


def numbers(text: str) -> set[str]:
    t = norm(text)
    out = set()
    for m in _NUM.finditer(t):
        v = m.group()
        out.add(v.rstrip("0").rstrip(".") if "." in v else v.lstrip("0") or "0")
    return out


# ---------------------------------------------------------------- the checks

def spoken_seconds(sb: dict, words_per_second: float, language: str) -> float:
    text = narration(sb)
    lang = (language or "en").split("-")[0]
    if lang == "zh":
        return sum(_han(c) for c in text) / words_per_second
    if lang == "en":
        return len(text) / (words_per_second * 5.77)
    return len(text.split()) / words_per_second


def check_duration(sb: dict, gold: dict, words_per_second: float) -> list[str]:
    lo, hi = gold["duration"]
    out = []
    target = sb["target_duration"]
    if not lo - 0.5 <= target <= hi + 0.5:
        out.append(f"target {target:g}s outside {lo:g}-{hi:g}s")
    spoken = spoken_seconds(sb, words_per_second, sb.get("language", "en"))
    if spoken > 1.05 * target:
        out.append(f"narration ~{spoken:.1f}s for a {target:g}s target ({100 * (spoken - target) / target:+.0f}%)")
    planned = planned_seconds(sb, spoken)
    if abs(planned - target) > 0.05 * target:
        out.append(f"planned ~{planned:.1f}s (speech {spoken:.1f}s + holds + gaps) for a {target:g}s target")
    return out


def planned_seconds(sb: dict, spoken: float) -> float:
    return spoken + sum(s.get("hold", 0.0) for s in sb["scenes"]) + 0.5 * len(sb["scenes"]) + 0.7


def speech_share(sb: dict, words_per_second: float) -> float:
    return spoken_seconds(sb, words_per_second, sb.get("language", "en")) / sb["target_duration"]


def check_orientation(sb: dict, gold: dict) -> list[str]:
    got = sb["orientation"]
    return [] if got == gold["orientation"] else [f"{got}, not {gold['orientation']}"]


def check_language(sb: dict, gold: dict, voice_language: str) -> list[str]:
    want = gold["language"]
    out = []
    if (sb.get("language") or "en").split("-")[0] != want:
        out.append(f"storyboard language {sb.get('language')}, not {want}")
    said = detect_language(narration(sb), prefer=want)
    if said not in (want, "?"):
        out.append(f"narration reads as {said}")
    if not voice_language.lower().startswith(want):
        out.append(f"voice speaks {voice_language}")
    return out


def check_brand(sb: dict, gold: dict) -> list[str]:
    if not gold["brand"] or any_in(narration(sb), gold["brand"]):
        return []
    return [f"brand {gold['brand'][0]!r} not said"]


def check_cta(sb: dict, gold: dict) -> list[str]:
    if not gold["cta"]:
        return []
    return [] if any_in(scene_text(sb["scenes"][-1]), gold["cta"]) else [f"CTA {gold['cta'][0]!r} not in the last scene"]


def check_items(sb: dict, gold: dict) -> list[str]:
    text = all_text(sb)
    spoken = narration(sb)
    return ([f"missing {v[0]!r}" for v in gold["items"] if not any_in(text, v)]
            + [f"not said {v[0]!r}" for v in gold.get("said", []) if not any_in(spoken, v)])


def check_scenes(sb: dict, gold: dict) -> list[str]:
    want = gold.get("scenes")
    if want is None or len(sb["scenes"]) == want:
        return []
    return [f"{len(sb['scenes'])} scenes, the brief's structure has {want}"]


def _seq_in(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def check_quotes(sb: dict, gold: dict) -> list[str]:
    out = []
    spoken = _words(narration(sb))
    for quote, author in gold["quotes"]:
        q = _words(quote) if not _han(quote) else list(norm(quote))
        if _seq_in(spoken, q):
            continue
        carded = any(_seq_in(_words(t), q) and (not author or contains(scene_text(s), author))
                     for s in sb["scenes"] for t in [s.get("on_screen_text") or "", *s.get("bullets", [])])
        if not carded:
            out.append(f"quote {quote[:40]!r} not verbatim" + (f" with {author}" if author else ""))
    return out


def check_directions(sb: dict, gold: dict) -> list[str]:
    text = narration(sb)
    return [f"says {d!r}" for d in gold["never"] if contains(text, d)]


def check_figures(sb: dict, source: str) -> list[str]:
    invented = sorted(numbers(narration(sb)) - numbers(source), key=lambda v: (len(v), v))
    return [f"invented {', '.join(invented)}"] if invented else []


def check_gender(gold: dict, presenter_gender: str | None) -> list[str]:
    if not gold["gender"] or presenter_gender == gold["gender"]:
        return []
    return [f"presenter is {presenter_gender}, not {gold['gender']}"]


def check_visuals(sb: dict, gold: dict) -> list[str]:
    out = []
    for variants in gold["visuals"]:
        served = False
        for v in variants:
            if v.startswith("@"):
                served |= any(int(v[1:]) in s.get("media", []) for s in sb["scenes"])
            else:
                served |= any(any_in(" ".join([s.get("visual_query") or "", scene_text(s, with_narration=False)]), [v])
                              for s in sb["scenes"])
        if not served:
            out.append(f"visual {variants[0]!r} not served")
    return out


_GREETING = re.compile(r"^(hi|hello|hey|welcome|good (morning|afternoon|evening)|hola|bienvenid[oa]s?|bonjour|salut|bienvenue|"
                       r"hallo|willkommen|herzlich willkommen|guten tag|ola|bem-vind[oa]s?|ciao|salve|benvenut[oi]|"
                       r"大家好|你好|欢迎)\b", re.I)
_SIGNOFF = re.compile(r"\b(thanks for watching|thank you for watching|see you (soon|there|next time)|bye|goodbye|"
                      r"gracias por ver|nos vemos|hasta pronto|te esperamos|merci|a bientot|à bientôt|bis bald|danke|"
                      r"wir freuen uns|obrigad[oa]|ate breve|até breve|grazie|a presto|ci vediamo)\b|(谢谢|再见|期待)", re.I)  # "Commercial" holds no "merci"


def check_greetings(sb: dict) -> list[str]:
    ss = sentences(narration(sb))
    greet = [s for s in ss if _GREETING.search(norm(s)) or _GREETING.search(s)]
    sign = [s for s in ss if _SIGNOFF.search(norm(s)) or _SIGNOFF.search(s)]
    out = []
    if len(greet) > 1:
        out.append(f"{len(greet)} greetings: {greet[:3]}")
    if len(sign) > 1:
        out.append(f"{len(sign)} sign-offs: {sign[:3]}")
    return out


# ---------------------------------------------------------------- grounding

def _content(text: str) -> list[str]:
    return [w for w in _words(text) if w not in _CONTENT_STOP and not w.isdigit() and len(w) > 1]


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:]))


def _names(source: str) -> set[str]:
    return {norm(w) for w in re.findall(r"\b[A-Z][\w'&-]+", source)} - _CONTENT_STOP


class Grounding:
    """Prepared once per brief: what in the source a narration sentence may carry."""

    def __init__(self, gold: dict, source: str):
        self.gold = gold
        self.pieces = [v for vs in gold["items"] for v in vs] + [q for q, _ in gold["quotes"]]
        self.pieces += (gold["brand"] or []) + (gold["cta"] or [])
        self.numbers = numbers(source)
        self.names = _names(source)
        self.pairs = set()
        for chunk in re.split(r"[\n.;:!?()\"]+", source):
            self.pairs |= _pairs(_content(chunk))
        self.han = {norm(source)[i:i + 3] for i in range(len(norm(source)) - 2)}

    def grounded(self, sentence: str) -> bool:
        if any(contains(sentence, p) for p in self.pieces if len(norm(p)) > 1):
            return True
        if numbers(sentence) & self.numbers:
            return True
        if _han(sentence):
            s = norm(sentence)
            return any(s[i:i + 3] in self.han for i in range(len(s) - 2) if _han(s[i:i + 3]))
        tokens = re.findall(r"[\w'&-]+", sentence)
        if any(t[0].isupper() and norm(t) in self.names for t in tokens[1:]):
            return True
        return bool(_pairs(_content(sentence)) & self.pairs)


def grounded_share(sb: dict, grounding: Grounding) -> tuple[int, int, list[str]]:
    ss = sentences(narration(sb))
    filler = [s for s in ss if not grounding.grounded(s)]
    return len(ss) - len(filler), len(ss), filler
