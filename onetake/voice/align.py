"""Which input word each engine phoneme belongs to.

Neural engines phonemise a whole sentence with context, so their phoneme groups do
not map one to one onto input words: eSpeak merges "for a" into one group, "2026"
becomes three groups, "—" becomes none. We phonemise every input word on its own
(the reference), then align the two phoneme strings with an edit-distance DP; each
engine phoneme takes the word of the reference phoneme it lines up with.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

STRESS = frozenset("ˈˌ")
# Marks that modify the phoneme before them (length, palatalisation, aspiration...).
_MODIFIERS = frozenset("ːˑʲʰʷˠˤ˞")
_VOWELS = frozenset("aeiouyæɐɑɒɔəɘɚɛɜɝɞɤɨɪɯɵøœɶʉʊʌʏᵻᵊAIOQWY")
_BOUNDARY = "|"

# Integer costs keep the traceback's equality tests exact.
_SUB_VOWEL, _SUB, _INDEL, _INDEL_BOUNDARY, _NEVER = 5, 10, 10, 4, 10_000


def kind(symbol: str) -> str:
    """'core' (a phoneme letter), 'stress', 'modifier' or 'sep' (space, punctuation, pads)."""
    if symbol in STRESS:
        return "stress"
    if symbol in _MODIFIERS or (symbol and all(unicodedata.combining(c) for c in symbol)):
        return "modifier"
    if symbol and symbol[0].isalpha():
        return "core"
    return "sep"


def label_stream(references: Sequence[Sequence[str]], stream: Sequence[str]) -> list[int | None]:
    """For each stream symbol, the index of its word in `references`, or None for separators.

    references[i] is word i's phonemes spoken alone; stream is the engine's phoneme
    symbols for the same words in order. Labels never decrease along the stream.
    """
    ref_syms, ref_words = _reference_tokens(references)
    core_idx = [i for i, s in enumerate(stream) if kind(s) == "core"]
    str_syms: list[str] = []
    str_pos: list[int] = []  # stream index of each core token, -1 for a boundary
    for i, s in enumerate(stream):
        k = kind(s)
        if k == "core":
            str_syms.append(s)
            str_pos.append(i)
        elif k == "sep" and str_syms and str_syms[-1] != _BOUNDARY:
            str_syms.append(_BOUNDARY)
            str_pos.append(-1)
    core_labels: dict[int, int | None] = {}
    for r, c in _align(ref_syms, str_syms):
        if c is not None and str_pos[c] >= 0:
            core_labels[str_pos[c]] = ref_words[r] if r is not None else None
    groups = _groups(stream)
    labels = _fill([core_labels.get(i) for i in core_idx], [groups[i] for i in core_idx])
    return _spread(stream, dict(zip(core_idx, labels, strict=True)))


def _reference_tokens(references: Sequence[Sequence[str]]) -> tuple[list[str], list[int | None]]:
    syms: list[str] = []
    words: list[int | None] = []
    for w, ref in enumerate(references):
        for s in ref:
            k = kind(s)
            if k == "core":
                syms.append(s)
                words.append(w)
            elif k == "sep" and syms and syms[-1] != _BOUNDARY:
                syms.append(_BOUNDARY)
                words.append(None)
        if syms and syms[-1] != _BOUNDARY:
            syms.append(_BOUNDARY)
            words.append(None)
    return syms, words


def _costs(a: str, b: np.ndarray, vocab: list[str]) -> np.ndarray:
    """Substitution cost of reference symbol `a` against every stream symbol id in `b`."""
    table = np.empty(len(vocab), np.int32)
    for j, s in enumerate(vocab):
        if s == a:
            table[j] = 0
        elif (s == _BOUNDARY) != (a == _BOUNDARY):
            table[j] = _NEVER
        elif s in _VOWELS and a in _VOWELS:
            table[j] = _SUB_VOWEL
        else:
            table[j] = _SUB
    return table[b]


def _indel(s: str) -> int:
    return _INDEL_BOUNDARY if s == _BOUNDARY else _INDEL


def _align(ref: list[str], hyp: list[str]) -> list[tuple[int | None, int | None]]:
    """Minimum-cost alignment as (ref index, hyp index) pairs; None marks a gap."""
    n, m = len(ref), len(hyp)
    vocab = sorted(set(ref) | set(hyp))
    ids = {s: i for i, s in enumerate(vocab)}
    hyp_ids = np.array([ids[s] for s in hyp], np.int64)
    ins = np.array([_indel(s) for s in hyp], np.int32)
    ins_cum = np.concatenate([[0], np.cumsum(ins)]).astype(np.int32)
    d = np.zeros((n + 1, m + 1), np.int32)
    d[0] = ins_cum
    subs = {}
    for i in range(1, n + 1):
        a = ref[i - 1]
        if a not in subs:
            subs[a] = _costs(a, hyp_ids, vocab)
        best = np.empty(m + 1, np.int32)
        best[0] = d[i - 1, 0] + _indel(a)
        best[1:] = np.minimum(d[i - 1, :-1] + subs[a], d[i - 1, 1:] + _indel(a))
        # Insertions run along the row: d[i, j] = min_k best[k] + ins(k..j), a running minimum.
        d[i] = np.minimum.accumulate(best - ins_cum) + ins_cum
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i, j] == d[i - 1, j - 1] + subs[ref[i - 1]][j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and d[i, j] == d[i - 1, j] + _indel(ref[i - 1]):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


def _groups(stream: Sequence[str]) -> list[int]:
    """Per symbol, the number of separators before it: equal numbers form one engine group."""
    out, n = [], 0
    for s in stream:
        n += kind(s) == "sep"
        out.append(n)
    return out


def _fill(labels: list[int | None], groups: list[int]) -> list[int]:
    """Give unaligned phonemes a word: a neighbour in the same engine group first, else any."""
    n = len(labels)
    out = list(labels)
    for i in range(n):  # forward within a group
        if out[i] is None and i > 0 and out[i - 1] is not None and groups[i - 1] == groups[i]:
            out[i] = out[i - 1]
    for i in range(n - 2, -1, -1):  # backward within a group
        if out[i] is None and out[i + 1] is not None and groups[i + 1] == groups[i]:
            out[i] = out[i + 1]
    for i in range(n):  # whole groups the reference never predicted
        if out[i] is None and i > 0:
            out[i] = out[i - 1]
    for i in range(n - 2, -1, -1):
        if out[i] is None:
            out[i] = out[i + 1]
    return [0 if x is None else x for x in out]


def _spread(stream: Sequence[str], core: dict[int, int]) -> list[int | None]:
    """Stress marks take the next phoneme's word, modifiers the previous one's; separators None."""
    out: list[int | None] = [None] * len(stream)
    last: int | None = None
    for i, s in enumerate(stream):
        if i in core:
            last = core[i]
            out[i] = last
        elif kind(s) == "modifier":
            out[i] = last
    nxt: int | None = None
    for i in range(len(stream) - 1, -1, -1):
        if i in core:
            nxt = core[i]
        elif kind(stream[i]) == "stress":
            out[i] = nxt if nxt is not None else last
    return out
