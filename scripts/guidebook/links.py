"""Links: internal links and anchors reported against the files people edit; external links listed.

MkDocs already resolves every internal link and `#anchor` against the rendered pages of each
language (it knows the anchors our inserts create, which a text scan would not). But it names
the staged file (`service-areas/housing.th.md`) and no line. A logging filter rewrites those
warnings into our problem format: the translator's own file (`translations/th/...`) and the
line of the link, with what to do. External links are never fetched at build time; `guidebook
links` lists them (optionally checking them online) so a maintainer can review them.
"""
from __future__ import annotations

import logging
import re
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .content import Content, Document
from .errors import Problem

VALIDATION = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?P<what>a link|an absolute link|"
                        r"an unrecognized relative link|a link to) '(?P<link>[^']+)'(?P<rest>.*)$", re.S)
MISSING_ANCHOR = re.compile(r"does not contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor")
EXTERNAL = re.compile(r"""\]\(\s*<?(https?://[^\s)>]+)|<(https?://[^\s>]+)>|href=["'](https?://[^"']+)""")
PAGES_LOGGER = "mkdocs.structure.pages"


def source_of(content: Content, staged_uri: str) -> Document | None:
    """The page a staged file name stands for: `a/b.th.md` is translations/th/a/b.md."""
    stem, _, suffix = staged_uri.rpartition(".")
    base, _, lang = stem.rpartition(".")
    if lang in content.codes and lang != content.default:
        return content.page(lang, f"{base}.{suffix}")
    return content.source(staged_uri)


def _line_of(doc: Document, link: str) -> int | None:
    offset = doc.body_line - 1
    for number, line in enumerate(doc.body.split("\n"), 1):
        if f"({link}" in line or f'"{link}"' in line or f"<{link}>" in line:
            return offset + number
    return None


def problem_from_warning(content: Content, message: str) -> Problem | None:
    """Our version of one MkDocs link warning, or None for other messages."""
    match = VALIDATION.match(message)
    if not match:
        return None
    doc = source_of(content, match["src"])
    path = doc.path if doc else f"docs/{match['src']}"
    line = _line_of(doc, match["link"]) if doc else None
    link, rest, what = match["link"], match["rest"], match["what"]
    if MISSING_ANCHOR.search(rest):
        return Problem(path, line, f"link '{link}' points to an anchor that does not exist",
                       "anchors are the same in every language: copy the '#...' part from the English "
                       "page, or use one of the target page's {#anchors}")
    if what == "a link to":
        return Problem(path, line, f"link '{link}' points to a page that is not published",
                       "link to a page in the menu, or ask a maintainer to publish the target")
    if what == "an absolute link":
        return Problem(path, line, f"link '{link}' starts with '/' and breaks in other languages and offline",
                       "link relative to this file, e.g. ../glossary.md")
    return Problem(path, line, f"link '{link}' points to a page or file that does not exist",
                   "link to the .md file relative to this one (e.g. ../checklists/housing.md); "
                   "file names are the English ones in every language")


class LinkProblems(logging.Filter):
    """Rewrites MkDocs' link warnings as problems with file and line, and keeps them for a report."""

    def __init__(self) -> None:
        super().__init__("guidebook-links")
        self.content: Content | None = None
        self.problems: list[Problem] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if self.content is None or record.levelno < logging.WARNING:
            return True
        problem = problem_from_warning(self.content, record.getMessage())
        if problem is None:
            return True
        if problem in self.problems:
            return False  # an English page falls back into every language: report it once
        self.problems.append(problem)
        record.msg, record.args = problem.format(), ()
        return True


FILTER = LinkProblems()


def watch(content: Content) -> LinkProblems:
    """Install the filter once; each build points it at the content it validated."""
    logger = logging.getLogger(PAGES_LOGGER)
    if FILTER not in logger.filters:
        logger.addFilter(FILTER)
    FILTER.content = content
    return FILTER


@dataclass
class ExternalLink:
    url: str
    places: list[str]       # "path:line"


def external_links(content: Content) -> list[ExternalLink]:
    """Every http(s) link in pages (all languages) and in the resource library, with where it is."""
    found: dict[str, list[str]] = defaultdict(list)
    for pages in content.pages.values():
        for doc in pages.values():
            offset = doc.body_line - 1
            for number, line in enumerate(doc.body.split("\n"), 1):
                for match in EXTERNAL.finditer(line):
                    found[next(g for g in match.groups() if g)].append(f"{doc.path}:{offset + number}")
    for lang, files in content.data.items():
        entry = files.get("references.yml")
        if entry is None:
            continue
        for index, resource in enumerate(entry.model.resources):
            if resource.url:
                line = entry.lines.get(("resources", index, "url"))
                found[resource.url].append(f"{entry.path}:{line}" if line else entry.path)
    return [ExternalLink(url, places) for url, places in sorted(found.items())]


def check_online(urls: list[str], timeout: float = 15.0) -> dict[str, str]:
    """Optional: fetch each URL (HEAD, then GET) and say what came back. Never part of a build."""
    def status(url: str) -> str:
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": "guidebook-link-check"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    return str(response.status)
            except urllib.error.HTTPError as exc:
                if method == "GET" or exc.code not in (403, 405, 501):
                    return str(exc.code)
            except (urllib.error.URLError, OSError) as exc:
                return f"unreachable ({getattr(exc, 'reason', exc)})"
        return "unknown"

    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(urls, pool.map(status, urls)))
