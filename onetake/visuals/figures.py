"""Numbers in headlines: the figure a big-number stat card shows, and the words that label it.

Art direction reads them to choose stat layouts and the stat card draws them, so
they live below both (the parent process plans without loading any painter).
"""

from __future__ import annotations

import re

from onetake.text_units import has_cjk, join_units, units

_NOT_CJK_WORD = r"[^\W\u3040-\u9fff\uf900-\ufaff]"  # a letter or digit of a spaced script: Chinese sets "只需149元" unspaced
FIGURE = re.compile(
    rf"(?<!{_NOT_CJK_WORD})(?<!\.)([$€£]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s?(?:%|x|×|k|K|M|B|\+|/7|/365)|\s(?:million|billion|thousand|percent|hours?|minutes?|days?|years?))?)(?!{_NOT_CJK_WORD})"
)
# The unit a Chinese figure is read with ("149元", "20小时"): it stays with the number on the card.
_CJK_UNIT = re.compile(r"\s?(万|亿|元|倍|小时|分钟|秒|天|年|个|%|％)")


def split_figure(headline: str) -> tuple[str, str]:
    """("40%", "fewer missed deadlines") from "40% fewer missed deadlines"; ("", headline) when there is no number."""
    match = FIGURE.search(headline)
    if not match:
        return "", headline
    figure = match.group(1).replace(" percent", "%")
    if has_cjk(headline):
        unit = _CJK_UNIT.match(headline, match.end())
        end = unit.end() if unit else match.end()
        label = join_units(units(headline[: match.start()]) + units(headline[end:])).strip(" ,.;:-–—，。；：、")
        return figure + (unit.group(1) if unit else ""), label
    after = headline[match.end():]
    unit = re.match(r"-([A-Za-z]+)\b", after)  # "20-minute pasta": the unit is the figure's, not the label's
    if unit:
        figure, after = f"{figure} {unit.group(1)}", after[unit.end():]
    before = re.sub(r"(?:^|\s)(?:a|an|the)\s*$", "", headline[: match.start()], flags=re.I)  # "A 20-minute ...": the article was the figure's
    label = (before + " " + after).strip(" ,.;:-–—")
    label = re.sub(r"\s+", " ", re.sub(r"^(?:of|in|to|with|and)\s+", "", label, flags=re.I))
    return figure, label
