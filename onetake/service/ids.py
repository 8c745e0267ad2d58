"""Identifiers: random, URL-safe, prefixed by kind so a mixed-up id is obvious in logs."""

import secrets


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"
