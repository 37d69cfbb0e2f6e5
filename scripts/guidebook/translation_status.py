"""Translation status per language: what is translated, current, outdated, missing, unstamped.

Staleness compares the English file's content hash with the hash the translation recorded when
it was stamped, so it works in a tarball or a shallow clone without git history.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from .content import Content, ui_coverage

STAMP_BLOCK = re.compile(r"^translation:\n(?:[ \t]+.*\n)*", re.M)


@dataclass
class LanguageStatus:
    lang: str
    pages_total: int = 0
    current: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    unstamped: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)     # files with no English counterpart
    draft: list[str] = field(default_factory=list)
    checklist_items: tuple[int, int] = (0, 0)
    glossary_terms: tuple[int, int] = (0, 0)
    ui_strings: tuple[int, int] = (0, 0)
    data_files: dict[str, str] = field(default_factory=dict)   # glossary.yml/ui.yml -> state

    @property
    def percent_current(self) -> float:
        return 100.0 * len(self.current) / self.pages_total if self.pages_total else 0.0


def _state(stamp, english_hash: str) -> str:
    if stamp is None:
        return "unstamped"
    return "current" if stamp.source_hash == english_hash else "outdated"


def language_status(content: Content, lang: str) -> LanguageStatus:
    status = LanguageStatus(lang)
    english = content.pages[content.default]
    status.pages_total = len(english)
    status.orphaned = list(content.orphans.get(lang, []))
    items_total = items_done = 0
    for uri, source in sorted(english.items()):
        doc = content.page(lang, uri)
        if source.type == "checklist":
            count = len(source.meta.items())  # type: ignore[attr-defined]
            items_total += count
            items_done += count if doc is not None else 0
        if doc is None:
            status.missing.append(uri)
            continue
        state = _state(doc.meta.translation, source.hash)
        getattr(status, state).append(uri)
        if doc.meta.translation is None or doc.meta.translation.status == "draft":
            status.draft.append(uri)
    status.checklist_items = (items_done, items_total)
    english_glossary = content.glossary(content.default)
    own_glossary = content.glossary(lang)
    total_terms = len(english_glossary.terms) if english_glossary else 0
    own_ids = {t.id for t in own_glossary.terms} if own_glossary else set()
    status.glossary_terms = (len(own_ids & {t.id for t in english_glossary.terms}) if english_glossary else 0,
                             total_terms)
    done, total, _ = ui_coverage(content, lang)
    status.ui_strings = (done, total)
    for name in ("ui.yml", "glossary.yml"):
        own = content.data.get(lang, {}).get(name)
        base = content.data[content.default].get(name)
        if own is None or base is None or not own.raw:
            status.data_files[name] = "missing"
        else:
            status.data_files[name] = _state(own.model.translation, base.hash)
    return status


def report(content: Content, langs: list[str]) -> list[LanguageStatus]:
    return [language_status(content, lang) for lang in langs]


def as_json(statuses: list[LanguageStatus]) -> list[dict]:
    out = []
    for status in statuses:
        data = asdict(status)
        data["percent_current"] = round(status.percent_current, 1)
        out.append(data)
    return out


def table(statuses: list[LanguageStatus]) -> str:
    head = (f"{'lang':<5}{'pages':>6}{'current':>9}{'outdated':>9}{'unstamped':>10}{'missing':>8}{'orphaned':>9}"
            f"{'draft':>6}{'%cur':>6}{'items':>10}{'glossary':>10}{'ui':>9}  ui.yml/glossary.yml")
    rows = [head]
    for s in statuses:
        rows.append(f"{s.lang:<5}{s.pages_total:>6}{len(s.current):>9}{len(s.outdated):>9}{len(s.unstamped):>10}"
                    f"{len(s.missing):>8}{len(s.orphaned):>9}{len(s.draft):>6}{s.percent_current:>6.0f}"
                    f"{'%d/%d' % s.checklist_items:>10}{'%d/%d' % s.glossary_terms:>10}"
                    f"{'%d/%d' % s.ui_strings:>9}  {s.data_files.get('ui.yml')}/{s.data_files.get('glossary.yml')}")
    return "\n".join(rows)


def stamp_text(text: str, source_hash: str, status: str | None, is_markdown: bool) -> str:
    """Write or refresh the translation block, keeping a reviewed/draft status unless told."""
    if is_markdown:
        if not text.startswith("---\n"):
            raise ValueError("the file has no front-matter")
        end = text.index("\n---", 4)
        head, rest = text[4:end + 1], text[end + 1:]
    else:
        head, rest = text, ""
    old = STAMP_BLOCK.search(head)
    previous = None
    if old:
        previous = (yaml.safe_load(old.group(0)) or {}).get("translation", {}).get("status")
        head = head[:old.start()] + head[old.end():]
    block = f"translation:\n  source_hash: \"{source_hash}\"\n  status: {status or previous or 'draft'}\n"
    head = block + head
    return f"---\n{head}{rest}" if is_markdown else head


def new_translation(english_text: str, source_hash: str, is_markdown: bool = True) -> str:
    """A translation file to start from: the English text, stamped, status draft."""
    return stamp_text(english_text, source_hash, "draft", is_markdown)
