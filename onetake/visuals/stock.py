"""Optional stock photos from Pexels or Pixabay: used only when the user sets a key; cached on disk; credited.

    PEXELS_API_KEY / PIXABAY_API_KEY     turn a provider on (ONETAKE_PEXELS_URL / ONETAKE_PIXABAY_URL change its address)

stdlib urllib is enough for two GET endpoints; results and files are cached
under $XDG_CACHE_HOME/onetake/stock by a hash of the request, so a re-render
never asks twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from onetake.errors import RenderFailed
from onetake.visuals.media import check_image

TIMEOUT_S = 20
MAX_DOWNLOAD_BYTES = 40_000_000


@dataclass(frozen=True)
class StockPhoto:
    url: str  # the image file
    page: str  # the photo's page, for the credit
    author: str
    provider: str

    @property
    def credit(self) -> str:
        return f"Photo by {self.author} on {self.provider} ({self.page})"


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "onetake" / "stock"


def _get(url: str, headers: dict[str, str], limit: int = MAX_DOWNLOAD_BYTES) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "onetake", **headers})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            data = response.read(limit + 1)
    except OSError as exc:  # URLError, HTTPError and timeouts are all OSErrors
        raise RenderFailed(f"stock search failed: {exc}") from None
    if len(data) > limit:
        raise RenderFailed(f"stock file larger than {limit:,} bytes: {url}")
    return data


class Provider:
    name = ""

    def __init__(self, key: str, base_url: str):
        self.key, self.base_url = key, base_url.rstrip("/")

    def search(self, query: str, portrait: bool) -> list[StockPhoto]:
        raise NotImplementedError

    def _json(self, url: str, headers: dict[str, str]) -> dict:
        path = cache_dir() / f"{self.name.lower()}-{hashlib.sha256(url.encode()).hexdigest()[:24]}.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
        data = json.loads(_get(url, headers, 5_000_000))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), encoding="utf-8")
        return data


class Pexels(Provider):
    name = "Pexels"

    def search(self, query, portrait):
        params = urllib.parse.urlencode({"query": query, "per_page": 5, "orientation": "portrait" if portrait else "landscape"})
        data = self._json(f"{self.base_url}/v1/search?{params}", {"Authorization": self.key})
        return [StockPhoto(p["src"].get("large2x") or p["src"]["original"], p.get("url", ""), p.get("photographer", "unknown"), self.name)
                for p in data.get("photos", []) if p.get("src")]


class Pixabay(Provider):
    name = "Pixabay"

    def search(self, query, portrait):
        params = urllib.parse.urlencode({"key": self.key, "q": query, "image_type": "photo", "per_page": 5, "orientation": "vertical" if portrait else "horizontal", "safesearch": "true"})
        data = self._json(f"{self.base_url}/api/?{params}", {})
        return [StockPhoto(h.get("largeImageURL") or h["webformatURL"], h.get("pageURL", ""), h.get("user", "unknown"), self.name) for h in data.get("hits", [])]


def providers() -> list[Provider]:
    """The providers the user configured a key for (none by default: onetake stays offline)."""
    out: list[Provider] = []
    if os.environ.get("PEXELS_API_KEY"):
        out.append(Pexels(os.environ["PEXELS_API_KEY"], os.environ.get("ONETAKE_PEXELS_URL", "https://api.pexels.com")))
    if os.environ.get("PIXABAY_API_KEY"):
        out.append(Pixabay(os.environ["PIXABAY_API_KEY"], os.environ.get("ONETAKE_PIXABAY_URL", "https://pixabay.com")))
    return out


def download(photo: StockPhoto) -> Path:
    suffix = Path(urllib.parse.urlparse(photo.url).path).suffix.lower()
    path = cache_dir() / f"{hashlib.sha256(photo.url.encode()).hexdigest()[:24]}{suffix if suffix in ('.jpg', '.jpeg', '.png', '.webp') else '.jpg'}"
    if not path.exists():
        data = _get(photo.url, {})
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    check_image(path)  # a hostile download fails like a hostile attachment
    return path


def find_photo(query: str, portrait: bool) -> tuple[Path, str] | None:
    """The first usable photo for `query` from the configured providers: (cached file, credit line)."""
    for provider in providers():
        for photo in provider.search(query, portrait)[:3]:
            try:
                return download(photo), photo.credit
            except RenderFailed:
                continue
    return None
