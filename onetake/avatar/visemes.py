"""IPA phonemes -> the 15 Oculus visemes, and a per-frame track of blended viseme weights.

Engines disagree on tokens: piper (eSpeak) emits one code point per phoneme id
("t", "ʃ", "ˈ", "ː" separately), Kokoro/misaki emits "ʧ", "ʤ" and capital
diphthongs ("A" = eɪ, "O" = oʊ), others emit whole syllables ("ˈaɪ"). The mapper
accepts all of these: modifiers attach to a neighbour, diphthongs split in time.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

VISEMES: tuple[str, ...] = ("sil", "PP", "FF", "TH", "DD", "kk", "CH", "SS", "nn", "RR", "aa", "E", "I", "O", "U")

# How far the jaw/lips open for each viseme, 0..1. The rig draws with it and the
# lip-sync test measures it, so there is one source of truth.
OPENNESS: dict[str, float] = {
    "sil": 0.0, "PP": 0.0, "FF": 0.1, "TH": 0.22, "DD": 0.24, "kk": 0.3, "CH": 0.22, "SS": 0.12,
    "nn": 0.2, "RR": 0.24, "aa": 0.9, "E": 0.55, "I": 0.34, "O": 0.62, "U": 0.3,
}

_PREV, _NEXT = "<prev>", "<next>"  # take the neighbour's mouth shape (glottal stop, h)

_MAP: dict[str, str | tuple[str, ...]] = {
    # bilabials and labiodentals
    "p": "PP", "b": "PP", "m": "PP", "ɓ": "PP", "ʙ": "PP", "β": "FF", "ɸ": "FF",
    "f": "FF", "v": "FF", "ɱ": "FF", "ʋ": "FF", "ⱱ": "FF",
    # dentals, alveolars
    "θ": "TH", "ð": "TH",
    "t": "DD", "d": "DD", "ɾ": "DD", "T": "DD", "ʈ": "DD", "ɖ": "DD", "ɗ": "DD", "ɽ": "DD", "ɺ": "DD",
    "n": "nn", "l": "nn", "ɫ": "nn", "ɬ": "nn", "ɮ": "nn", "ɭ": "nn", "ɳ": "nn", "ɲ": "nn", "ʎ": "nn",
    "s": "SS", "z": "SS", "ʦ": "SS", "ʣ": "SS", "S": "SS", "ts": "SS", "dz": "SS",
    # postalveolars and affricates
    "ʃ": "CH", "ʒ": "CH", "ʧ": "CH", "ʤ": "CH", "tʃ": "CH", "dʒ": "CH", "ʂ": "CH", "ʐ": "CH",
    "ɕ": "CH", "ʑ": "CH", "ʨ": "CH", "ʥ": "CH", "ꭧ": "CH", "c": "kk", "ç": "CH", "ɟ": "kk",
    # velars, uvulars, glottals
    "k": "kk", "g": "kk", "ɡ": "kk", "ŋ": "kk", "x": "kk", "ɣ": "kk", "q": "kk", "ɢ": "kk",
    "ɴ": "kk", "χ": "kk", "ʁ": "RR", "ħ": _NEXT, "ɦ": _NEXT, "h": _NEXT, "ʔ": _PREV, "ʕ": _PREV,
    # approximants and rhotics
    "ɹ": "RR", "r": "RR", "ɻ": "RR", "ʀ": "RR", "ɚ": "RR", "ɝ": "RR",
    "w": "U", "ʍ": "U", "ɥ": "U", "j": "I", "ʝ": "I", "y": "I", "ɰ": "U",
    # vowels
    "a": "aa", "ɑ": "aa", "ɐ": "aa", "æ": "aa", "ʌ": "aa", "ɶ": "aa", "ä": "aa",
    "e": "E", "ɛ": "E", "ə": "E", "ᵊ": "E", "ɜ": "E", "ɘ": "E", "ɞ": "E", "ε": "E", "œ": "E", "ø": "E",
    "i": "I", "ɪ": "I", "ᵻ": "I", "ɨ": "I", "ʏ": "I",
    "o": "O", "ɔ": "O", "ɒ": "O", "ɵ": "O", "ɤ": "O",
    "u": "U", "ʊ": "U", "ɯ": "U", "ʉ": "U", "ᵝ": "U",
    # misaki (Kokoro) capital diphthongs
    "A": ("E", "I"), "I": ("aa", "I"), "O": ("O", "U"), "W": ("aa", "U"), "Y": ("O", "I"), "Q": ("E", "U"),
}
_MAX_KEY = max(len(k) for k in _MAP)
# Marks that change stress, length or voice quality but not the mouth shape.
_MODIFIERS = set("ˈˌːˑ'ʰʲʷ˞ˤ̧̩̯̪̃͡‿̆̚")
_PAUSES = set(" _^$.,;:!?-—–…\"“”()[]→↓↗↘|‖#")


def _clean(token: str) -> str:
    token = unicodedata.normalize("NFC", token)
    return "".join(ch for ch in token if ch not in _MODIFIERS and not unicodedata.combining(ch))


def phoneme_visemes(phoneme: str) -> tuple[str, ...]:
    """The viseme sequence for one engine token ("" if it is only a stress/length mark).

    A pause or an empty token gives ("sil",); a diphthong gives two visemes.
    Unknown symbols fall back to a neutral half-open "DD" rather than failing a render.
    """
    if phoneme and all(ch in _MODIFIERS for ch in phoneme):
        return ()
    core = _clean(phoneme)
    if not core or all(ch in _PAUSES or ch.isspace() for ch in core):
        return ("sil",)
    out: list[str] = []
    i = 0
    while i < len(core):
        for size in range(min(_MAX_KEY, len(core) - i), 0, -1):
            v = _MAP.get(core[i:i + size])
            if v is None and size == 1:
                v = _MAP.get(core[i].lower(), "sil" if core[i] in _PAUSES else "DD")
            if v is not None:
                out.extend(v if isinstance(v, tuple) else (v,))
                i += size
                break
    return tuple(out)


def phoneme_to_viseme(phoneme: str) -> str:
    """The main viseme of a token (the first of a diphthong); stress/length marks alone give "sil"."""
    vs = [v for v in phoneme_visemes(phoneme) if v not in (_PREV, _NEXT)]
    return vs[0] if vs else "sil"


class _Timed(Protocol):
    phoneme: str
    start: float
    end: float


@dataclass(frozen=True)
class Segment:
    viseme: str
    start: float
    end: float


def _split_times(start: float, end: float, n: int) -> list[tuple[float, float]]:
    if n == 2:  # a diphthong's first target holds longer than its glide
        mid = start + (end - start) * 0.6
        return [(start, mid), (mid, end)]
    step = (end - start) / n
    return [(start + i * step, start + (i + 1) * step) for i in range(n)]


def build_segments(phonemes: Iterable[_Timed]) -> list[Segment]:
    """Contiguous viseme segments covering the phonemes' span; gaps become silence."""
    raw: list[list] = []  # [viseme or marker, start, end]
    for ph in sorted(phonemes, key=lambda p: p.start):
        vs = phoneme_visemes(ph.phoneme)
        if not vs:  # stress or length mark: lengthen whichever shape it belongs to
            raw.append([_NEXT if "ˈ" in ph.phoneme or "ˌ" in ph.phoneme else _PREV, ph.start, ph.end])
            continue
        for v, (s, e) in zip(vs, _split_times(ph.start, ph.end, len(vs))):
            raw.append([v, s, e])
    for i, item in enumerate(raw):  # forward pass resolves <prev>
        if item[0] == _PREV:
            item[0] = raw[i - 1][0] if i > 0 and raw[i - 1][0] != _NEXT else _NEXT
    nxt = "sil"
    for item in reversed(raw):  # backward pass resolves <next> (h takes the vowel after it)
        if item[0] == _NEXT:
            item[0] = nxt
        else:
            nxt = item[0]
    segs: list[Segment] = []
    for v, s, e in raw:
        if e <= s:
            continue
        if segs and s > segs[-1].end + 1e-4:
            segs.append(Segment("sil", segs[-1].end, s))
        s = max(s, segs[-1].end) if segs else s
        if segs and segs[-1].viseme == v:
            segs[-1] = Segment(v, segs[-1].start, max(e, segs[-1].end))
        elif e > s:
            segs.append(Segment(v, s, e))
    return segs


def _ramp(x: float) -> float:
    """0 -> 1 smoothstep over x in [0, 1]."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    return x * x * (3.0 - 2.0 * x)


class VisemeTrack:
    """Blended viseme weights over time.

    Each segment fades in over [start - blend, start + blend] and out over
    [end - blend, end + blend]: neighbours cross-fade (coarticulation) and a
    phoneme shorter than 2*blend never reaches full strength, as fast consonants
    do not. Weights are normalised to sum to 1; outside speech the mouth is "sil".

    Blends belong to boundaries, not segments: the lips must visibly meet for
    p, b and m however short they are, so a bilabial's boundaries cross-fade
    just outside it, quickly enough to leave its neighbours their own shapes.
    """

    def __init__(self, segments: Sequence[Segment], blend: float = 0.045, sil_blend: float = 0.07):
        segs = list(segments)
        # Pad with open-ended silence so speech fades in from, and out to, a closed mouth.
        if not segs or segs[0].viseme != "sil":
            segs.insert(0, Segment("sil", -1e9, segs[0].start if segs else 0.0))
        if segs[-1].viseme != "sil":
            segs.append(Segment("sil", segs[-1].end, 1e9))
        self.segments = segs
        self._starts = [s.start for s in self.segments]
        own = [sil_blend if s.viseme == "sil" else blend for s in segs]
        # Each boundary has a centre and a half-width; segment i enters at boundary i - 1 and exits at i.
        self._centre = [seg.end for seg in segs[:-1]]
        self._half = [min(own[i], own[i + 1]) if "sil" not in (segs[i].viseme, segs[i + 1].viseme) else max(own[i], own[i + 1])
                      for i in range(len(segs) - 1)]
        for i in range(len(segs) - 1):
            before, after = segs[i], segs[i + 1]
            if "PP" in (before.viseme, after.viseme):
                # A third of the closure; a quarter of its neighbour, which may lie between two closures ("Bob").
                lengths = [(seg.end - seg.start) / (3 if seg.viseme == "PP" else 4)
                           for seg in (before, after) if abs(seg.start) < 1e8 and abs(seg.end) < 1e8]
                half = max(0.006, min(self._half[i], *lengths))
                # The lips are shut for the whole bilabial: the cross-fade happens just outside it.
                self._half[i] = half
                self._centre[i] += half if before.viseme == "PP" else -half
        self._reach = 2 * max(blend, sil_blend)

    @classmethod
    def from_phonemes(cls, phonemes: Iterable[_Timed], blend: float = 0.045) -> VisemeTrack:
        return cls(build_segments(phonemes), blend=blend)

    def weights_at(self, t: float) -> dict[str, float]:
        segs = self.segments
        i = bisect_right(self._starts, t + self._reach) - 1
        out: dict[str, float] = {}
        total = 0.0
        while i >= 0:
            seg = segs[i]
            if seg.end + self._reach <= t:
                break
            # The first and last segments extend to +-infinity so the edges hold their shape.
            up = 1.0 if i == 0 else _ramp((t - self._centre[i - 1] + self._half[i - 1]) / (2 * self._half[i - 1]))
            down = 1.0 if i == len(segs) - 1 else _ramp((self._centre[i] + self._half[i] - t) / (2 * self._half[i]))
            w = min(up, down)
            if w > 0.0:
                out[seg.viseme] = out.get(seg.viseme, 0.0) + w
                total += w
            i -= 1
        if total <= 1e-9:
            return {"sil": 1.0}
        return {k: v / total for k, v in out.items()}

    def dominant_at(self, t: float) -> str:
        w = self.weights_at(t)
        return max(w, key=w.__getitem__)


def mouth_open(weights: dict[str, float]) -> float:
    """Jaw opening 0..1 implied by blended weights."""
    return sum(OPENNESS[v] * w for v, w in weights.items())
