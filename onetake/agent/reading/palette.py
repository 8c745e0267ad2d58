"""Colours: names and hex codes from the prompt -> Palette roles with readable contrast.

Rules (WCAG 2.x relative luminance):
- text on background >= 4.5:1, muted text on background >= 4.5:1;
- primary on background >= 3:1 (UI elements), accent on background >= 2:1 (distinct);
- dark or light background from the prompt's words ("moody", "night" / "bright",
  "airy"), else from the colours themselves, else dark.
"""

from __future__ import annotations

import re

from onetake.agent.storyboard import Palette
from onetake.draw.colors import chroma, contrast_ratio, ensure_contrast, mix, relative_luminance

# Designer values, not the harshest CSS ones ("navy" is not #000080).
NAMED_COLOURS: dict[str, str] = {
    "black": "#0B0B0C", "jet black": "#0A0A0A", "white": "#FFFFFF", "off-white": "#FAF9F6",
    "off white": "#FAF9F6", "ivory": "#FFFFF0", "cream": "#F4EBD9", "bone": "#E3DAC9",
    "pearl": "#EAE0C8", "champagne": "#F7E7CE", "beige": "#E8DCC4", "sand": "#D8C3A5",
    "tan": "#D2B48C", "khaki": "#C3B091", "taupe": "#8B7D6B", "brown": "#6B4226",
    "walnut": "#5C4033", "chocolate": "#4E2A1E", "espresso": "#3B2418", "mahogany": "#6E2C1E",
    "brass": "#B5A642", "gold": "#D4AF37", "brushed gold": "#C9A86A", "rose gold": "#B76E79",
    "bronze": "#CD7F32", "copper": "#B87333", "silver": "#C0C0C0", "grey": "#808080",
    "gray": "#808080", "charcoal": "#36454F", "slate": "#475569", "graphite": "#383838",
    "navy": "#14213D", "navy blue": "#14213D", "midnight blue": "#191970", "cobalt": "#0047AB",
    "cobalt blue": "#0047AB", "royal blue": "#4169E1", "blue": "#2563EB", "sky blue": "#87CEEB",
    "baby blue": "#A7C7E7", "powder blue": "#B0E0E6", "electric blue": "#2E8BFF",
    "teal": "#008080", "turquoise": "#40E0D0", "aqua": "#00C2C7", "cyan": "#00BCD4",
    "mint": "#A8E6CF", "sage": "#9CAF88", "olive": "#708238", "green": "#16A34A",
    "forest green": "#228B22", "emerald": "#009473", "emerald green": "#009473",
    "lime": "#84CC16", "neon green": "#39FF14", "yellow": "#FACC15", "mustard": "#E1AD01",
    "amber": "#FFBF00", "orange": "#F97316", "burnt orange": "#CC5500", "peach": "#FFCBA4",
    "coral": "#FF7F50", "salmon": "#FA8072", "terracotta": "#E2725B", "rust": "#B7410E",
    "ochre": "#CC7722", "red": "#DC2626", "crimson": "#DC143C", "scarlet": "#FF2400",
    "burgundy": "#800020", "maroon": "#800000", "wine": "#722F37", "oxblood": "#4A0000",
    "pink": "#EC4899", "hot pink": "#FF69B4", "neon pink": "#FF6EC7", "blush": "#F4C2C2",
    "dusty rose": "#DCAE96", "rose": "#E11D48", "magenta": "#D946EF", "fuchsia": "#C026D3",
    "purple": "#7E22CE", "violet": "#8B5CF6", "lavender": "#C4B5FD", "lilac": "#C8A2C8",
    "plum": "#8E4585", "indigo": "#4B0082", "mauve": "#E0B0FF", "midnight": "#101828",
}
# Names that are also everyday words: only taken where the prompt talks about colour.
_AMBIGUOUS = {
    "orange", "rose", "wine", "chocolate", "olive", "mint", "peach", "sand", "rust", "coral",
    "salmon", "plum", "lime", "walnut", "charcoal", "silver", "bronze", "gold", "brass",
    "copper", "espresso", "bone", "pearl", "champagne", "midnight", "tan", "sage", "slate",
    "graphite", "cream", "ivory", "mahogany", "ochre", "khaki", "taupe", "amber", "white",
    "black", "grey", "gray", "blush", "navy", "teal", "aqua", "cyan",
}
_HEX_RE = re.compile(r"(?<![\w&])#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z])")
_COLOUR_CONTEXT_RE = re.compile(
    r"\b(?:palette|colou?rs?|colou?r\s+scheme|accents?|tones|hues|shades|brand\s+colou?rs?|"
    r"branding|scheme|theme)\b",
    re.IGNORECASE,
)
_DARK_RE = re.compile(r"\b(?:dark|moody|night|midnight|noir|black\s+background|dramatic|low-?key)\b", re.I)
_LIGHT_RE = re.compile(
    r"\b(?:bright|light|airy|pastel|white\s+background|light\s+background|sunlit|minimal\s+white|clean\s+white)\b",
    re.I,
)


def _hex(value: str) -> str:
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return "#" + value.upper()


_COLOUR_TOKEN_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_VOTE_CONTEXT_RE = re.compile(r"\b(?:background|backdrop|mode|theme|style|look|aesthetic|palette|colou?rs?|lighting|mood)\b", re.I)


def _colour_names(sent: str) -> list[tuple[int, str]]:
    toks = [(m.group(0).lower(), m.start(), m.end()) for m in _COLOUR_TOKEN_RE.finditer(sent)]
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks) and sent[toks[i][2]:toks[i + 1][1]] == " ":
            two = f"{toks[i][0]} {toks[i + 1][0]}"
            if two in NAMED_COLOURS:
                out.append((toks[i][1], two))
                i += 2
                continue
        if toks[i][0] in NAMED_COLOURS:
            out.append((toks[i][1], toks[i][0]))
        i += 1
    return out


def extract_colours(text: str, sentences: list[tuple[int, int]]) -> tuple[list[str], str | None]:
    """Colours in order of appearance (hex), and a 'dark'/'light' cue or None.

    If some sentence talks about colour (palette, accents, tones...), only colours
    from such sentences count; hex codes always count. Light/dark cues count only
    in sentences about colour or style (a "bright office" in a scene list is not a cue).
    """
    found: list[tuple[int, str, bool, bool]] = []  # pos, hex, in colour context, ambiguous outside context
    votes = {"dark": 0, "light": 0}
    any_context = False
    for s, e in sentences:
        sent = text[s:e]
        names = _colour_names(sent)
        words = [w for w in re.findall(r"[A-Za-z]+", sent.lower()) if w not in ("and", "with", "or", "in", "a", "of", "on", "the")]
        named = sum(len(name.split()) for _, name in names)
        # a sentence that is only colours ("Sage green and cream.") talks about colour
        in_ctx = bool(_COLOUR_CONTEXT_RE.search(sent)) or (bool(words) and named >= 0.6 * len(words))
        any_context = any_context or in_ctx
        if in_ctx or _VOTE_CONTEXT_RE.search(sent):
            weight = 2 if in_ctx else 1
            votes["dark"] += len(_DARK_RE.findall(sent)) * weight
            votes["light"] += len(_LIGHT_RE.findall(sent)) * weight
        for m in _HEX_RE.finditer(sent):
            found.append((s + m.start(), _hex(m.group(1)), True, False))
        for pos, name in names:
            found.append((s + pos, NAMED_COLOURS[name], in_ctx, not in_ctx and name in _AMBIGUOUS))
    found.sort()
    if any_context:
        chosen = [h for _, h, ctx, _ in found if ctx]
    else:
        chosen = [h for _, h, _, amb in found if not amb]
    out: list[str] = []
    for h in chosen:
        if h not in out:
            out.append(h)
    mode = None
    if votes["dark"] != votes["light"]:
        mode = "dark" if votes["dark"] > votes["light"] else "light"
    return out[:8], mode


_ACCENT_AFTER_RE = re.compile(r"^\s*(?:-\s*)?(?:accents?|details?|highlights?|trim|touches|detailing)\b", re.I)
_ACCENT_BEFORE_RE = re.compile(r"\b(?:accents?|highlights?|touches|details?)\s+(?:of|in)\s+$", re.I)


def accent_colours(text: str) -> list[str]:
    """Colours the brief names as accents: "brass accents", "gold details", "accents of coral"."""
    out: list[str] = []
    if not re.search(r"accent|detail|highlight|trim|touches", text, re.I):
        return out
    for pos, name in _colour_names(text):
        end = pos + len(name)
        if _ACCENT_AFTER_RE.match(text[end:end + 20]) or _ACCENT_BEFORE_RE.search(text[max(0, pos - 20):pos]):
            if NAMED_COLOURS[name] not in out:
                out.append(NAMED_COLOURS[name])
    for m in _HEX_RE.finditer(text):
        if _ACCENT_AFTER_RE.match(text[m.end():m.end() + 20]) or _ACCENT_BEFORE_RE.search(text[max(0, m.start() - 20):m.start()]):
            out.append(_hex(m.group(1)))
    return out


# Short names used throughout this module and its tests; the maths is shared with the painters.
luminance = relative_luminance
contrast = contrast_ratio


# --- palette ----------------------------------------------------------------------------------

_DEFAULT_DARK = Palette()
_DEFAULT_LIGHT = Palette(
    background="#F8FAFC", surface="#E2E8F0", primary="#4F46E5", accent="#D97706",
    text="#0F172A", muted="#475569",
)


def build_palette(colours: list[str], mode: str | None, accents: list[str] | tuple[str, ...] = ()) -> Palette:
    """`accents`: colours the brief calls accents; they take the accent role, never the primary one."""
    if not colours:
        return _DEFAULT_LIGHT if mode == "light" else _DEFAULT_DARK
    lums = [luminance(c) for c in colours]
    if mode is None:
        light = sum(1 for lum in lums if lum > 0.5)
        mode = "light" if light > len(colours) - light and min(lums) > 0.2 else "dark"
    brand = [c for c in colours if chroma(c) >= 0.2] or colours
    if mode == "dark":
        darkest = min(colours, key=luminance)
        bg = darkest if luminance(darkest) <= 0.06 else mix(brand[0], "#000000", 0.82)
        neutral_light = [c for c in colours if c != bg and chroma(c) < 0.2 and luminance(c) > 0.6]
        text = neutral_light[0] if neutral_light and contrast(neutral_light[0], bg) >= 7 else mix("#FFFFFF", bg, 0.04)
    else:
        lightest = max(colours, key=luminance)
        bg = lightest if luminance(lightest) >= 0.7 else mix(brand[0], "#FFFFFF", 0.92)
        neutral_dark = [c for c in colours if c != bg and chroma(c) < 0.2 and luminance(c) < 0.03]
        text = neutral_dark[0] if neutral_dark and contrast(neutral_dark[0], bg) >= 7 else mix(min(colours, key=luminance), "#000000", 0.7)
    text = ensure_contrast(text, bg, 4.5)
    rest = [c for c in colours if c not in (bg, text)]
    # Prefer saturated colours for primary and accent.
    rest.sort(key=lambda c: (chroma(c) < 0.2, colours.index(c)))
    named_accent = next((c for c in accents if c in rest), None)
    if named_accent and len(rest) >= 2:
        accent = named_accent
        primary = next(c for c in rest if c != named_accent)
    elif named_accent:  # the only brand colour left is an accent: primary comes from the base colours
        accent = named_accent
        primary = mix(bg, text, 0.55)
    elif len(rest) >= 2:
        primary, accent = rest[0], rest[1]
    elif len(rest) == 1:
        primary = rest[0]
        accent = text if text in colours else mix(rest[0], text, 0.45)
    else:
        primary = mix(bg, text, 0.55) if chroma(bg) >= 0.2 else _DEFAULT_DARK.primary
        accent = _DEFAULT_DARK.accent if mode == "dark" else _DEFAULT_LIGHT.accent
    primary = ensure_contrast(primary, bg, 3.0)
    accent = ensure_contrast(accent, bg, 2.0)
    if accent == primary:
        accent = ensure_contrast(mix(primary, text, 0.5), bg, 2.0)
    surface = mix(bg, text, 0.08)
    muted = ensure_contrast(mix(text, bg, 0.35), bg, 4.5)
    return Palette(background=bg, surface=surface, primary=primary, accent=accent, text=text, muted=muted)
