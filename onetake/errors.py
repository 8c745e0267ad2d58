"""Errors a user can act on: each names the field and the limit it broke."""


class OnetakeError(Exception):
    """Base for every error onetake reports to a user instead of a traceback."""


class InvalidInput(OnetakeError):
    """A request field is missing, malformed or out of range."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class RenderFailed(OnetakeError):
    """A stage could not produce its artifact (bad media, encoder failure...)."""
