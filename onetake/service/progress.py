"""Pipeline progress -> the session's 0-100 `progress`, written at most a few times a second; also the stop checkpoint."""

from __future__ import annotations

import time
from collections.abc import Callable

# Share of the whole each stage takes on a typical short video (rendering dominates).
_WEIGHTS = {"Planning": 5, "Speech": 15, "Timeline": 5, "Rendering": 70, "Outputs": 5}


class Stopped(Exception):
    """The client asked to stop; raised at the next progress checkpoint."""


class JobProgress:
    def __init__(self, write: Callable[[int], None], stop_requested: Callable[[], bool], start: int = 0, span: int = 100):
        self._write, self._stop_requested = write, stop_requested
        self._start, self._span = start, span
        self._done_weight = 0.0
        self._stage_weight = 0.0
        self._total = 1
        self._count = 0
        self._last_write = 0.0
        self._last_value = -1

    def start(self, stage: str, total: int) -> None:
        self._done_weight += self._stage_weight
        self._stage_weight = _WEIGHTS.get(stage, 0)
        if self._done_weight + self._stage_weight > 100:  # a second speech pass: keep inside the bar
            self._stage_weight = max(0.0, 100 - self._done_weight - 1)
        self._total, self._count = max(1, total), 0
        self._tick(force=True)

    def advance(self, amount: int = 1) -> None:
        self._count += amount
        self._tick()

    def _tick(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_write < 0.5:
            return
        self._last_write = now
        if self._stop_requested():
            raise Stopped()
        fraction = (self._done_weight + self._stage_weight * min(1.0, self._count / self._total)) / 100
        value = min(99, int(self._start + self._span * fraction))
        if value != self._last_value:
            self._last_value = value
            self._write(value)
