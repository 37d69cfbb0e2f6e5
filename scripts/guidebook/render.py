"""HTML for content that is data: checklists, case studies, glossary, resources and index pages.

Pages include these through `<!-- insert: ... -->` markers; the same data also feeds the PDFs and
the checks, so nothing is copied by hand. Every function takes the reader's language and falls
back to English per item, marking the English part with lang="en".
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import markdown as markdown_lib
from babel import Locale
from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from . import book as book_mod
from . import offline as offline_mod
from . import pdf as pdf_mod
from . import segment
from . import translation_status as status_mod

from .content import Content, Document, headings
from .model import (CALLOUT_TYPES, SERVICE_AREAS, CaseStudyMeta, ChecklistItem, ChecklistMeta, CountryMeta, GuideMeta,
                    WorksheetMeta)

Link = Callable[[str], str]  # docs uri (+ optional #anchor) -> URL relative to the current page


_CONVERTED: "weakref.WeakKeyDictionary[markdown_lib.Markdown, dict[str, str]]" = weakref.WeakKeyDictionary()


def _converted(md: markdown_lib.Markdown) -> dict[str, str]:
    """Text -> HTML already produced by this Markdown instance (its output depends on nothing else)."""
    return _CONVERTED.setdefault(md, {})


@dataclass
class Context:
    """What every renderer needs to know about the page being built."""

    content: Content
    lang: str
    link: Link
    md: markdown_lib.Markdown
    page_url: str = ""          # URL of the page being built, for links to files outside MkDocs
    pdf_dir: Path | None = None  # rendered PDFs (.build/pdf), to show their sizes
    reader_lang: str = ""        # the language of the build (differs from lang on untranslated pages)
    # repeat in a chapter, in full, the checklist and case studies that have pages of their own:
    # for the book and the offline copy (paper, disk); online chapters link to them instead, or
    # the longest chapters would weigh more than a further page may (page_weight.py)
    full: bool = False

    def site_link(self, path: str) -> str:
        """Relative URL from the current page to a file at `path` below the site root."""
        return get_relative_url(path, self.page_url or "index.html")

    @property
    def ui(self):
        return self.content.ui(self.lang)

    def markdown(self, text: str, inline: bool = False) -> str:
        """Markdown of data fields (item texts, definitions); the same text appears on many pages
        and in every language's fallback, so each is converted once per process."""
        cache = _converted(self.md)
        html = cache.get(text)
        if html is None:
            self.md.reset()
            html = cache[text] = self.md.convert(text)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html

    def lang_attr(self, lang: str) -> Markup:
        return Markup(f' lang="{lang}"') if lang != self.lang else Markup("")

    def localized(self, uri: str) -> Document | None:
        """The page in the reader's language, else English."""
        return self.content.page(self.lang, uri) or self.content.source(uri)

    def country(self, code: str) -> str:
        override = self.ui.countries.get(code)
        if override:
            return override
        try:
            return Locale.parse(self.lang).territories.get(code) or code
        except Exception:  # babel lacks a locale: English CLDR names are better than codes
            return Locale("en").territories.get(code, code)


def checklist(ctx: Context, slug: str, level: int = 3, explained: bool = True) -> str:
    """The interactive checklist: real checkboxes whose labels are the item titles.

    explained=False (in an online chapter): the items without their texts, and a link to the
    checklist's page that has them; the ticks are the same ones.
    """
    doc = ctx.localized(f"checklists/{slug}.md")
    if doc is None:
        return ""
    english: ChecklistMeta = ctx.content.checklists()[slug].meta  # type: ignore[assignment]
    meta: ChecklistMeta = doc.meta  # type: ignore[assignment]
    strings = ctx.ui.checklist
    lang_attr = ctx.lang_attr(doc.lang)
    total = sum(len(s.items) for s in english.sections)
    out = [f'<div class="gb-checklist" data-gb-checklist="{escape(slug)}"{lang_attr} '
           f'data-gb-progress="{escape(strings.progress)}" data-gb-cleared="{escape(strings.cleared)}">',
           f'<p class="gb-checklist__note">{escape(strings.storage_note)}</p>',
           '<div class="gb-checklist__tools" hidden>',
           f'<button type="button" class="md-button" data-gb-clear>{escape(strings.clear)}</button>',
           f'<button type="button" class="md-button" data-gb-print>{escape(strings.print)}</button>',
           f'<span class="gb-checklist__progress" role="status" aria-live="polite" '
           f'data-gb-total="{total}"></span>', "</div>"]
    out.append(pdf_link(ctx, f"checklists/{slug}.md"))
    if not explained:
        out.append(f'<p class="gb-checklist__page"><a href="{ctx.link(f"checklists/{slug}.md")}">'
                   f'{escape(meta.title)}</a></p>')
    for section in meta.sections:
        heading_id = f"{slug}-{section.id}"
        out.append(f'<section class="gb-checklist__section" aria-labelledby="{heading_id}">')
        out.append(f'<h{level} id="{heading_id}">{escape(strings.sections[section.id])}</h{level}>')
        out.append('<ul class="gb-checklist__items">')
        out.extend(checklist_item(ctx, item, explained) for item in section.items)
        out.append("</ul></section>")
    out.append("</div>")
    return "\n".join(out)


def checklist_item(ctx: Context, item: ChecklistItem, explained: bool = True) -> str:
    """One item: the checkbox inside its label (the title), described by the item's text (if
    explained).

    Every attribute is repeated for each of up to 60 items a page, so only what is needed: the
    id (link target), the value that names the tick in storage, and the description's id; the
    styles reach the parts through the list's one class.
    """
    title = ctx.markdown(item.title, inline=True)
    if not explained:
        return f'<li id="{item.id}"><label><input type="checkbox" value="{item.id}">{title}</label></li>'
    return (f'<li id="{item.id}"><label><input type="checkbox" value="{item.id}" aria-describedby="{item.id}-d">'
            f'{title}</label><div id="{item.id}-d">{ctx.markdown(item.text)}</div></li>')


def _pdf_size(ctx: Context, uri: str, lang: str) -> str:
    if ctx.pdf_dir is None:
        return ""
    path = ctx.pdf_dir / lang / pdf_mod.pdf_name(uri, lang)
    if not path.exists():
        return ""
    return ctx.ui.pdf.size.format(size=max(1, round(path.stat().st_size / 1024)))


def pdf_link(ctx: Context, uri: str) -> str:
    """Download link in the reader's language, or a plain statement that there is none yet."""
    reader = ctx.reader_lang or ctx.lang
    ui = ctx.content.ui(reader)
    strings = ui.worksheet if uri.startswith("worksheets/") else ui.checklist
    if not pdf_mod.available(ctx.content, uri, reader):
        return f'<p class="gb-pdf gb-pdf--missing" lang="{reader}">{escape(strings.pdf_missing)}</p>'
    size = _pdf_size(ctx, uri, reader)
    href = ctx.site_link(pdf_mod.pdf_uri(uri, reader))
    return (f'<p class="gb-pdf" lang="{reader}"><a class="md-button" href="{href}" download '
            f'type="application/pdf">{escape(strings.download_pdf)}</a> '
            f'<span class="gb-pdf__size">{escape(size)}</span></p>')


def pdf_index(ctx: Context) -> str:
    """Every PDF by language, with sizes; languages without a translation say so."""
    out = []
    for language in ctx.content.languages:
        lang = language.code
        ui = ctx.content.ui(lang)
        out.append(f'<h2 id="pdf-{lang}" lang="{lang}">{escape(language.name)}</h2>')
        out.append(offline_link(ctx, lang))
        out.append(book_link(ctx, lang))
        for kind, heading in (("checklist", ui.pdf.downloads_heading), ("worksheet", ui.pdf.worksheets_heading)):
            printables = [d for d in ctx.content.printables() if d.type == kind]
            if not printables:
                continue
            out.append(f'<h3 id="pdf-{lang}-{kind}" lang="{lang}">{escape(heading)}</h3><ul class="gb-pdf-index" lang="{lang}">')
            for english in printables:
                doc = ctx.content.page(lang, english.uri) or english
                if pdf_mod.available(ctx.content, english.uri, lang):
                    size = _pdf_size(ctx, english.uri, lang)
                    out.append(f'<li><a href="{ctx.site_link(pdf_mod.pdf_uri(english.uri, lang))}" hreflang="{lang}" '
                               f'download>{escape(doc.meta.title)}</a> <span class="gb-pdf__size">{escape(size)}</span></li>')
                else:
                    strings = ui.worksheet if kind == "worksheet" else ui.checklist
                    out.append(f'<li lang="{ctx.content.default}">{escape(english.meta.title)}: '
                               f'<span lang="{lang}">{escape(strings.pdf_missing)}</span></li>')
            out.append("</ul>")
    return "\n".join(out)


def book_link(ctx: Context, lang: str) -> str:
    """The whole guidebook as one PDF, with its size (once a build has made it)."""
    if ctx.pdf_dir is None:
        return ""
    name = book_mod.book_name(lang)
    path = ctx.pdf_dir.parent / book_mod.PDF_FOLDER / lang / name
    if not path.exists():
        return ""
    ui = ctx.content.ui(lang)
    size = ui.pdf.size.format(size=max(1, round(path.stat().st_size / 1024)))
    return (f'<p class="gb-book" lang="{lang}"><a href="{ctx.site_link(f"pdf/{lang}/{name}")}" hreflang="{lang}" '
            f'download type="application/pdf">{escape(ui.pdf.whole_book)}</a> '
            f'<span class="gb-pdf__size">{escape(size)}</span></p>')


def offline_link(ctx: Context, lang: str) -> str:
    """Link to the language's offline zip with its size (once a build has made it)."""
    if ctx.pdf_dir is None:
        return ""
    path = ctx.pdf_dir.parent / "offline" / offline_mod.zip_name(lang)
    if not path.exists():
        return ""
    ui = ctx.content.ui(lang)
    language = next(l.name for l in ctx.content.languages if l.code == lang)
    text = ui.offline.download.format(language=language, size=offline_mod.size_mb(path))
    return (f'<p class="gb-offline" lang="{lang}"><a href="{ctx.site_link(offline_mod.zip_uri(lang))}" download '
            f'type="application/zip">{escape(ui.offline.heading)}</a>: {escape(text)}</p>')


def worksheet(ctx: Context, english: Document) -> str:
    """The prompts on screen, to read before printing; answers are written on paper only."""
    doc = ctx.localized(english.uri)
    assert doc is not None
    meta: WorksheetMeta = doc.meta  # type: ignore[assignment]
    out = [f'<div class="gb-worksheet"{ctx.lang_attr(doc.lang)}>',
           f'<p class="gb-worksheet__intro">{escape(ctx.ui.worksheet.intro)}</p>',
           pdf_link(ctx, english.uri), '<ol class="gb-worksheet__prompts">']
    for prompt in meta.prompts:
        out.append(f'<li id="{prompt.id}">{ctx.markdown(prompt.text)}')
        if prompt.columns and prompt.rows:
            head = "".join(f'<th scope="col">{ctx.markdown(c, inline=True)}</th>' for c in prompt.columns)
            empty = "<td></td>" * len(prompt.columns)
            rows = "".join(f'<tr><th scope="row">{ctx.markdown(r, inline=True)}</th>{empty}</tr>'
                           for r in prompt.rows)
            out.append(f'<table class="gb-worksheet__grid"><thead><tr><td></td>{head}</tr></thead>'
                       f'<tbody>{rows}</tbody></table>')
        out.append("</li>")
    out.append("</ol></div>")
    return "\n".join(out)


def country_notice(ctx: Context, english: Document) -> str:
    """Dated warning on a country page: its facts are from the source's fieldwork, not current."""
    meta: CountryMeta = english.meta  # type: ignore[assignment]
    return banner("dated", ctx.ui.country.fieldwork_notice.format(year=meta.fieldwork))


def related_guidance(ctx: Context, area: int) -> str:
    """Links from a chapter to the sections of the practice guides that guides map to it."""
    links = []
    for english in sorted(ctx.content.of_type("guide"), key=lambda d: d.slug):
        meta: GuideMeta = english.meta  # type: ignore[assignment]
        doc = ctx.localized(english.uri)
        assert doc is not None
        titles = headings(doc)
        for anchor in meta.related.get(area, []):
            links.append(f'<li{ctx.lang_attr(doc.lang)}><a href="{ctx.link(english.uri + "#" + anchor)}">'
                         f'{ctx.markdown(titles.get(anchor, anchor), inline=True)}</a> '
                         f'<span class="gb-related__guide">({escape(doc.meta.title)})</span></li>')
    if not links:
        return ""
    return (f'<h2 id="related-guidance">{escape(ctx.ui.guide.related)}</h2>'
            f'<ul class="gb-related">{"".join(links)}</ul>')


CALLOUT_TITLE = re.compile(r'<div class="admonition (' + "|".join(CALLOUT_TYPES) +
                           r')">\s*<p class="admonition-title">(.*?)</p>', re.S)


def label_callouts(html: str, labels) -> str:
    """Put the callout type's label, in the reader's language, in front of each callout title."""
    def label(match: re.Match) -> str:
        kind, title = match.group(1), match.group(2)
        text = getattr(labels, kind)
        own = "" if title.strip().lower() == kind else f'<span class="gb-callout__title">{title}</span>'
        return (f'<div class="admonition {kind} gb-callout gb-callout--{kind}">'
                f'<p class="admonition-title"><span class="gb-callout__label">{escape(text)}</span>{own}</p>')
    return CALLOUT_TITLE.sub(label, html)


def facts(ctx: Context, meta: CaseStudyMeta) -> str:
    """One line of the attributes the source gives: never more than that."""
    cs = ctx.ui.case_study
    parts = [f'{escape(cs.origin)} {escape(ctx.country(meta.origin)) if meta.origin != "not-stated" else escape(cs.not_stated)}']
    if meta.destination == "internal":
        parts.append(f"{escape(cs.destination)} {escape(cs.internal)}")
    elif meta.destination != "not-stated":
        parts.append(f"{escape(cs.destination)} {escape(ctx.country(meta.destination))}")
    parts.append(escape(cs.sex[meta.sex]))
    parts.append(escape(cs.age_group[meta.age_group]))
    parts.extend(escape(cs.exploitation[e]) for e in meta.exploitation)
    if meta.group:
        parts.append(escape(cs.group))
    tag = f'<span class="gb-tag gb-tag--{meta.kind}">{escape(cs.kind[meta.kind])}</span>'
    return f'<p class="gb-case__facts">{tag} ' + " · ".join(parts) + "</p>"


def case_card(ctx: Context, english: Document, level: int = 3) -> str:
    """Title (a link to the case study's page) and facts; the story too when ctx.full."""
    doc = ctx.localized(english.uri)
    assert doc is not None
    meta: CaseStudyMeta = english.meta  # type: ignore[assignment]
    body = f'<div class="gb-case__body">{ctx.markdown(doc.body)}</div>' if ctx.full else ""
    return (f'<article class="gb-case gb-case--{meta.kind}" id="{english.slug}"{ctx.lang_attr(doc.lang)}>'
            f'<h{level} class="gb-case__title"><a href="{ctx.link(english.uri)}">{escape(doc.meta.title)}</a>'
            f'</h{level}>{facts(ctx, meta)}{body}</article>')


def case_studies(ctx: Context, area: int, kind: str) -> str:
    """Case studies (or good practices) whose first service area is this chapter."""
    docs = [d for d in ctx.content.case_studies()
            if d.meta.kind == kind and d.meta.service_areas[0] == area]  # type: ignore[attr-defined]
    related = [d for d in ctx.content.case_studies()
               if d.meta.kind == kind and area in d.meta.service_areas[1:]]  # type: ignore[attr-defined]
    if not docs and not related:
        return f'<p class="gb-empty">{escape(ctx.ui.case_study.none_found)}</p>'
    out = [case_card(ctx, doc) for doc in docs]
    if related:
        out.append('<ul class="gb-related">')
        for doc in related:
            title = ctx.localized(doc.uri).meta.title  # type: ignore[union-attr]
            out.append(f'<li><a href="{ctx.link(doc.uri)}">{escape(title)}</a></li>')
        out.append("</ul>")
    return "\n".join(out)


def case_study_header(ctx: Context, english: Document) -> str:
    """Facts, service areas and source shown at the top of a case-study page."""
    meta: CaseStudyMeta = english.meta  # type: ignore[assignment]
    cs = ctx.ui.case_study
    chapters = ctx.content.chapters()
    areas = ", ".join(f'<a href="{ctx.link(chapters[n].uri)}">{escape(ctx.ui.service_areas[n])}</a>'
                      if n in chapters else escape(ctx.ui.service_areas[n]) for n in meta.service_areas)
    source = ctx.ui.sources.get(meta.source.doc, meta.source.doc)
    return (f'<div class="gb-case-header">{facts(ctx, meta)}'
            f'<p class="gb-case__areas">{escape(cs.service_areas)}: {areas}</p>'
            f'<p class="gb-case__source">{escape(cs.source)}: <cite>{escape(source)}</cite>, '
            f'{escape(meta.source.ref)}</p></div>')


def glossary(ctx: Context) -> str:
    english = ctx.content.glossary(ctx.content.default)
    if english is None:
        return ""
    own = ctx.content.glossary(ctx.lang)
    translated = {t.id: t for t in own.terms} if own and ctx.lang != ctx.content.default else {}
    out = ['<dl class="gb-glossary">']
    # order by the term the reader sees, not by the English term
    for term in sorted(english.terms, key=lambda t: segment.sort_key(translated.get(t.id, t).term)):
        shown = translated.get(term.id, term)
        lang = ctx.lang if term.id in translated else ctx.content.default
        abbr = f' <abbr>({escape(shown.abbr)})</abbr>' if shown.abbr else ""
        out.append(f'<div class="gb-term" id="{term.id}"{ctx.lang_attr(lang)}><dt><dfn>{escape(shown.term)}'
                   f"</dfn>{abbr}</dt><dd>{ctx.markdown(shown.definition)}</dd></div>")
    out.append("</dl>")
    return "\n".join(out)


def resources(ctx: Context) -> str:
    entry = ctx.content.data[ctx.content.default].get("references.yml")
    if entry is None:
        return ""
    out = []
    for area in [None, *SERVICE_AREAS]:
        items = [r for r in entry.model.resources
                 if (area is None and not r.service_areas) or (area is not None and area in r.service_areas)]
        if not items:
            continue
        title = ctx.ui.service_areas[area] if area else ctx.ui.nav.get("Resources", "Resources")
        anchor = SERVICE_AREAS[area] if area else "general"
        out.append(f'<h2 id="{anchor}">{escape(title)}</h2><ul class="gb-resources">')
        for r in sorted(items, key=lambda r: (r.kind, r.title.lower())):
            title_html = (f'<a href="{escape(r.url)}" rel="noreferrer">{escape(r.title)}</a>' if r.url
                          else f"<cite>{escape(r.title)}</cite>")
            year = f", {r.year}" if r.year else ""
            out.append(f'<li lang="en">{title_html}. {escape(r.organisation)}{year}.</li>')
        out.append("</ul>")
    return "\n".join(out)


def service_area_index(ctx: Context) -> str:
    """Home-page cards: one tap to a chapter, one to its checklist."""
    out = ['<ul class="gb-areas">']
    checklists = ctx.content.checklists()
    for number, chapter in sorted(ctx.content.chapters().items()):
        doc = ctx.localized(chapter.uri)
        slug = SERVICE_AREAS[number]
        checklist_link = ""
        if slug in checklists:
            label = ctx.ui.checklist.open
            checklist_link = (f'<a class="gb-areas__checklist" href="{ctx.link(checklists[slug].uri)}">'
                              f"{escape(label)}</a>")
        out.append(f'<li class="gb-areas__item"><a class="gb-areas__title" href="{ctx.link(chapter.uri)}">'
                   f'<span class="gb-areas__number">{number}</span> {escape(ctx.ui.service_areas[number])}</a>'
                   f'<p{ctx.lang_attr(doc.lang)}>{escape(doc.meta.summary)}</p>{checklist_link}</li>')  # type: ignore
    out.append("</ul>")
    return "\n".join(out)


def checklist_index(ctx: Context) -> str:
    out = ['<ul class="gb-checklist-index">']
    ordered = sorted(ctx.content.checklists().values(),
                     key=lambda d: (d.meta.service_area or 0))  # type: ignore[attr-defined]
    for english in ordered:
        doc = ctx.localized(english.uri)
        count = len(english.meta.items())  # type: ignore[attr-defined]
        out.append(f'<li><a href="{ctx.link(english.uri)}"{ctx.lang_attr(doc.lang)}>{escape(doc.meta.title)}</a> '
                   f'<span class="gb-count">({count})</span></li>')
    out.append("</ul>")
    return "\n".join(out)


def case_study_index(ctx: Context) -> str:
    """All case studies with filters; without JavaScript every entry simply stays visible."""
    ui, cs = ctx.ui.index, ctx.ui.case_study
    docs = ctx.content.case_studies()
    countries = sorted({d.meta.origin for d in docs}, key=ctx.country)  # type: ignore[attr-defined]

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
        return (f'<label class="gb-filter"><span>{escape(label)}</span><select data-gb-filter="{name}">'
                f'<option value="">{escape(ui.any)}</option>{opts}</select></label>')

    filters = [
        select("kind", ui.kind, list(cs.kind.items())),
        select("origin", ui.country, [(c, ctx.country(c) if c != "not-stated" else cs.not_stated)
                                     for c in countries]),
        select("exploitation", ui.exploitation, list(cs.exploitation.items())),
        select("sex", ui.sex, list(cs.sex.items())),
        select("age", ui.age_group, list(cs.age_group.items())),
        select("area", ui.service_area, [(str(n), t) for n, t in sorted(ctx.ui.service_areas.items())]),
    ]
    out = [f'<form class="gb-filters" hidden aria-label="{escape(ui.filter_heading)}">', *filters,
           f'<button type="reset" class="md-button">{escape(ui.reset)}</button>',
           f'<p class="gb-filters__count" role="status" aria-live="polite" '
           f'data-gb-shown="{escape(ui.shown)}"></p></form>',
           f'<p class="gb-empty" hidden data-gb-none>{escape(cs.none_found)}</p>',
           '<ul class="gb-case-index">']
    for english in docs:
        meta: CaseStudyMeta = english.meta  # type: ignore[assignment]
        doc = ctx.localized(english.uri)
        data = (f'data-kind="{meta.kind}" data-origin="{meta.origin}" '
                f'data-exploitation="{" ".join(meta.exploitation)}" data-sex="{meta.sex}" '
                f'data-age="{meta.age_group}" data-area="{" ".join(map(str, meta.service_areas))}"')
        out.append(f'<li class="gb-case-index__item" {data}><a href="{ctx.link(english.uri)}"'
                   f'{ctx.lang_attr(doc.lang)}>{escape(doc.meta.title)}</a>{facts(ctx, meta)}</li>')  # type: ignore
    out.append("</ul>")
    return "\n".join(out)


def translation_status(ctx: Context) -> str:
    """Per language: share of pages up to date, outdated, missing, reviewed; checklist items, glossary, UI.

    Computed from the same stamps as `guidebook status`, at build time, so the page is never stale.
    """
    ui = ctx.ui.translation_status
    names = {lang.code: lang.name for lang in ctx.content.languages}
    head = "".join(f"<th scope=\"col\">{escape(label)}</th>" for label in (
        ui.language, ui.current, ui.outdated, ui.missing, ui.reviewed, ui.checklist_items,
        ui.glossary_terms, ui.interface))
    rows, details = [], []
    for status in status_mod.report(ctx.content, ctx.content.codes[1:]):
        translated = status.pages_total - len(status.missing)
        reviewed = translated - len(status.draft)
        cells = [f"{len(status.current)} ({status.percent_current:.0f}%)",
                 str(len(status.outdated) + len(status.unstamped)), str(len(status.missing)), str(reviewed),
                 "%d/%d" % status.checklist_items, "%d/%d" % status.glossary_terms, "%d/%d" % status.ui_strings]
        rows.append(f'<tr><th scope="row" lang="{status.lang}">{escape(names[status.lang])}</th>'
                    + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        if status.outdated or status.unstamped:
            items = "".join(f'<li><a href="{ctx.link(uri)}">{escape(ctx.content.source(uri).meta.title)}</a></li>'
                            for uri in status.outdated + status.unstamped)
            details.append(f'<h3 id="outdated-{status.lang}"><span lang="{status.lang}">{escape(names[status.lang])}'
                           f'</span>: {escape(ui.outdated)}</h3><ul lang="en">{items}</ul>')
    return (f'<div class="md-typeset__table"><table class="gb-status"><caption>{escape(ui.caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>' + "".join(details))


def banner(kind: str, text: str, link: tuple[str, str] | None = None) -> str:
    extra = f' <a href="{escape(link[0])}" hreflang="en">{escape(link[1])}</a>' if link else ""
    return (f'<div class="gb-banner gb-banner--{kind}" role="note"><p>{escape(text)}{extra}</p></div>')
