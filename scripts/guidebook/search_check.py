"""Run search queries in a real browser against a built site; used by the benchmark and the tests.

A query set is YAML, one file per language (bench/search/<lang>.yml):

    queries:
      - q: ที่พักพิง
        expect: service-areas/housing.md   # English path of the page that must be found, or null
        kind: word                         # word | mid-sentence | phrase | no-diacritics | none

`expect: null` means the query must find nothing.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

from .fingerprint import HASHED

KINDS = ("word", "mid-sentence", "phrase", "no-diacritics", "none")


@dataclass
class Query:
    q: str
    expect: str | None
    kind: str


@dataclass
class Outcome:
    query: Query
    rank: int | None          # 1-based rank of the expected page among the results, None if absent
    results: int              # how many results the page reported
    index_bytes: int          # gzip bytes of search files loaded before the first result showed

    @property
    def ok(self) -> bool:
        return self.results == 0 if self.query.expect is None else (self.rank is not None and self.rank <= 5)


def serve(folder: Path, cache_assets: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A quiet local HTTP server for a built site: (server, base URL ending in /).

    cache_assets: answer like a production host, files with content-hashed names cached for a year.
    """
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def end_headers(self) -> None:
            if cache_assets and HASHED.search(urlparse(self.path).path):
                self.send_header("Cache-Control", "public, max-age=31536000")
            super().end_headers()

    handler = functools.partial(Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    queries = [Query(str(q["q"]), q.get("expect"), q.get("kind", "word")) for q in data.get("queries", [])]
    unknown = [q.kind for q in queries if q.kind not in KINDS]
    if unknown:
        raise ValueError(f"{path}: unknown query kind {unknown[0]!r}; use one of {', '.join(KINDS)}")
    return queries


def page_path(uri: str, directory_urls: bool) -> str:
    """English source path -> the path part of its URL below a language root."""
    stem = uri.removesuffix(".md")
    if directory_urls:
        return "" if stem == "index" else (stem.removesuffix("/index") + "/")
    return stem + ".html"


def _gzip_size(site_dir: Path, url: str, base: str) -> int:
    path = site_dir / unquote(url[len(base):].split("?")[0].lstrip("/"))
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0


def run(browser, base: str, site_dir: Path, lang: str, default: str, queries: list[Query],
        directory_urls: bool = True) -> list[Outcome]:
    """Each query on a fresh page: type it, wait for the results, find the expected page's rank.

    `base` is the site root URL (http://… or file://…/site/).
    """
    prefix = "" if lang == default else f"{lang}/"
    start = base + prefix + ("" if directory_urls else "index.html")
    outcomes = []
    for query in queries:
        context = browser.new_context()
        page = context.new_page()
        loaded: list[str] = []
        page.on("request", lambda request: loaded.append(request.url) if "/gbsearch/" in request.url else None)
        page.goto(start)
        page.fill("#gb-search-input", query.q)
        page.wait_for_selector(".gb-search[data-gb-done]", timeout=15000)
        index_bytes = sum(_gzip_size(site_dir, url, base) for url in loaded)
        hrefs = page.eval_on_selector_all(".gb-search__results a", "links => links.map(a => a.href)")
        count = len(page.query_selector_all(".gb-search__results li"))
        status = page.inner_text(".gb-search__status")
        results = count if count < 10 else max(count, _first_number(status))
        rank = None
        if query.expect is not None:
            want = prefix + page_path(query.expect, directory_urls)
            for position, href in enumerate(hrefs, 1):
                path = unquote(urlparse(href).path)
                root_path = unquote(urlparse(base).path)
                if path[len(root_path):] == want:
                    rank = position
                    break
        outcomes.append(Outcome(query, rank, results, index_bytes))
        context.close()
    return outcomes


def _first_number(text: str) -> int:
    digits = ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return int(digits) if digits else 0


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    """hit@1, hit@5, MRR over queries that expect a page; zero-result rate over those queries;
    'none' accuracy over queries that must find nothing; bytes before the first result."""
    positive = [o for o in outcomes if o.query.expect is not None]
    negative = [o for o in outcomes if o.query.expect is None]
    n = max(1, len(positive))
    sizes = sorted(o.index_bytes for o in positive) or [0]
    return {
        "queries": len(outcomes),
        "hit@1": sum(1 for o in positive if o.rank == 1) / n,
        "hit@5": sum(1 for o in positive if o.rank is not None and o.rank <= 5) / n,
        "mrr": sum(1 / o.rank for o in positive if o.rank) / n,
        "zero-result rate": sum(1 for o in positive if o.results == 0) / n,
        "none correct": (sum(1 for o in negative if o.results == 0) / len(negative)) if negative else 1.0,
        "bytes median": sizes[len(sizes) // 2],
        "bytes max": sizes[-1],
    }
