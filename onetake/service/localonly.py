"""No-auth mode answers only its own machine's pages and tools (an ASGI middleware, installed with --no-auth).

Without an API key, any web page the user visits could otherwise drive the server: a cross-site
`text/plain` POST needs no CORS preflight, and a DNS-rebinding name reaches 127.0.0.1 with a
foreign Host. So: the Host must be a loopback name or address; an Origin, when a browser sends
one, must be a loopback origin; and a POST/PUT/PATCH/DELETE that carries a form-like content type
(the ones a page may send cross-site without asking), or a body that is not typed JSON, is refused
except on the multipart uploads, which browsers always send with an Origin. Errors are in the
shape's own vocabulary.
"""

from __future__ import annotations

import ipaddress
import json
from urllib.parse import urlsplit

from onetake.service.errors import envelope

LOOPBACK_NAMES = {"localhost", "localhost.", "ip6-localhost"}
UPLOAD_ROUTES = ("/v3/assets", "/v3/brand-kits")  # multipart by design
_SIMPLE_TYPES = ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")


def loopback_host(host: str) -> bool:
    """`host` is a Host header or an origin's netloc, with an optional port."""
    host = host.strip().lower()
    if host.startswith("["):
        name = host[1:host.find("]")] if "]" in host else host
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if name.endswith(".localhost") or name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def loopback_origin(origin: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and loopback_host(parts.netloc)


def refusal(scope) -> tuple[int, str, str, str] | None:
    """(status, code, Runware code, message) when the request is refused; None to let it through."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or ()}
    host = headers.get("host", "")
    if not loopback_host(host):
        return 421, "misdirected_request", "invalidHost", (f"Host '{host}' is not this local server: in no-auth mode only loopback names "
                                                          "(localhost, 127.0.0.1, [::1]) are answered")
    origin = headers.get("origin")
    if origin is not None and not loopback_origin(origin):
        return 403, "forbidden", "forbiddenOrigin", f"Origin '{origin}' is another site: in no-auth mode only pages served from this machine may call the API"
    if scope["type"] == "http" and scope["method"] in ("POST", "PUT", "PATCH", "DELETE") and scope["path"] not in UPLOAD_ROUTES:
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        has_body = headers.get("content-length", "0").strip() not in ("", "0") or "transfer-encoding" in headers
        json_type = ctype == "application/json" or (ctype.startswith("application/") and ctype.endswith("+json"))
        # A page may POST text/plain, a form, or an untyped Blob cross-site without a preflight; none of them is JSON.
        if ctype.startswith(_SIMPLE_TYPES) or (has_body and not json_type):
            return 415, "unsupported_media_type", "invalidContentType", f"Content-Type '{ctype or 'none'}': this route takes application/json"
    return None


def _body(path: str, status: int, code: str, runware_code: str, message: str) -> bytes:
    if path == "/v1":
        return json.dumps({"errors": [{"code": runware_code, "message": message}]}).encode()
    if path.startswith(("/v1/videos/", "/v1/tasks/")):
        from onetake.service.unified import error_body

        return json.dumps(error_body(status, code, message)).encode()
    return json.dumps(envelope(code, message)).encode()


class LocalOnly:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or (refused := refusal(scope)) is None:
            return await self.app(scope, receive, send)
        status, code, runware_code, message = refused
        if scope["type"] == "websocket":  # closed before the handshake completes: the page's socket never opens
            return await send({"type": "websocket.close", "code": 1008, "reason": message[:120]})
        body = _body(scope["path"], status, code, runware_code, message)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
