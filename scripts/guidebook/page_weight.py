"""What a reader downloads: gzip bytes and requests for a first and a repeat page visit.

Used by the size benchmark (scripts/bench_weight.py) and the budget test. Bytes are the gzip
size of each file served (what a compressing server sends); answers 304 (cached) count 0.
Search index files are left out: they load only when the reader searches.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

FIRST_VISIT_BUDGET = 100 * 1024
FURTHER_PAGE_BUDGET = 20 * 1024
# the web fonts a phone without the script's font downloads (Debian's Chromium has them all,
# so local() finds them here and the measured visits do not include them)
SCRIPT_FONTS = {"km": "NotoSansKhmer", "lo": "NotoSansLao", "my": "NotoSansMyanmar"}


def font_bytes(site: Path, lang: str) -> int:
    """Bytes of our WOFF2 copies (regular and bold) a device without the script's font loads."""
    stem = SCRIPT_FONTS.get(lang)
    if stem is None:
        return 0
    return sum(p.stat().st_size for p in (site / "assets" / "fonts").glob(f"{stem}-*.woff2"))


def heaviest(site: Path, folder: str) -> str:
    """The page below `folder` (e.g. "th/checklists") whose HTML has the most gzip bytes, as a
    URL path: the budget has to hold for the longest chapter or checklist, not a typical one."""
    pages = (site / folder).glob("*/index.html")
    page = max(pages, key=lambda path: len(gzip.compress(path.read_bytes(), 6)))
    return page.parent.relative_to(site).as_posix() + "/"


@dataclass
class Visit:
    bytes: int = 0
    requests: int = 0
    external: list[str] = field(default_factory=list)
    fonts: int = 0             # bytes of web fonts among `bytes`


def _size(site: Path, base: str, url: str) -> int:
    path = unquote(urlparse(url).path)[len(unquote(urlparse(base).path)):]
    target = site / path
    if target.is_dir() or path.endswith("/") or not path:
        target = target / "index.html"
    if not target.is_file():
        return 0
    data = target.read_bytes()
    return len(data) if target.suffix in (".woff2", ".png", ".jpg") else len(gzip.compress(data, 6))


def measure(browser, site: Path, base: str, first: str, then: str) -> tuple[Visit, Visit]:
    """Visit `first` in a fresh browser profile, then `then` with its cache: (first, further).

    The browser's own network log says which answers came from its cache or were 304s.
    """
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    visits = [Visit(), Visit()]
    state = {"visit": visits[0]}
    from_cache: set[str] = set()
    cdp.on("Network.requestServedFromCache", lambda event: from_cache.add(event["requestId"]))

    def received(event) -> None:
        response, visit = event["response"], state["visit"]
        if event["requestId"] in from_cache:
            return
        url = response["url"]
        if "/gbsearch/" in url or url.startswith("data:"):
            return
        if not url.startswith(base):
            visit.external.append(url)
            return
        if response.get("fromDiskCache") or response.get("fromMemoryCache") or response["status"] == 304:
            return
        visit.requests += 1
        if response["status"] == 200:
            size = _size(site, base, url)
            visit.bytes += size
            if url.endswith(".woff2"):
                visit.fonts += size

    cdp.on("Network.responseReceived", received)
    page.goto(base + first, wait_until="networkidle")
    state["visit"] = visits[1]
    page.goto(base + then, wait_until="networkidle")
    context.close()
    return visits[0], visits[1]
