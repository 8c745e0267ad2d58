"""Outbound HTTP for user-given URLs (files, callbacks, upload endpoints) with an SSRF guard.

Only http(s); the host is resolved and every address must be public (not loopback, private,
link-local, metadata, multicast or reserved) unless the config's allow-list names it. Redirects
are followed by hand so each hop is checked again, and after connecting the real peer address
is checked too, so a DNS answer that changes between the check and the connect (rebinding)
is still refused before any body is read.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

MAX_REDIRECTS = 5


class UnsafeUrl(Exception):
    """The URL is not allowed (scheme, address) or its fetch broke a limit."""


@dataclass(frozen=True)
class Guard:
    allow: tuple[str, ...] = ()
    timeout_s: float = 20.0

    def _allowed_by_name(self, host: str, port: int) -> bool:
        host = host.lower().strip("[]")
        return host in self.allow or f"{host}:{port}" in self.allow

    def _allowed_ip(self, ip: ipaddress._BaseAddress, port: int) -> bool:
        for entry in self.allow:
            if entry in (str(ip), f"{ip}:{port}"):
                return True
            try:
                if "/" in entry and ip in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                continue
        return False

    def check_ip(self, host: str, port: int, address: str) -> None:
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if ip.is_global and not ip.is_multicast:
            return
        if self._allowed_by_name(host, port) or self._allowed_ip(ip, port):
            return
        kind = "loopback" if ip.is_loopback else "link-local/metadata" if ip.is_link_local else "private or reserved"
        raise UnsafeUrl(f"'{host}' resolves to {ip}, a {kind} address; such requests are refused")

    def check_url(self, url: str) -> tuple[str, int]:
        """Scheme and every resolved address; returns (host, port)."""
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise UnsafeUrl(f"not a valid URL: {exc}") from None
        if parts.scheme not in ("http", "https"):
            raise UnsafeUrl(f"only http and https URLs are accepted, not '{parts.scheme or url}'")
        host = parts.hostname
        if not host:
            raise UnsafeUrl("the URL has no host")
        if parts.username or parts.password:
            raise UnsafeUrl("URLs with credentials are refused")
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise UnsafeUrl(f"cannot resolve '{host}': {exc}") from None
        for info in infos:
            self.check_ip(host, port, info[4][0])
        return host, port

    def _check_peer(self, response: httpx.Response, host: str, port: int) -> None:
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer:
            self.check_ip(host, port, peer[0])

    def fetch(self, url: str, max_bytes: int) -> tuple[bytes, str | None]:
        """GET with redirects re-checked; returns (body, content-type header). Size and time are capped."""
        with httpx.Client(timeout=self.timeout_s, follow_redirects=False, trust_env=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                host, port = self.check_url(url)
                with client.stream("GET", url) as response:
                    self._check_peer(response, host, port)
                    if response.is_redirect:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise UnsafeUrl(f"the server answered HTTP {response.status_code}")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise UnsafeUrl(f"the file is {declared} bytes; the limit is {max_bytes}")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise UnsafeUrl(f"the file is over the {max_bytes}-byte limit")
                        chunks.append(chunk)
                    return b"".join(chunks), response.headers.get("content-type")
        raise UnsafeUrl(f"more than {MAX_REDIRECTS} redirects")

    def send(self, method: str, url: str, body: bytes, headers: dict[str, str]) -> int:
        """One request without following redirects (webhooks, upload endpoints); returns the status code."""
        host, port = self.check_url(url)
        with httpx.Client(timeout=self.timeout_s, follow_redirects=False, trust_env=False) as client:
            with client.stream(method, url, content=body, headers=headers) as response:
                self._check_peer(response, host, port)
                response.read()
                return response.status_code
