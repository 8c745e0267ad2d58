"""Hostile input on a live server: bodies bounded before parsing, numbers checked against their ranges."""

from __future__ import annotations

import httpx

from tests.service.test_safety import alice  # noqa: F401  (the fixture: nothing stored is lost)
from tests.service.test_contract import assert_error


def test_a_json_body_over_the_limit_is_refused_before_it_is_read(alice):  # noqa: F811
    big = b'{"prompt": "' + b"x" * (64 * 1024 * 1024) + b'"}'
    response = alice.post("/v3/video-agents", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_a_chunked_body_over_the_limit_is_counted_and_refused(alice):  # noqa: F811
    def chunks():
        yield b'{"prompt": "'
        for _ in range(80):
            yield b"y" * (1024 * 1024)
        yield b'"}'

    response = alice.post("/v3/video-agents", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_a_seed_past_what_can_be_stored_names_the_field(alice):  # noqa: F811
    error = assert_error(alice.post("/v3/video-agents", json={"prompt": "A welcome to Bean There", "seed": 2**63}), 400, "invalid_parameter", "seed")
    assert "seed" in error["message"]


def test_quality_zero_is_refused_not_replaced(alice):  # noqa: F811
    response = alice.post("/v3/video-agents", json={"prompt": "A welcome to Bean There", "quality": 0})
    assert response.status_code == 400
    assert "quality" in response.text
