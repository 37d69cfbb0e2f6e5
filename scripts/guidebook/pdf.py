"""Printable PDFs of every checklist and worksheet in every language, rendered with WeasyPrint.

The PDFs are built from the same item data as the web pages. Each PDF's inputs (its HTML,
the fonts, WeasyPrint's version and the options) are hashed; an unchanged PDF is not rendered
again. Two worker processes import WeasyPrint once each (importing costs far more than a page).
A glyph no font can draw fails the build instead of printing an empty box.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from . import print_fonts, segment
from .content import Content, Document
from .model import ChecklistMeta, WorksheetMeta

PAPER = {"a4": "A4", "letter": "letter"}
FONT_DIRS = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto")]
FONT_STACK = ('"Noto Sans", "Noto Sans Thai", "Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Myanmar", '
              f'"{print_fonts.FAMILY}", "Noto Sans CJK SC", sans-serif')
PDF_OPTIONS = {"pdf_forms": True, "pdf_tags": True, "pdf_variant": "pdf/ua-1", "custom_metadata": False}
_LINK = re.compile(r"</?a\b[^>]*>")


@dataclass(frozen=True)
class Job:
    lang: str
    uri: str           # the English page, e.g. checklists/housing.md
    name: str          # file name, e.g. checklist-housing-th.pdf
    html: str
    key: str           # hash of every input


def job(lang: str, uri: str, name: str, html: str, inputs: str) -> Job:
    """A render job keyed by its HTML and everything else that changes the PDF (inputs_key)."""
    return Job(lang, uri, name, html, hashlib.sha256((inputs + html).encode()).hexdigest())


def pdf_name(uri: str, lang: str, paper: str = "a4") -> str:
    """checklists/housing.md -> checklist-housing-<lang>.pdf; worksheets/x.md -> worksheet-x-<lang>.pdf"""
    folder, _, file = uri.partition("/")
    suffix = "" if paper == "a4" else f"-{paper}"
    return f"{folder.rstrip('s')}-{Path(file).stem}-{lang}{suffix}.pdf"


def pdf_uri(uri: str, lang: str, paper: str = "a4") -> str:
    """Where the PDF lives in the site, relative to the site root."""
    return f"pdf/{lang}/{pdf_name(uri, lang, paper)}"


def available(content: Content, uri: str, lang: str) -> bool:
    """A language gets a PDF only when the page is translated into it (English always)."""
    return lang == content.default or content.page(lang, uri) is not None


def font_fingerprint() -> str:
    """Changes when installed Noto fonts change, so cached PDFs are re-rendered."""
    digest = hashlib.sha256()
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                stat = path.stat()
                digest.update(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()


def _css_text(template: str, values: dict[str, str]) -> str:
    """Turn 'Page {page} of {pages}' into CSS content: "Page " counter(page) " of " counter(pages)."""
    parts = re.split(r"(\{[a-z]+\})", template)
    out = []
    for part in parts:
        if part in ("{page}", "{pages}"):
            out.append(f"counter({part[1:-1]})")
        elif part.startswith("{") and part[1:-1] in values:
            out.append(json.dumps(values[part[1:-1]], ensure_ascii=False))
        elif part:
            out.append(json.dumps(part, ensure_ascii=False))
    return " ".join(out)


def _checklist_body(meta: ChecklistMeta, ui, text) -> str:
    sections = []
    for section in meta.sections:
        items = []
        for item in section.items:
            items.append(
                f'<li class="item" id="{item.id}"><input type="checkbox" name="{item.id}" '
                f'title="{escape(item.title)}" aria-label="{escape(item.title)}">'
                f'<div class="body"><p class="title">{text(item.title, inline=True)}</p>'
                f'<div class="text">{text(item.text)}</div></div></li>')
        sections.append(f'<section><h2>{escape(ui.checklist.sections[section.id])}</h2>'
                        f'<ul>{"".join(items)}</ul></section>')
    notes = f'<section class="notes"><h2>{escape(ui.checklist.notes)}</h2>{"<div></div>" * 8}</section>'
    return f'<p class="note">{escape(ui.pdf.fillable)}</p>' + "".join(sections) + notes


def _worksheet_body(meta: WorksheetMeta, ui, text) -> str:
    """Each prompt with ruled lines, or a grid with empty cells, to write in by hand."""
    out = ['<ol class="prompts">']
    for prompt in meta.prompts:
        out.append(f'<li class="prompt" id="{prompt.id}"><div class="text">{text(prompt.text)}</div>')
        if prompt.lines:
            out.append('<div class="lines">' + "<div></div>" * prompt.lines + "</div>")
        else:
            head = "".join(f"<th scope=\"col\">{text(c, inline=True)}</th>" for c in prompt.columns or [])
            empty = "<td></td>" * len(prompt.columns or [])
            rows = "".join(f"<tr><th scope=\"row\">{text(r, inline=True)}</th>{empty}</tr>" for r in prompt.rows or [])
            out.append(f'<table><thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>')
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def printable_html(content: Content, md, lang: str, uri: str, site_url: str, edition: str,
                   paper: str = "a4", *, font_faces: str) -> str:
    """A self-contained HTML document for one checklist or worksheet in one language."""
    doc: Document = content.page(lang, uri) or content.source(uri)  # type: ignore[assignment]
    meta = doc.meta
    ui = content.ui(lang)

    def text(markdown_text: str, inline: bool = False) -> str:
        md.reset()
        html = segment.break_html_text(_LINK.sub("", md.convert(markdown_text)), lang)
        if inline and html.startswith("<p>") and html.endswith("</p>"):
            html = html[3:-4]
        return html

    prefix = "" if lang == content.default else f"{lang}/"
    url = f"{site_url.rstrip('/')}/{prefix}{uri.removesuffix('.md')}/"
    number = getattr(meta, "service_area", None)
    area = (ui.pdf.service_area.format(number=number) + " · " + ui.service_areas[number]
            if number else ui.pdf.all_areas)
    footer_left = _css_text(ui.language_name + " · " + ui.pdf.edition, {"edition": edition})
    footer_right = _css_text(ui.pdf.web, {"url": url})
    page_counter = _css_text(ui.pdf.page, {})
    body = (_checklist_body(meta, ui, text) if doc.type == "checklist"  # type: ignore[arg-type]
            else _worksheet_body(meta, ui, text))  # type: ignore[arg-type]
    intro = text(doc.body) if doc.body.strip() else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{escape(meta.title)}</title>
<meta name="description" content="{escape(meta.summary)}">
<style>
@page {{ size: {PAPER[paper]}; margin: 16mm 15mm 20mm 15mm;
  @bottom-left {{ content: {footer_left}; font-size: 7.5pt; color: #444; }}
  @bottom-right {{ content: {page_counter}; font-size: 7.5pt; color: #444; }}
  @bottom-center {{ content: {footer_right}; font-size: 7pt; color: #444; }} }}
{font_faces}
{BASE_CSS}
</style></head><body>
<h1>{escape(meta.title)}</h1>
<p class="area">{escape(area)}</p>
{f'<div class="intro">{intro}</div>' if intro else ''}
{body}
</body></html>"""


BASE_CSS = f"""html {{ font-family: {FONT_STACK}; font-size: 10pt; line-height: 1.45; color: #111; }}
:lang(my), :lang(km) {{ line-height: 1.8; }}
h1 {{ font-size: 16pt; margin: 0 0 2mm; line-height: 1.3; }}
.area {{ font-size: 9pt; color: #333; margin: 0 0 3mm; }}
.note {{ font-size: 8pt; color: #333; }}
h2 {{ font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 0.6pt solid #555; padding-bottom: 1mm; }}
ul {{ list-style: none; padding: 0; margin: 0; }}
.item {{ margin: 0 0 3mm; break-inside: avoid; }}
.item::after {{ content: ""; display: block; clear: both; }}
input[type=checkbox] {{ float: left; width: 5mm; height: 5mm; margin: 0.4mm 0 0; appearance: auto; }}
.body {{ margin-left: 8mm; }}
.title {{ font-weight: bold; margin: 0; }}
.text p {{ margin: 0.8mm 0 0; }}
.notes {{ break-inside: avoid; margin-top: 6mm; }}
.notes div, .lines div {{ border-bottom: 0.5pt solid #888; height: 8mm; }}
.prompts {{ padding-left: 6mm; }}
.prompt {{ margin: 0 0 5mm; break-inside: avoid; }}
.prompt .text p {{ margin: 0 0 1mm; font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 1mm; font-size: 9pt; }}
th, td {{ border: 0.5pt solid #666; padding: 1.2mm; text-align: left; vertical-align: top; }}
tbody td {{ height: 12mm; }}
tbody th {{ width: 28%; font-weight: normal; }}
"""


def inputs_key(paper: str = "a4") -> str:
    """Everything besides the HTML that changes a PDF: WeasyPrint, options, paper, fonts."""
    import weasyprint
    return json.dumps([weasyprint.__version__, PDF_OPTIONS, paper, font_fingerprint()])


def plan(content: Content, md, site_url: str, edition: str, paper: str = "a4") -> list[Job]:
    base = inputs_key(paper)
    faces = print_fonts.font_faces(content)
    jobs = []
    for lang in content.codes:
        for english in content.printables():
            if not available(content, english.uri, lang):
                continue
            html = printable_html(content, md, lang, english.uri, site_url, edition, paper, font_faces=faces)
            jobs.append(job(lang, english.uri, pdf_name(english.uri, lang, paper), html, base))
    return jobs


class _GlyphWatch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.missing: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if ".notdef" in message or "glyph" in message.lower():
            self.missing.append(message)


_WATCH: _GlyphWatch | None = None
_FONTS = None   # weasyprint FontConfiguration, made in each worker


def _init_worker() -> None:
    global _WATCH, _FONTS
    import weasyprint  # noqa: F401  (imported once per worker, not once per PDF)
    from weasyprint.text.fonts import FontConfiguration
    _FONTS = FontConfiguration()   # one per worker: about 20% faster than one per PDF
    _WATCH = _GlyphWatch()
    logging.getLogger("weasyprint").addHandler(_WATCH)


def _render(job: Job, out_dir: str) -> tuple[str, float, list[str]]:
    import weasyprint
    assert _WATCH is not None
    _WATCH.missing.clear()
    started = time.perf_counter()
    # the worker's font configuration reads the documents' @font-face rules (print_fonts)
    data = weasyprint.HTML(string=job.html).write_pdf(font_config=_FONTS, **PDF_OPTIONS)
    target = Path(out_dir) / job.lang / job.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return job.name, time.perf_counter() - started, list(_WATCH.missing)


@dataclass
class Result:
    rendered: int
    skipped: int
    seconds: float
    sizes: dict[str, int]       # lang -> total bytes


class MissingGlyphs(RuntimeError):
    pass


def build(jobs: list[Job], out_dir: Path, workers: int = 2) -> Result:
    """Render changed PDFs into out_dir/<lang>/, reuse unchanged ones; remove stale ones."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_file = out_dir / "inputs.json"
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    todo = [job for job in jobs
            if cache.get(f"{job.lang}/{job.name}") != job.key or not (out_dir / job.lang / job.name).exists()]
    problems = []
    if todo:
        with ProcessPoolExecutor(max_workers=min(workers, len(todo)), initializer=_init_worker) as pool:
            for job, (name, _, missing) in zip(todo, pool.map(_render, todo, [str(out_dir)] * len(todo))):
                if missing:
                    problems.append(f"{job.lang}/{name}: " + "; ".join(sorted(set(missing))))
                    (out_dir / job.lang / name).unlink()
                else:
                    cache[f"{job.lang}/{job.name}"] = job.key
    wanted = {f"{job.lang}/{job.name}" for job in jobs}
    for path in out_dir.glob("*/*.pdf"):
        if f"{path.parent.name}/{path.name}" not in wanted:
            path.unlink()
    cache = {key: value for key, value in cache.items() if key in wanted}
    cache_file.write_text(json.dumps(cache, indent=0, sort_keys=True))
    if problems:
        raise MissingGlyphs("characters no installed font can draw (install fonts-noto-core / "
                            "fonts-noto-cjk, or fix the text):\n" + "\n".join(problems))
    sizes: dict[str, int] = {}
    for job in jobs:
        sizes[job.lang] = sizes.get(job.lang, 0) + (out_dir / job.lang / job.name).stat().st_size
    return Result(len(todo), len(jobs) - len(todo), time.perf_counter() - started, sizes)


def publish(out_dirs: list[Path], site_dir: Path) -> None:
    """Copy the rendered PDFs into the built site under pdf/<lang>/."""
    target = site_dir / "pdf"
    if target.exists():
        shutil.rmtree(target)
    for out_dir in out_dirs:
        if out_dir.is_dir():
            shutil.copytree(out_dir, target, ignore=shutil.ignore_patterns("*.json"), dirs_exist_ok=True)
