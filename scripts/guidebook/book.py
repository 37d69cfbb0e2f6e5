"""The whole guidebook in one PDF per language, with a table of contents, for offline readers.

The pages' HTML is taken as the build renders it (inserts filled, fallbacks wrapped in
lang="en"), so the book says exactly what the website says. Interactive parts (buttons, search,
filters) are removed, links become plain text, and each page starts on a new sheet.
"""
from __future__ import annotations

import re

from markupsafe import escape

from . import pdf, print_fonts, segment
from .content import Content

PDF_FOLDER = "book-pdf"                          # below .build/, next to the checklist PDFs
SKIP = ("case-studies/", "downloads.md")          # case studies already sit inside their chapters
_INTERACTIVE = re.compile(r'<(form|button|nav|h1)\b.*?</\1>|<div class="gb-checklist__tools".*?</div>'
                          r'|<p class="gb-pdf[^"]*".*?</p>|<p class="gb-checklist__note">.*?</p>'
                          r'|<p class="gb-offline".*?</p>|<a class="headerlink"[^>]*>.*?</a>', re.S)
_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)
_ID = re.compile(r'\sid="([^"]+)"')


def nav_order(nav: list) -> list[str]:
    """Page paths in the order of the mkdocs.yml nav."""
    out: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            out.extend(nav_order(value))
        elif isinstance(value, str):
            out.append(value)
    return out


def wanted(uri: str) -> bool:
    return not any(uri.startswith(prefix) or uri == prefix for prefix in SKIP)


def _clean(html: str, key: str) -> str:
    html = _INTERACTIVE.sub("", html)
    html = _LINK.sub(r"<span>\1</span>", html)
    # ids must stay unique across the whole book
    return _ID.sub(lambda m: f' id="{key}--{m.group(1)}"', html)


def book_html(content: Content, lang: str, pages: list[tuple[str, str, str]], edition: str, site_url: str) -> str:
    """pages: (uri, title, article html) in reading order -> one HTML document."""
    ui = content.ui(lang)
    prefix = "" if lang == content.default else f"{lang}/"
    footer_left = pdf._css_text(ui.language_name + " · " + ui.pdf.edition, {"edition": edition})
    footer_right = pdf._css_text(ui.pdf.web, {"url": site_url.rstrip("/") + "/" + prefix})
    counter = pdf._css_text(ui.pdf.page, {})
    toc, body = [], []
    for uri, title, html in pages:
        key = re.sub(r"[^a-z0-9]+", "-", uri.removesuffix(".md").lower())
        toc.append(f'<li><a href="#{key}">{escape(title)}</a></li>')
        lang_attr = ' lang="en"' if 'class="gb-fallback"' in html else ""
        html = segment.break_html_text(_clean(html, key), lang)
        body.append(f'<section class="page" id="{key}"{lang_attr}><h1>{escape(title)}</h1>{html}</section>')
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{escape(ui.site_name)}</title>
<meta name="description" content="{escape(ui.site_description)}">
<style>
@page {{ size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-left {{ content: {footer_left}; font-size: 7.5pt; color: #444; }}
  @bottom-right {{ content: {counter}; font-size: 7.5pt; color: #444; }}
  @bottom-center {{ content: {footer_right}; font-size: 7pt; color: #444; }} }}
{print_fonts.font_faces(content)}
{pdf.BASE_CSS}
.cover h1 {{ font-size: 24pt; margin-top: 60mm; }}
.toc {{ break-after: page; }}
.toc ol {{ list-style: none; padding: 0; }}
.toc a {{ color: inherit; text-decoration: none; }}
.toc a::after {{ content: leader(".") target-counter(attr(href url), page); }}
.page {{ break-before: page; }}
.page h1 {{ font-size: 17pt; }}
.page h2 {{ font-size: 13pt; border: 0; }}
.page h3 {{ font-size: 11pt; }}
.admonition {{ border-left: 1mm solid #666; padding: 1mm 3mm; margin: 3mm 0; break-inside: avoid; }}
.admonition-title {{ font-weight: bold; margin: 0 0 1mm; }}
.gb-banner {{ border: 0.5pt solid #888; padding: 2mm; font-size: 8.5pt; }}
.gb-case {{ border-top: 0.5pt solid #aaa; padding-top: 2mm; }}
table {{ font-size: 8.5pt; }}
svg {{ max-width: 100%; height: auto; }}
input[type=checkbox] {{ float: left; width: 4mm; height: 4mm; margin: 0.6mm 2mm 0 0; }}
</style></head><body>
<section class="cover"><h1>{escape(ui.site_name)}</h1><p>{escape(ui.site_description)}</p>
<p>{escape(ui.language_name)} · {escape(ui.pdf.edition.format(edition=edition))}</p></section>
<section class="toc"><h2>{escape(ui.pdf.contents)}</h2><ol>{''.join(toc)}</ol></section>
{''.join(body)}
</body></html>"""


def book_name(lang: str) -> str:
    return f"guidebook-{lang}.pdf"


def jobs(content: Content, book_dir, inputs: str) -> list[pdf.Job]:
    """One PDF job per language whose book HTML the build wrote."""
    return [pdf.job(lang, "book", book_name(lang), (book_dir / f"{lang}.html").read_text(encoding="utf-8"), inputs)
            for lang in content.codes if (book_dir / f"{lang}.html").exists()]
