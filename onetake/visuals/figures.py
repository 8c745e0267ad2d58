"""Numbers in headlines: the figure a big-number stat card shows, and the words that label it.

Art direction reads them to choose stat layouts and the stat card draws them, so
they live below both (the parent process plans without loading any painter).
"""

from __future__ import annotations

import re

FIGURE = re.compile(
    r"(?<![\w.])([$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:%|x|×|k|K|M|B|\+|/7|/365)|\s(?:million|billion|thousand|percent|hours?|minutes?|days?|years?))?)(?![\w])"
)


def split_figure(headline: str) -> tuple[str, str]:
    """("40%", "fewer missed deadlines") from "40% fewer missed deadlines"; ("", headline) when there is no number."""
    match = FIGURE.search(headline)
    if not match:
        return "", headline
    figure = match.group(1).replace(" percent", "%")
    label = (headline[: match.start()] + " " + headline[match.end():]).strip(" ,.;:-–—")
    label = re.sub(r"\s+", " ", re.sub(r"^(?:of|in|to|with|and)\s+", "", label, flags=re.I))
    return figure, label
