"""The prompt's language, told by its function words.

Hand-written rather than a detector library: briefs are long enough that
counting a few dozen stop words per language is reliable, it costs microseconds,
and it needs no model file. Only languages the eSpeak voices speak are listed; Chinese is told by its script.
"""

from __future__ import annotations

import re
import unicodedata

_STOP = {
    "en": "the and of to a in is for with you your our we that this it on at from video create make".split(),
    "es": "el la los las de del y para con una un en es que por tu su nuestro nuestra crea haz vídeo video "
          "segundos muy más te".split(),
    "fr": "le la les des du de et pour avec une un en est que qui vous votre nos notre créez créer faites "
          "vidéo secondes au aux sur".split(),
    "de": "der die das den dem und für mit ein eine einen ist wir sie ihr unser unsere erstelle mache "
          "video sekunden im in auf zu von".split(),
    "it": "il lo la gli le di del della e per con una un è che crea video secondi nostro nostra".split(),
    "pt": "o a os as de do da e para com uma um em é que crie vídeo segundos nosso nossa você".split(),
}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_QUOTED_RE = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')

def detect_language(text: str) -> str:
    """ISO 639-1 code of the prompt's language ('en' when unsure)."""
    text = unicodedata.normalize("NFC", _QUOTED_RE.sub(" ", text)).lower()
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if han >= 4 and han >= 0.3 * sum(1 for c in text if c.isalpha()):
        return "zh"
    words = _WORD_RE.findall(text)[:400]
    if len(words) < 3:
        return "en"
    scores = {lang: sum(w in stops for w in words) for lang, stops in _STOP.items()}
    # words no other language has settle close calls: accents and letters
    scores["es"] += 2 * len(re.findall(r"[ñ¿¡]|ción\b", text))
    scores["fr"] += 2 * len(re.findall(r"[èêëàâçœ]|\b(?:l|d|qu)'", text))
    scores["de"] += 2 * len(re.findall(r"[äöüß]", text))
    best = max(scores, key=lambda k: scores[k])
    if best != "en" and scores[best] >= max(3, 1.3 * scores["en"]):
        return best
    return "en"
