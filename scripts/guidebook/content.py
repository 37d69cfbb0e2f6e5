"""Load every content file once into validated models, collecting all problems in one pass.

This is the first stage of the pipeline; later stages (pages, PDFs, search, checks) take the
`Content` object and never re-read or re-parse the files.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import ValidationError

from . import languages as languages_mod
from .errors import ContentError, Problem, rel
from .frontmatter import FrontMatterError, Parsed, load_yaml, parse_markdown
from .model import (CALLOUT_TYPES, ITEMISED, SECTION_LETTER, SERVICE_AREAS, TRANSLATION_FACTS, BaseMeta,
                    CaseStudyMeta, ChecklistMeta, GuideMeta, Glossary, Resources, problems_from,
                    validate_meta)
from .ui import UIStrings, flatten, merge

DATA_FILES = {"glossary.yml": Glossary, "references.yml": Resources, "ui.yml": UIStrings}
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".css", ".js", ".woff2", ".pdf"}
INSERT = re.compile(r"<!--\s*insert:\s*([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->")
INSERT_KINDS = {"case-studies", "good-practices", "checklist", "glossary", "resources",
                "case-study-index", "checklist-index", "service-area-index", "pdf-index", "translation-status"}
CASE_STUDY_ID = re.compile(r"^(?P<area>[a-z-]+)-(?P<kind>cs|gp)-\d{2}$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
# markup that would run code, embed other sites or load files from elsewhere
FORBIDDEN_MARKUP = re.compile(r"<\s*(script|iframe|object|embed|frame|link|style)\b", re.I)
EXTERNAL_MEDIA = re.compile(r"""(?:!\[[^\]]*\]\(\s*|<(?:img|source|video|audio)\b[^>]*\bsrc\s*=\s*["']?)(?:https?:)?//""", re.I)
MD_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\(")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$")
# where each type of page lives below docs/ (a misplaced file would land in the wrong menu)
# (case studies have their own, stricter file-name check)
TYPE_FOLDERS = {"checklist": "checklists/", "worksheet": "worksheets/", "country": "countries/",
                "guide": "guides/"}


def file_hash(data: bytes) -> str:
    """Content hash that identifies an English version without needing git history."""
    return hashlib.sha256(data).hexdigest()[:12]


@dataclass
class Document:
    """One Markdown page in one language, parsed and validated."""

    uri: str                # path below docs/ (same for every language), e.g. checklists/housing.md
    lang: str
    path: str               # path relative to the project root, for messages
    meta: BaseMeta
    body: str
    body_line: int
    lines: dict[tuple, int]
    hash: str
    text: str = ""          # the whole file, for scaffolding a translation from it

    @property
    def type(self) -> str:
        return self.meta.type  # type: ignore[attr-defined]

    @property
    def slug(self) -> str:
        return Path(self.uri).stem


@dataclass
class DataFile:
    """A YAML data file (glossary, resources, UI strings) in one language."""

    uri: str
    lang: str
    path: str
    model: Any
    raw: dict
    lines: dict[tuple, int]
    hash: str


@dataclass
class Content:
    root: Path
    languages: list[languages_mod.Language]
    pages: dict[str, dict[str, Document]] = field(default_factory=dict)   # lang -> uri -> page
    data: dict[str, dict[str, DataFile]] = field(default_factory=dict)    # lang -> name -> file
    assets: list[str] = field(default_factory=list)                       # uris of static files
    orphans: dict[str, list[str]] = field(default_factory=dict)           # lang -> translations without English
    problems: list[Problem] = field(default_factory=list)

    @property
    def default(self) -> str:
        return self.languages[0].code

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def source(self, uri: str) -> Document | None:
        return self.pages[self.default].get(uri)

    def page(self, lang: str, uri: str) -> Document | None:
        """The page in `lang` if translated, else None (callers fall back to English)."""
        return self.pages.get(lang, {}).get(uri)

    def of_type(self, kind: str) -> Iterator[Document]:
        return (doc for doc in self.pages[self.default].values() if doc.type == kind)

    def checklists(self) -> dict[str, Document]:
        return {doc.slug: doc for doc in self.of_type("checklist")}

    def printables(self) -> list[Document]:
        """English checklists and worksheets: the pages that get a PDF in every language."""
        return sorted((doc for doc in self.pages[self.default].values() if doc.type in ITEMISED),
                      key=lambda doc: (doc.type, getattr(doc.meta, "service_area", None) or 0, doc.slug))

    def case_studies(self) -> list[Document]:
        return sorted(self.of_type("case-study"), key=lambda doc: doc.slug)

    def chapters(self) -> dict[int, Document]:
        return {doc.meta.service_area: doc for doc in self.of_type("chapter")}  # type: ignore

    def ui(self, lang: str) -> UIStrings:
        return self.data[lang]["ui.yml"].model

    def glossary(self, lang: str) -> Glossary | None:
        entry = self.data.get(lang, {}).get("glossary.yml")
        return entry.model if entry else None

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def raise_for_errors(self) -> None:
        if self.errors():
            raise ContentError(self.problems)


_MYANMAR = re.compile(r"[\u1000-\u109F]")
ZAWGYI_THRESHOLD = 0.95   # Unicode Burmese in our files scores below 0.4; Zawgyi scores above 0.999
# a line of a few Burmese letters gives the detector little to go on: the correct Unicode
# heading ဘာသာစကား ("language") scores 0.955, so short lines must be near-certain Zawgyi
ZAWGYI_SHORT_LINE, ZAWGYI_SHORT_THRESHOLD = 20, 0.99


@functools.lru_cache(maxsize=1)
def _zawgyi_detector():
    from myanmartools import ZawgyiDetector
    return ZawgyiDetector()


def _check_zawgyi(text: str, shown: str, problems: list[Problem]) -> None:
    """Burmese must be Unicode: Zawgyi text looks right only with the Zawgyi font, and breaks
    search, sorting and every other device."""
    if not _MYANMAR.search(text):
        return
    detector = _zawgyi_detector()
    for number, line in enumerate(text.split("\n"), 1):
        letters = len(_MYANMAR.findall(line))
        limit = ZAWGYI_THRESHOLD if letters >= ZAWGYI_SHORT_LINE else ZAWGYI_SHORT_THRESHOLD
        if letters and detector.get_zawgyi_probability(line) > limit:
            problems.append(Problem(shown, number, "Burmese text is in the Zawgyi encoding, not Unicode",
                                    "convert it to Unicode (e.g. with Rabbit or the Myanmar Tools converter) "
                                    "and type with a Unicode keyboard"))


def _read_text(path: Path, shown: str, problems: list[Problem]) -> tuple[str, bytes] | None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "file is not valid UTF-8", "save the file as UTF-8"))
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    _check_zawgyi(text, shown, problems)
    return text, raw


# path and stat -> (page, its own problems): `serve` reloads the content on every save, and
# all files but the saved one are unchanged
_PAGE_CACHE: dict[tuple, tuple[Document | None, list[Problem]]] = {}


def _load_page(path: Path, uri: str, lang: str, shown: str, problems: list[Problem]) -> Document | None:
    stat = path.stat()
    key = (str(path), uri, lang, shown, stat.st_mtime_ns, stat.st_size)
    if key not in _PAGE_CACHE:
        found: list[Problem] = []
        _PAGE_CACHE[key] = (_parse_page(path, uri, lang, shown, found), found)
    page, found = _PAGE_CACHE[key]
    problems.extend(found)
    return page


def _parse_page(path: Path, uri: str, lang: str, shown: str, problems: list[Problem]) -> Document | None:
    read = _read_text(path, shown, problems)
    if read is None:
        return None
    text, raw = read
    try:
        parsed: Parsed = parse_markdown(text)
    except FrontMatterError as exc:
        problems.append(Problem(shown, exc.line, exc.message, exc.hint))
        return None
    meta, found = validate_meta(parsed.data, shown, parsed.lines)
    problems.extend(found)
    if meta is None:
        # the page is not loaded, but its text is still checked, so one run shows every problem
        for number, line in enumerate(parsed.body.split("\n"), parsed.body_line):
            _check_markup(problems, shown, number, line)
        return None
    return Document(uri, lang, shown, meta, parsed.body, parsed.body_line, parsed.lines, file_hash(raw), text)


def _load_data(path: Path, uri: str, lang: str, shown: str, base: DataFile | None,
               problems: list[Problem]) -> DataFile | None:
    read = _read_text(path, shown, problems)
    if read is None:
        return None
    text, raw = read
    try:
        data, lines = load_yaml(text)
    except FrontMatterError as exc:
        problems.append(Problem(shown, exc.line, exc.message, exc.hint))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "the file must be a set of 'key: value' entries"))
        return None
    schema = DATA_FILES[uri]
    to_validate = merge(base.raw, data) if (base is not None and uri == "ui.yml") else data
    try:
        model = schema.model_validate(to_validate)
    except ValidationError as exc:
        problems.extend(problems_from(exc, shown, lines, f"compare with docs/{uri}"))
        return None
    return DataFile(uri, lang, shown, model, data, lines, file_hash(raw))


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def _collect_tree(content: Content, folder: Path, lang: str) -> None:
    """Read one language's folder; anything we do not know how to publish is an error."""
    problems = content.problems
    for top in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if lang == content.default and re.fullmatch(r"[a-z]{2}(-[A-Za-z]+)?", top.name):
            problems.append(Problem(rel(top, content.root), None,
                                    f"a top-level folder named '{top.name}' looks like a language code; "
                                    "the i18n plugin would silently drop it",
                                    "rename the folder (e.g. 'topics-" + top.name + "'); translations go in "
                                    "translations/<lang>/"))
    english = content.pages.get(content.default, {})
    for path in _walk(folder):
        uri = path.relative_to(folder).as_posix()
        shown = rel(path, content.root)
        if path.suffix == ".md":
            if lang != content.default and uri not in english:
                content.orphans.setdefault(lang, []).append(shown)
                problems.append(Problem(shown, None, f"translation has no English counterpart docs/{uri}",
                                        "rename it to match the English file's path, or delete it"))
                continue
            doc = _load_page(path, uri, lang, shown, problems)
            if doc:
                content.pages.setdefault(lang, {})[uri] = doc
        elif uri in DATA_FILES:
            base = content.data.get(content.default, {}).get(uri)
            if lang != content.default and base is None:
                problems.append(Problem(shown, None, f"no English docs/{uri} to translate"))
                continue
            entry = _load_data(path, uri, lang, shown, base, problems)
            if entry:
                content.data.setdefault(lang, {})[uri] = entry
        elif path.suffix.lower() in ASSET_SUFFIXES and lang == content.default:
            content.assets.append(uri)
        else:
            hint = ("only .md pages and glossary.yml/references.yml/ui.yml are read from translations/"
                    if lang != content.default else
                    f"pages are .md; images use {', '.join(sorted(ASSET_SUFFIXES))}")
            problems.append(Problem(shown, None, "file is not part of the content model and would be "
                                    "dropped", hint))


def _check_unicode(doc: Document, problems: list[Problem]) -> None:
    """Text typed with combining accents looks right but does not match in search."""
    if unicodedata.normalize("NFC", doc.text) == doc.text:
        return
    for number, line in enumerate(doc.text.split("\n"), 1):
        if unicodedata.normalize("NFC", line) != line:
            problems.append(Problem(doc.path, number, "text is not in Unicode NFC form (letters typed "
                                    "with separate combining accents break search)",
                                    "run: guidebook fix-nfc " + doc.path))
            break


def _check_items(content: Content) -> None:
    """Item and prompt ids are unique across the site and share their page's prefix and section."""
    seen: dict[str, str] = {}
    for doc in content.printables():
        prefixes = set()
        for position, (section, item) in enumerate(doc.meta.items()):  # type: ignore[attr-defined]
            line = _item_line(doc, position)
            prefixes.add(item.id[:3])
            if item.id in seen:
                content.problems.append(Problem(doc.path, line, f"duplicate {doc.type} item id '{item.id}' "
                                                f"(also in {seen[item.id]})",
                                                "give the new item the next unused number; never reuse an id"))
            seen[item.id] = doc.path
            if doc.type == "checklist" and item.id[4] != SECTION_LETTER[section]:
                content.problems.append(Problem(doc.path, line, f"item '{item.id}' is in section "
                                                f"'{section}' but its letter is '{item.id[4]}'",
                                                f"ids in '{section}' use the letter '{SECTION_LETTER[section]}'"))
        if len(prefixes) > 1:
            content.problems.append(Problem(doc.path, doc.lines.get(_items_key(doc)),
                                            f"items use several prefixes {sorted(prefixes)}",
                                            "all items of one page share one 3-letter prefix"))


def _items_key(doc: Document) -> tuple[str]:
    """The front-matter key that holds a checklist's or worksheet's items."""
    return ("sections",) if doc.type == "checklist" else ("prompts",)


def _item_line(doc: Document, position: int) -> int | None:
    """YAML line of the n-th item id of a checklist or worksheet."""
    if doc.type == "worksheet":
        return doc.lines.get(("prompts", position, "id"))
    count = 0
    for s_index, section in enumerate(doc.meta.sections):  # type: ignore[attr-defined]
        for i_index, _ in enumerate(section.items):
            if count == position:
                return doc.lines.get(("sections", s_index, "items", i_index, "id"))
            count += 1
    return None


def _check_translated_items(content: Content, doc: Document) -> None:
    """A translated checklist or worksheet has exactly the English item ids, in the same order."""
    english = content.source(doc.uri)
    if english is None or english.type not in ITEMISED or doc.type != english.type:
        return
    where = doc.lines.get(_items_key(doc))
    want = [item.id for _, item in english.meta.items()]  # type: ignore[attr-defined]
    have = [item.id for _, item in doc.meta.items()]  # type: ignore[attr-defined]
    missing = [i for i in want if i not in have]
    unknown = [i for i in have if i not in want]
    noun = "checklist items" if doc.type == "checklist" else "worksheet prompts"
    if missing:
        content.problems.append(Problem(doc.path, where, f"translation lacks {noun}: {', '.join(missing)}",
                                        f"translate them from {english.path}"))
    if unknown:
        content.problems.append(Problem(doc.path, where,
                                        f"translation has {noun} that the English page does not: "
                                        f"{', '.join(unknown)}",
                                        "use exactly the English ids; never invent or renumber ids"))
    if doc.type == "worksheet":
        _check_prompt_shapes(content, doc, english)
    placed = [(section, item.id) for section, item in english.meta.items()]  # type: ignore[attr-defined]
    if not missing and not unknown and placed != [(section, item.id) for section, item in doc.meta.items()]:  # type: ignore[attr-defined]
        content.problems.append(Problem(doc.path, where, "items are in a different order or section than in English",
                                        f"follow the order of {english.path}"))


def _shape(prompt) -> tuple:
    """What a worksheet prompt prints: ruled lines, or a grid of columns x rows."""
    return (prompt.lines, len(prompt.columns or ()), len(prompt.rows or ()))


def _check_prompt_shapes(content: Content, doc: Document, english: Document) -> None:
    """A translated prompt prints the same lines or grid as the English one (only its words change)."""
    wanted = {prompt.id: _shape(prompt) for prompt in english.meta.prompts}  # type: ignore[attr-defined]
    for position, prompt in enumerate(doc.meta.prompts):  # type: ignore[attr-defined]
        want = wanted.get(prompt.id)
        if want is not None and _shape(prompt) != want:
            lines, columns, rows = want
            shape = f"{lines} lines" if lines else f"{columns} columns and {rows} rows"
            content.problems.append(Problem(doc.path, doc.lines.get(("prompts", position, "id")),
                                            f"prompt {prompt.id} does not print like the English one, "
                                            f"which has {shape}",
                                            f"translate each of the English {'rows and columns' if not lines else 'prompt'} "
                                            f"once: same count, same order ({english.path})"))


def _check_translation_facts(content: Content, doc: Document) -> None:
    """A translation changes words, never facts: type, ids, numbers and case-study attributes."""
    english = content.source(doc.uri)
    if english is None:
        return
    if english.type != doc.type:
        content.problems.append(Problem(doc.path, doc.lines.get(("type",)),
                                        f"type is '{doc.type}' but the English page is '{english.type}'",
                                        f"use type: {english.type}"))
        return
    for key in TRANSLATION_FACTS.get(doc.type, ()):
        if hasattr(english.meta, key) and getattr(english.meta, key) != getattr(doc.meta, key):
            content.problems.append(Problem(doc.path, doc.lines.get((key,)),
                                            f"{key} is {getattr(doc.meta, key)!r} but the English page says "
                                            f"{getattr(english.meta, key)!r}",
                                            "copy the value from the English file unchanged"))


def _check_translated_headings(content: Content, doc: Document) -> None:
    """A translation keeps every English heading anchor, and adds none: links land in every language."""
    english = content.source(doc.uri)
    if english is None:
        return
    want, have = headings(english), headings(doc)
    missing = [anchor for anchor in want if anchor not in have]
    if missing:
        content.problems.append(Problem(doc.path, None, "translation lacks the heading anchors "
                                        + ", ".join(f"#{a}" for a in missing),
                                        f"keep each heading of {english.path} with its {{#anchor}} unchanged "
                                        "after the translated heading text"))
    offset = doc.body_line - 1
    for number, line in enumerate(doc.body.split("\n"), 1):
        match = HEADING.match(line)
        if match and match.group(3) not in want:
            content.problems.append(Problem(doc.path, offset + number,
                                            f"heading anchor '#{match.group(3)}' is not on the English page",
                                            "anchors are the English ones in every language: copy them from "
                                            f"{english.path}"))


def _check_pages(content: Content) -> None:
    checklists = content.checklists()
    for slug_doc in content.case_studies():
        match = CASE_STUDY_ID.match(slug_doc.slug)
        meta: CaseStudyMeta = slug_doc.meta  # type: ignore[assignment]
        if not match or not slug_doc.uri.startswith("case-studies/"):
            content.problems.append(Problem(slug_doc.path, None, "case-study files live in case-studies/ and are "
                                            "named <area>-cs-NN.md or <area>-gp-NN.md",
                                            "rename the file"))
        elif (match["kind"] == "gp") != (meta.kind == "good-practice"):
            content.problems.append(Problem(slug_doc.path, slug_doc.lines.get(("kind",)),
                                            f"file name says '{match['kind']}' but kind is '{meta.kind}'",
                                            "use -gp- for good practices and -cs- for case studies"))
    areas: dict[int, str] = {}
    for doc in content.of_type("chapter"):
        number = doc.meta.service_area  # type: ignore[attr-defined]
        if number in areas:
            content.problems.append(Problem(doc.path, doc.lines.get(("service_area",)),
                                            f"service area {number} already has a chapter: {areas[number]}"))
        areas[number] = doc.path
        if doc.uri != f"service-areas/{SERVICE_AREAS[number]}.md":
            content.problems.append(Problem(doc.path, None, f"the chapter for service area {number} must be "
                                            f"docs/service-areas/{SERVICE_AREAS[number]}.md"))
    for doc in content.pages[content.default].values():
        folder = TYPE_FOLDERS.get(doc.type)
        if folder and not doc.uri.startswith(folder):
            content.problems.append(Problem(doc.path, doc.lines.get(("type",)),
                                            f"a '{doc.type}' page must be in docs/{folder}",
                                            "move the file, or change its type"))
    for lang, pages in content.pages.items():
        for doc in pages.values():
            offset = doc.body_line - 1
            for number, line in enumerate(doc.body.split("\n"), 1):
                _check_markup(content.problems, doc.path, offset + number, line)
                callout = ADMONITION.match(line)
                if callout and callout.group(1) not in CALLOUT_TYPES:
                    content.problems.append(Problem(doc.path, offset + number,
                                                    f"unknown callout type '{callout.group(1)}'",
                                                    f"use one of: {', '.join(CALLOUT_TYPES)} (see CONTENT_FORMAT.md)"))
                for match in INSERT.finditer(line):
                    kind, arg = match.group(1), match.group(2)
                    if kind not in INSERT_KINDS:
                        content.problems.append(Problem(doc.path, offset + number, f"unknown insert '{kind}'",
                                                        f"use one of: {', '.join(sorted(INSERT_KINDS))}"))
                    elif kind == "checklist" and arg not in checklists:
                        content.problems.append(Problem(doc.path, offset + number,
                                                        f"no checklist named '{arg}'",
                                                        f"use one of: {', '.join(sorted(checklists))}"))
                    elif kind in ("case-studies", "good-practices") and doc.type != "chapter":
                        content.problems.append(Problem(doc.path, offset + number,
                                                        f"'{kind}' can only be inserted in a chapter"))


def _check_markup(problems: list[Problem], path: str, line_no: int, line: str) -> None:
    """No code, embeds or external files in content; every image has a text alternative."""
    found = FORBIDDEN_MARKUP.search(line)
    if found:
        problems.append(Problem(path, line_no, f"raw <{found.group(1).lower()}> is not allowed in content",
                                        "remove it: pages carry no scripts, embeds or styles of their own"))
    if EXTERNAL_MEDIA.search(line):
        problems.append(Problem(path, line_no, "image or media loaded from another site",
                                        "save the file under docs/ and link it with a relative path (readers "
                                        "may be offline or behind filters, and must not be tracked)"))
    missing_alt = MD_IMAGE_NO_ALT.search(line) or any(
        not re.search(r"\balt\s*=\s*[\"'][^\"']+", tag) for tag in HTML_IMG.findall(line))
    if missing_alt:
        problems.append(Problem(path, line_no, "image without a text alternative",
                                        "describe the image: ![what it shows](file.png) or <img alt=\"...\">"))


def headings(doc: Document) -> dict[str, str]:
    """Anchor -> heading text of a page's ## and deeper headings (anchors are explicit)."""
    return {match.group(3): match.group(2) for match in map(HEADING.match, doc.body.split("\n")) if match}


def _check_guides(content: Content) -> None:
    """Every anchor a guide offers to the chapters exists on the guide."""
    for doc in content.of_type("guide"):
        meta: GuideMeta = doc.meta  # type: ignore[assignment]
        anchors = headings(doc)
        for area, wanted in meta.related.items():
            for anchor in wanted:
                if anchor not in anchors:
                    content.problems.append(Problem(doc.path, doc.lines.get(("related", area)),
                                                    f"related: {area} names '#{anchor}', which is not a heading "
                                                    "anchor on this page",
                                                    f"use one of: {', '.join(sorted(anchors)) or '(no anchors)'}"))


def load(root: Path, languages: list[languages_mod.Language] | None = None) -> Content:
    """Read docs/ and translations/<lang>/ into one validated Content; problems are collected."""
    root = root.resolve()
    content = Content(root, languages or languages_mod.load(root))
    docs = root / "docs"
    _collect_tree(content, docs, content.default)
    if "ui.yml" not in content.data.get(content.default, {}):
        content.problems.append(Problem("docs/ui.yml", None, "the English interface strings are missing"))
    translations = root / "translations"
    if translations.is_dir():
        for folder in sorted(p for p in translations.iterdir() if not p.name.startswith(".")):
            if not folder.is_dir() or folder.name not in content.codes or folder.name == content.default:
                content.problems.append(Problem(rel(folder, root), None,
                                                f"'{folder.name}' is not a configured translation language",
                                                f"use one of: {', '.join(content.codes[1:])}, or add the "
                                                "language to mkdocs.yml (see README)"))
                continue
            _collect_tree(content, folder, folder.name)
    for lang in content.codes:
        content.pages.setdefault(lang, {})
        content.data.setdefault(lang, {})
        if lang != content.default and "ui.yml" not in content.data[lang] and content.data[content.default]:
            english_ui = content.data[content.default].get("ui.yml")
            if english_ui:
                # no strings yet: English ones, but the language keeps its own name
                own_name = next(l.name for l in content.languages if l.code == lang)
                model = english_ui.model.model_copy(update={"language_name": own_name})
                content.data[lang]["ui.yml"] = DataFile("ui.yml", lang, english_ui.path, model,
                                                        {}, english_ui.lines, english_ui.hash)
    for lang, pages in content.pages.items():
        for doc in pages.values():
            _check_unicode(doc, content.problems)
            if lang != content.default:
                _check_translated_items(content, doc)
                _check_translation_facts(content, doc)
                _check_translated_headings(content, doc)
    _check_items(content)
    _check_pages(content)
    _check_guides(content)
    return content


def ui_coverage(content: Content, lang: str) -> tuple[int, int, list[str]]:
    """How many English UI strings a language translates: (translated, total, missing keys)."""
    english = flatten(content.data[content.default]["ui.yml"].raw)
    own = flatten(content.data[lang]["ui.yml"].raw) if lang != content.default else english
    missing = [key for key in english if key not in own]
    return len(english) - len(missing), len(english), missing
