"""Per-language search index: ICU words at build time, split into small files loaded on demand.

Why not the theme's search: it splits words at spaces only (Thai, Khmer, Lao, Burmese and
Chinese find almost nothing) and every page downloads one index of all languages.
Readers pay for every byte, so a query loads only the few small files it needs:

Each language gets its own folder `gbsearch/` inside its part of the site:
- `meta.js`: the shard count and how many sections each page has (sections are numbered in
  page order), all ranking needs besides the postings;
- `t<N>.js`: inverted-index shards of words; a word lives in shard fnv1a(word) % SHARDS, so a
  query loads only the shards of its own words; postings are flat lists
  [doc gap, weight, doc gap, weight, ...];
- `b<N>.js`: the same for grapheme bigrams (scripts without spaces only), postings doc gaps;
- `d<N>.js`: section N alone (URL, page title, section title, text), loaded only when it is
  shown as a result: a result costs its own text, not that of its neighbours.
Files are JavaScript (`gbSearchLoad(name, data)`) rather than JSON so that the offline copy,
opened from disk, can load them with <script> (browsers refuse fetch() on file:// pages).

Tokens: NFC, case-folded, ICU word segments (shared with PDF line breaking), Vietnamese
also without diacritics ("~" keys). Runs of scripts written without spaces also get grapheme
bigrams, so a query still finds its page when the browser's segmenter cuts words differently
from ICU here.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from . import segment

SHARDS = 256     # ~0.5-1 KB gzip per shard: a query pays about that per word or bigram
FOLD_DIACRITICS = {"vi"}
_NO_SPACE_RUN = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\u3400-\u9FFF\uAA60-\uAA7F]+")
# Where a search result starts: h2/h3 headings, and glossary terms (render.glossary) so that
# showing a term loads its own definition, not the whole glossary; a term keeps its <dt> in
# the text, as before, and gets no section title: it ranks as text, not as a heading.
_HEADING = re.compile(r'<h([23])[^>]*\bid="(?P<heading>[^"]+)"[^>]*>(?P<title>.*?)</h\1>'
                      r'|<div class="gb-term" id="(?P<term>[^"]+)"[^>]*>', re.S)
_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(r'<(script|style|svg|nav|form)\b.*?</\1>|<a class="headerlink".*?</a>'
                   r'|<div class="gb-banner.*?</div>', re.S)
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    url: str            # page URL relative to the language root, with #anchor
    page: str           # page title
    title: str          # section title ("" for the part before the first heading)
    text: str


def fnv1a(token: str) -> int:
    """32-bit FNV-1a over code points; search.js computes the same to find a token's shard."""
    value = 0x811C9DC5
    for ch in token:
        value ^= ord(ch)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def _plain(html: str) -> str:
    text = unescape(_TAG.sub(" ", html)).replace(segment.ZWSP, "")
    return _SPACE.sub(" ", text).strip()


def sections(url: str, page_title: str, html: str) -> list[Section]:
    """Split a page's article HTML at its h2/h3 headings and glossary terms; each part is one
    search result."""
    html = _DROP.sub(" ", html)
    found: list[Section] = []
    last, anchor, title = 0, "", ""
    for match in _HEADING.finditer(html):
        text = _plain(html[last:match.start()])
        if text or anchor:
            found.append(Section(url + (f"#{anchor}" if anchor else ""), page_title, title, text))
        last = match.end()
        anchor = match.group("heading") or match.group("term")
        title = _plain(match.group("title") or "")
    found.append(Section(url + (f"#{anchor}" if anchor else ""), page_title, title, _plain(html[last:])))
    return [s for s in found if s.text or s.title]


def fold(token: str, lang: str) -> str:
    """Vietnamese matched with or without diacritics: both sides drop them."""
    if lang not in FOLD_DIACRITICS:
        return token
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", token) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))


def graphemes(text: str) -> list[str]:
    """Base characters with their combining marks (what a reader counts as one letter)."""
    clusters: list[str] = []
    for ch in text:
        if clusters and (unicodedata.category(ch).startswith("M") or ch in "\u200c\u200d\u103a\u1039\u17d2"):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


@functools.lru_cache(maxsize=1 << 16)
def bigrams(text: str) -> frozenset[str]:
    """Grapheme bigrams of every run of text written without spaces (single graphemes too).
    Cached: a preview rebuilds the index on every save, and all but one page are unchanged."""
    found: set[str] = set()
    for run in _NO_SPACE_RUN.findall(unicodedata.normalize("NFC", text)):
        clusters = graphemes(run)
        found.update(a + b for a, b in zip(clusters, clusters[1:]))
        if len(clusters) == 1:
            found.add(clusters[0])
    return frozenset(found)


FOLDED = "~"    # prefix of unaccented Vietnamese keys, looked up only for queries typed without accents


@functools.lru_cache(maxsize=1 << 16)
def tokens(text: str, lang: str) -> tuple[str, ...]:
    """Index words of a text: ICU word segments, case-folded; Vietnamese also unaccented (cached, see bigrams)."""
    words = [word.casefold() for word in segment.words(text, lang)]
    if lang in FOLD_DIACRITICS:
        words += [FOLDED + fold(word, lang) for word in words]
    return tuple(words)


def _gaps(numbers: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *numbers], numbers)]


def _weights(docs: list[Section], lang: str) -> dict[str, dict[int, int]]:
    """term -> {section number: weight}; weight = term frequency (capped at 9)
    + 10 if in the section title + 20 if in the page title (search.js reads the digits back)."""
    postings: dict[str, dict[int, int]] = {}
    for number, doc in enumerate(docs):
        section_terms = tokens(doc.title, lang)
        page_terms = set(tokens(doc.page, lang))
        counts: dict[str, int] = dict.fromkeys(page_terms, 0)
        for term in section_terms + tokens(doc.text, lang):
            counts[term] = counts.get(term, 0) + 1
        for term, count in counts.items():
            postings.setdefault(term, {})[number] = (min(count, 9) + (10 if term in section_terms else 0)
                                                     + (20 if term in page_terms else 0))
    return {term: found for term, found in postings.items() if _looked_up(term, lang)}


def _looked_up(term: str, lang: str) -> bool:
    """search.js looks a Vietnamese word typed without accents up among the "~" keys only, so
    the exact key of a word that has no accents would never be read: leave it out."""
    return lang not in FOLD_DIACRITICS or term.startswith(FOLDED) or fold(term, lang) != term


def _pairs(docs: list[Section]) -> dict[str, list[int]]:
    """bigram -> numbers of the sections holding it."""
    pairs: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        for pair in bigrams(f"{doc.page} {doc.title} {doc.text}"):
            pairs.setdefault(pair, []).append(number)
    return pairs


def _shards(prefix: str, postings: dict[str, list[int]]) -> dict[str, str]:
    """Files <prefix><N>.js: a key lives in shard fnv1a(key) % SHARDS, found by search.js alike."""
    shards: list[dict[str, list[int]]] = [{} for _ in range(SHARDS)]
    for key, flat in postings.items():
        shards[fnv1a(key) % SHARDS][key] = flat
    return {f"{prefix}{number}.js": _js(f"{prefix}{number}", shard) for number, shard in enumerate(shards)}


def _sections_per_page(docs: list[Section]) -> list[int]:
    """Sections are numbered page by page, so these counts tell search.js each section's page
    (one result per page) without shipping URLs or titles before a result is shown."""
    counts: dict[str, int] = {}
    for doc in docs:
        page = doc.url.split("#")[0]
        counts[page] = counts.get(page, 0) + 1
    return list(counts.values())


def build(lang: str, pages: list[tuple[str, str, str]]) -> dict[str, str]:
    """(url, title, article html) of every page -> {file name: JavaScript text}."""
    docs: list[Section] = []
    for url, title, html in pages:
        docs.extend(sections(url, title, html))
    words: dict[str, list[int]] = {}
    for term, weights in _weights(docs, lang).items():
        numbers = sorted(weights)
        words[term] = [value for gap, number in zip(_gaps(numbers), numbers) for value in (gap, weights[number])]
    pairs = {pair: _gaps(numbers) for pair, numbers in _pairs(docs).items()}
    files = {"meta.js": _js("meta", {"lang": lang, "shards": SHARDS, "bigrams": bool(pairs),
                                     "pages": _sections_per_page(docs)})}
    files.update(_shards("t", words))
    if pairs:
        files.update(_shards("b", pairs))
    for number, doc in enumerate(docs):
        files[f"d{number}.js"] = _js(f"d{number}", [doc.url, doc.page, doc.title, doc.text])
    return files


def _js(name: str, data) -> str:
    return f"gbSearchLoad({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.js"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
