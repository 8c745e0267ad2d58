"""The documented range of every numeric request field, in one place, shared by the three shapes.

JSON integers are unbounded and `true` is an int to Python: a value is accepted only when it is a
real number of the right kind inside its range, so nothing out of range reaches the database
(SQLite integers stop at 2**63-1) or is quietly replaced by a default.
"""

from __future__ import annotations

import math

SEED_MAX = 2**63 - 1  # what the database stores; Runware documents seeds up to this too
TTL_MIN = 60


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value) -> bool:
    return (is_int(value) or isinstance(value, float)) and math.isfinite(value)


def int_error(name: str, value, lo: int, hi: int) -> str | None:
    """None if `value` is an integer in [lo, hi], else the message naming the field and the range."""
    if is_int(value) and lo <= value <= hi:
        return None
    return f"{name} must be an integer from {lo} to {hi:,}, not {value!r}"[:300]


def number_error(name: str, value, lo: float, hi: float) -> str | None:
    if is_number(value) and lo <= value <= hi:
        return None
    return f"{name} must be a number from {lo:g} to {hi:g}, not {value!r}"[:300]
