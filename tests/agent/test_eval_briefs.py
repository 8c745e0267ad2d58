"""Every brief of the evaluation set passes its property checks (bench/eval_planner.py prints the table)."""

from __future__ import annotations

import pytest

from onetake.agent.planner import checks as C

from .eval_briefs import CASES, run_case


def test_the_set_is_varied():
    kinds = {c.kind for c in CASES}
    assert len(CASES) >= 25
    for kind in ("short", "long", "numbered", "verbatim", "non-English", "document", "stats", "no-duration", "portrait"):
        assert kind in kinds, kind


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_brief_passes_its_checks(case):
    result = run_case(case)
    failed = {k: v for k, v in result.checks.items() if v not in (None, "n/a")}
    assert not failed, (failed, [s.narration for s in result.storyboard.scenes])
    assert result.ms < 1000  # planning stays in milliseconds (loose: the test machine is shared; bench/eval_planner.py reports the real figure)


def test_checks_catch_what_they_claim():
    assert C.invented_numbers("We served 870,000 cups and 12 cafes.", "Our 12 cafes served 870,000 cups") == []
    assert C.invented_numbers("Over 5,000 happy guests since 1998.", "Family-run since 1998") == ["5000"]
    assert C.invented_numbers("Twenty years of craft.", "since 2004") == ["20"]
    assert C.direction_words("Cut to a medium shot of the B-roll with a #FFAA00 palette.") == [
        "#ffaa00", "b-roll", "medium shot", "palette"]
    assert C.direction_words("Our studio has warm light and a friendly team.") == []
    assert C.repeated_trigram_rate("one two three one two three") == pytest.approx(1 / 4)
    assert C.repeated_trigram_rate("a b c d e f") == 0
    assert C.echoed_prompt("Create a 30-second video introducing Bloom Yoga with a sauna and a cafe today",
                           "Create a 30-second video introducing Bloom Yoga with a sauna and a cafe today, warm tone") is not None
