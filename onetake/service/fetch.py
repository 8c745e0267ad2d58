"""Outbound HTTP for user-given URLs (files, callbacks, upload endpoints) with an SSRF guard.

Only http(s); the host is resolved once (with a deadline) and every address must be public (not
loopback, private, link-local, metadata, multicast or reserved, nor an IPv6 form that embeds such
an IPv4 address: mapped, compatible, 6to4, NAT64) unless the config's allow-list names it. The
request then connects to the address that was checked (the URL's host is kept in the Host
header and TLS SNI), so a DNS answer that changes between check and connect (rebinding) never
reaches anything. Redirects are followed by hand so each hop is checked again.

Every call has a total deadline as well as per-read timeouts: a server sending one byte every
few seconds is cut off when the deadline passes, not allowed to hold a job slot for minutes.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

MAX_REDIRECTS = 5
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# getaddrinfo cannot be given a timeout: it runs on these threads and the caller waits at most its deadline.
_RESOLVER = ThreadPoolExecutor(8, thread_name_prefix="onetake-dns")


class UnsafeUrl(Exception):
    """The URL is not allowed (scheme, address) or its fetch broke a limit."""


def embedded_ipv4(ip: ipaddress._BaseAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, when it is one of the forms that reach IPv4."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if any(ip in net for net in _NAT64) or (int(ip) >> 32 == 0 and int(ip) > 1):  # NAT64, or IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (`address`) and what to call it (`host`)."""
    url: str
    host: str
    port: int
    address: str

    def pinned(self) -> tuple[str, dict[str, str], dict]:
        """(URL with the checked address as host, extra headers, httpx extensions)."""
        parts = urlsplit(self.url)
        literal = f"[{self.address}]" if ":" in self.address else self.address
        netloc = literal if parts.port is None else f"{literal}:{parts.port}"
        url = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
        return url, {"Host": parts.netloc}, extensions  # netloc has no credentials: check() refuses them


@dataclass(frozen=True)
class Guard:
    allow: tuple[str, ...] = ()
    timeout_s: float = 20.0  # each connect / read / write
    deadline_s: float = 60.0  # the whole call, redirects and body included
    dns_timeout_s: float = 5.0

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
        inner = embedded_ipv4(ip)
        if inner is not None:
            ip = inner
        if ip.is_global and not ip.is_multicast:
            return
        if self._allowed_by_name(host, port) or self._allowed_ip(ip, port):
            return
        kind = "loopback" if ip.is_loopback else "link-local/metadata" if ip.is_link_local else "private or reserved"
        shown = f"{address} ({ip})" if inner is not None else str(ip)
        raise UnsafeUrl(f"'{host}' resolves to {shown}, a {kind} address; such requests are refused")

    def _resolve(self, host: str, port: int, timeout: float) -> list[str]:
        try:
            infos = _RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM).result(timeout=max(0.01, timeout))
        except FutureTimeout:
            raise UnsafeUrl(f"cannot resolve '{host}' within {timeout:.0f} s") from None
        except (socket.gaierror, UnicodeError) as exc:
            raise UnsafeUrl(f"cannot resolve '{host}': {exc}") from None
        return [info[4][0] for info in infos]

    def check(self, url: str, deadline: float | None = None) -> Target:
        """Scheme, host and every resolved address; returns where to connect."""
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
        timeout = self.dns_timeout_s if deadline is None else min(self.dns_timeout_s, deadline - time.monotonic())
        addresses = self._resolve(host, port, timeout)
        for address in addresses:
            self.check_ip(host, port, address)
        return Target(url, host, port, addresses[0].split("%")[0])

    def check_url(self, url: str) -> tuple[str, int]:
        target = self.check(url)
        return target.host, target.port

    def check_urls(self, urls: list[str], budget_s: float | None = None) -> None:
        """Several URLs of one request under one deadline (a request with 20 slow-resolving URLs waits once, not 20 times)."""
        deadline = time.monotonic() + (budget_s or self.dns_timeout_s)
        for url in urls:
            self.check(url, deadline)

    def _client(self) -> httpx.Client:
        return httpx.Client(timeout=self.timeout_s, follow_redirects=False, trust_env=False)

    def _read(self, response: httpx.Response, deadline: float, max_bytes: int | None, what: str) -> bytes:
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise UnsafeUrl(f"{what} is over the {max_bytes}-byte limit")
            if time.monotonic() > deadline:
                raise UnsafeUrl(f"{what} took longer than the {self.deadline_s:g} s limit")
            chunks.append(chunk)
        return b"".join(chunks)

    def fetch(self, url: str, max_bytes: int) -> tuple[bytes, str | None]:
        """GET with redirects re-checked; returns (body, content-type header). Size and total time are capped."""
        deadline = time.monotonic() + self.deadline_s
        try:
            with self._client() as client:
                for _ in range(MAX_REDIRECTS + 1):
                    target = self.check(url, deadline)
                    pinned, headers, extensions = target.pinned()
                    with client.stream("GET", pinned, headers=headers, extensions=extensions) as response:
                        if response.is_redirect:
                            url = urljoin(url, response.headers["location"])
                            continue
                        if response.status_code >= 400:
                            raise UnsafeUrl(f"the server answered HTTP {response.status_code}")
                        declared = response.headers.get("content-length")
                        if declared and declared.isdigit() and int(declared) > max_bytes:
                            raise UnsafeUrl(f"the file is {declared} bytes; the limit is {max_bytes}")
                        return self._read(response, deadline, max_bytes, "the file"), response.headers.get("content-type")
        except httpx.TimeoutException:
            raise UnsafeUrl(f"the server did not answer within {self.timeout_s:g} s") from None
        except httpx.HTTPError as exc:
            raise UnsafeUrl(f"the download failed: {type(exc).__name__}: {exc}") from None
        raise UnsafeUrl(f"more than {MAX_REDIRECTS} redirects")

    def send(self, method: str, url: str, body: bytes, headers: dict[str, str]) -> int:
        """One request without following redirects (webhooks, upload endpoints); returns the status code.
        Network failures raise httpx errors (the caller retries them); a deadline overrun raises TimeoutError."""
        deadline = time.monotonic() + self.deadline_s
        target = self.check(url, deadline)
        pinned, host_header, extensions = target.pinned()
        with self._client() as client:
            with client.stream(method, pinned, content=body, headers={**headers, **host_header}, extensions=extensions) as response:
                try:
                    self._read(response, deadline, 1024 * 1024, "the answer")
                except UnsafeUrl as exc:  # a slow or huge answer: the body was sent; count it as a network failure, retried
                    raise TimeoutError(str(exc)) from None
                return response.status_code
