"""What our MkDocs hooks do, kept out of the hook file so another engine could reuse it.

Per build: load content once (cached by file signature), stage translations into docs_dir,
replace insert markers with rendered data, wrap untranslated pages, add banners, give Material
the UI strings it lacks for some languages, and check that no page was dropped.
"""
from __future__ import annotations

import functools
import json
import os
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import markdown as markdown_lib
from jinja2 import ChoiceLoader, DictLoader
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import content as content_mod
from . import languages as languages_mod
from . import book, checks, fingerprint, links, minify, render, search_index, staging, translation_status
from .content import INSERT, Content, Document
from .errors import ContentError, Problem

PLACEHOLDER = '<div data-gb-insert="{}"></div>'
PLACEHOLDER_RE = re.compile(r'(?:<p>)?<div data-gb-insert="(\d+)"></div>(?:</p>)?')
PREVIEW_ENV = "GUIDEBOOK_LANGS"
PDF_DIR = Path(".build") / "pdf"
OFFLINE_DIR = Path(".build") / "offline"
BOOK_DIR = Path(".build") / "book"
BOOK_PDF_DIR = Path(".build") / book.PDF_FOLDER
ANCHOR_ID = re.compile(r'\sid="([^"]+)"')
SEARCH_DIR = "gbsearch"
# the theme's language switcher names each language in its own script: mark it with lang= so
# screen readers pronounce it and the script's font applies (the theme only sets hreflang)
SWITCHER_LINK = re.compile(r'(<a [^>]*hreflang="([A-Za-z-]+)"[^>]*class="md-select__link")')
EDIT_URL_TEXT_LIMIT = 6000   # longer prefilled texts make URLs that code hosts refuse


@dataclass
class BuildState:
    """Survives the per-language rebuilds inside one `mkdocs build` or one serve rebuild."""

    content: Content | None = None
    signature: tuple = ()
    md: markdown_lib.Markdown | None = None
    inserts: dict[str, list] = field(default_factory=dict)      # page src_uri -> render thunks
    built: dict[str, int] = field(default_factory=dict)          # lang -> pages written
    pages: dict[str, list] = field(default_factory=dict)         # lang -> (uri, url, title, html) per page
    site_root: str = ""                                          # site_dir of the default language
    # the offline build of `guidebook build`: write the whole-guidebook HTML, and let chapters
    # repeat their checklist and case studies in full (render.Context.full); serve does not
    books: bool = False
    timings: dict[str, float] = field(default_factory=dict)      # stage -> seconds
    language_started: float = 0.0


STATE = BuildState()


def timed(stage: str):
    """Add a hook's own run time to the per-stage figures the benchmark prints."""
    def wrap(function):
        def inner(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                key = f"our hooks: {stage}"
                STATE.timings[key] = STATE.timings.get(key, 0.0) + time.perf_counter() - started
        return inner
    return wrap


def _signature(root: Path) -> tuple:
    """Cheap fingerprint of all content files, so 7 language builds parse the content once."""
    entries = []
    for folder in (root / "docs", root / "translations"):
        if folder.is_dir():
            for dirpath, _, filenames in os.walk(folder):
                for name in filenames:
                    stat = os.stat(os.path.join(dirpath, name))
                    entries.append((dirpath, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def current_language(config) -> str:
    plugin = config.plugins.get("i18n")
    return plugin.current_language or plugin.default_language


def load_content(root: Path, languages: list[languages_mod.Language]) -> Content:
    signature = _signature(root)
    if STATE.content is None or signature != STATE.signature:
        started = time.perf_counter()
        content = checks.run(content_mod.load(root, languages))
        STATE.timings["load and validate content"] = time.perf_counter() - started
        content.raise_for_errors()
        STATE.content, STATE.signature = content, signature
    return STATE.content


def _preview(plugin, source_language: str) -> None:
    """`guidebook serve th`: build only what the translator looks at, so a save shows in seconds.

    One language is built alone, at the root of the preview (the i18n plugin's build-only
    mode); several (`th,km`) are built with English, under their usual /<lang>/ paths.
    """
    wanted = [code for code in os.environ.get(PREVIEW_ENV, "").split(",") if code]
    if len(wanted) == 1 and wanted[0] != source_language:
        for entry in plugin.config.languages:
            entry.default = entry.build = entry.locale == wanted[0]
    elif wanted:
        for entry in plugin.config.languages:
            entry.build = entry.locale in {source_language, *wanted}


def configure(config):
    """on_config: validate content, stage it, and point MkDocs at the staged folder."""
    root = project_root(config)
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml must enable the i18n plugin")
    # as declared, read before the preview changes the plugin's view (MkDocs loads the config
    # afresh for every build, and a one-language preview has a single on_config)
    languages = sorted((languages_mod.Language(l.locale, l.name, l.default) for l in plugin.config.languages),
                       key=lambda lang: not lang.default)
    _preview(plugin, languages[0].code)
    if plugin.current_language in (None, plugin.default_language):
        STATE.built.clear()
        STATE.timings.clear()
        STATE.pages.clear()
        STATE.site_root = config.site_dir
        links.FILTER.problems.clear()
    STATE.language_started = time.perf_counter()
    try:
        content = load_content(root, languages)
    except ContentError as exc:
        raise PluginError("\n" + exc.report()) from None
    links.watch(content)
    for entry in plugin.config.languages:
        if entry.locale in content.codes:
            ui = content.ui(entry.locale)
            entry.nav_translations = dict(ui.nav)
            entry.site_name, entry.site_description = ui.site_name, ui.site_description
    building = {entry.locale for entry in plugin.config.languages if entry.build}
    missing_strings = theme_string_problems(content, config, building)
    if missing_strings:
        raise PluginError("\n" + ContentError(missing_strings).report())
    config.docs_dir = str(staging.stage(content, root / staging.STAGE_DIR))
    STATE.md = markdown_lib.Markdown(extensions=config.markdown_extensions,
                                     extension_configs=config.mdx_configs)
    return config


def _link_factory(page: Page, files: Files):
    def link(target: str) -> str:
        uri, _, anchor = target.partition("#")
        found = files.get_file_from_path(uri)
        if found is None:
            raise PluginError(f"{page.file.src_uri}: rendered link to missing page {uri}")
        url = found.url_relative_to(page.file)
        return f"{url}#{anchor}" if anchor else url
    return link


def _document(page: Page, content: Content) -> tuple[Document, Document | None]:
    """(English source, translation in the build language or None) for a built page."""
    uri = getattr(page.file, "norm_src_uri", page.file.src_uri)
    english = content.source(uri)
    if english is None:
        raise PluginError(f"{uri}: page is not in the content model")
    lang = page.file.locale if hasattr(page.file, "locale") else content.default
    return english, content.page(lang, uri) if lang != content.default else None


@timed("inserts")
def page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    """Swap insert markers for placeholders; the HTML goes in after Markdown has run."""
    content = STATE.content
    english, translation = _document(page, content)
    # an untranslated page is English throughout, so its inserted parts are English too
    lang = current_language(config) if translation is not None else content.default
    ctx = render.Context(content, lang, _link_factory(page, files), STATE.md, page.url,
                         content.root / PDF_DIR, current_language(config), full=STATE.books)
    thunks = []

    def add(thunk) -> str:
        thunks.append(thunk)
        return "\n\n" + PLACEHOLDER.format(len(thunks) - 1) + "\n\n"

    def replace(match: re.Match) -> str:
        kind, arg = match.group(1), match.group(2)
        area = getattr(english.meta, "service_area", None)
        makers = {
            "checklist": lambda: render.checklist(ctx, arg, explained=ctx.full),
            "case-studies": lambda: render.case_studies(ctx, area, "case-study"),
            "good-practices": lambda: render.case_studies(ctx, area, "good-practice"),
            "glossary": lambda: render.glossary(ctx),
            "resources": lambda: render.resources(ctx),
            "case-study-index": lambda: render.case_study_index(ctx),
            "checklist-index": lambda: render.checklist_index(ctx),
            "service-area-index": lambda: render.service_area_index(ctx),
            "pdf-index": lambda: render.pdf_index(ctx),
            "translation-status": lambda: render.translation_status(ctx),
        }
        return add(makers[kind])

    markdown = INSERT.sub(replace, markdown)
    if english.type == "checklist":
        markdown += add(lambda: render.checklist(ctx, english.slug, level=2))
    if english.type == "worksheet":
        markdown += add(lambda: render.worksheet(ctx, english))
    if english.type == "case-study":
        markdown = add(lambda: render.case_study_header(ctx, english)) + markdown
    if english.type == "country":
        markdown = add(lambda: render.country_notice(ctx, english)) + markdown
    if english.type == "chapter":
        markdown += add(lambda: render.related_guidance(ctx, english.meta.service_area))  # type: ignore
    STATE.inserts[page.file.src_uri] = thunks
    return markdown


@timed("page html")
def page_content(html: str, page: Page, config, files: Files) -> str:
    """Fill placeholders; wrap untranslated pages in lang="en" under a banner; add status banners."""
    content = STATE.content
    thunks = STATE.inserts.pop(page.file.src_uri, [])
    inserted_ids: set[str] = set()

    def fill(match: re.Match) -> str:
        fragment = thunks[int(match.group(1))]()
        inserted_ids.update(ANCHOR_ID.findall(fragment))
        return fragment

    html = PLACEHOLDER_RE.sub(fill, html)
    if inserted_ids and getattr(page, "present_anchor_ids", None) is not None:
        # anchors in inserted HTML (glossary terms, checklist items) are link targets too
        page.present_anchor_ids.update(inserted_ids)
    lang = current_language(config)
    english, translation = _document(page, content)
    ui = content.ui(lang)
    html = render.label_callouts(html, (ui if translation is not None else content.ui(content.default)).callouts)
    page.meta["gb_search"] = get_relative_url(f"{SEARCH_DIR}/{lang}/", page.url)
    page.meta["gb_exit"] = {"label": ui.quick_exit.label, "hint": ui.quick_exit.hint,
                            "url": config.extra.get("quick_exit_url", "about:blank")}
    page.meta["gb_edit"] = edit_link(config, content, lang, english, translation)
    html = _with_banners(html, page, content, lang, english, translation)
    STATE.pages.setdefault(lang, []).append((english.uri, page.url, page.title or english.meta.title, html))
    return html


def edit_link(config, content: Content, lang: str, english: Document,
              translation: Document | None) -> dict | None:
    """Where a contributor edits this page: the translation if it exists, else a new file that starts it.

    The new-file link carries the English text with its version stamp (what `guidebook new`
    writes) when it fits in a URL, so a translator needs nothing but a browser.
    """
    repository = config.extra.get("repository") or {}
    if not repository.get("url"):
        return None
    base, branch = repository["url"].rstrip("/"), repository.get("branch", "main")
    ui = content.ui(lang)
    if lang == content.default or translation is not None:
        doc = translation or english
        return {"href": f"{base}/edit/{branch}/{doc.path}", "label": ui.edit.edit}
    folder, _, name = f"translations/{lang}/{english.uri}".rpartition("/")
    query = {"filename": name}
    scaffold = translation_status.new_translation(english.text, english.hash)
    if len(urllib.parse.quote(scaffold)) <= EDIT_URL_TEXT_LIMIT:
        query["value"] = scaffold
    return {"href": f"{base}/new/{branch}/{folder}?{urllib.parse.urlencode(query, quote_via=urllib.parse.quote)}",
            "label": ui.edit.translate.format(language=ui.language_name)}


def _with_banners(html: str, page: Page, content: Content, lang: str, english: Document,
                  translation: Document | None) -> str:
    """Untranslated: English in lang="en" under a banner, noindex. Translated: status banners."""
    ui = content.ui(lang)
    english_url = get_relative_url(page.url.removeprefix(f"{lang}/"), page.url) if lang != content.default else ""
    if lang != content.default and translation is None:
        page.meta["robots"] = "noindex"
        name = ui.language_name
        title = f"<h1>{escape(english.meta.title)}</h1>" if "<h1" not in html else ""
        return (render.banner("fallback", ui.banners.not_translated.format(language=name))
                + f'<div class="gb-fallback" lang="{content.default}">{title}{html}</div>')
    banners = ""
    if translation is not None:
        stamp = translation.meta.translation
        if stamp is None or stamp.source_hash != english.hash:
            banners += render.banner("outdated", ui.banners.outdated, (english_url, ui.banners.outdated_link))
        if stamp is None or stamp.status == "draft":
            banners += render.banner("draft", ui.banners.draft)
    return banners + html


@functools.lru_cache(maxsize=None)
def material_strings(theme_dirs: tuple[str, ...]) -> dict[str, list[str]]:
    """Material's own UI string keys, and which languages it ships strings for (read once)."""
    for folder in theme_dirs:
        english = Path(folder) / "partials" / "languages" / "en.html"
        if english.is_file():
            keys = re.findall(r'^\s*"([^"]+)":', english.read_text(encoding="utf-8"), re.M)
            shipped = [p.stem for p in english.parent.glob("*.html")]
            return {"keys": keys, "shipped": shipped}
    return {"keys": [], "shipped": []}


def theme_string_problems(content: Content, config, building: set[str]) -> list[Problem]:
    """A language the theme has no strings for needs all of them in its ui.yml `theme:`."""
    material = material_strings(tuple(config.theme.dirs))
    found = []
    for lang in content.codes[1:]:
        if lang in material["shipped"] or lang not in building:
            continue
        have = content.ui(lang).theme
        missing = [key for key in material["keys"] if key not in have]
        if missing:
            found.append(Problem(f"translations/{lang}/ui.yml", None,
                                 f"the theme has no interface strings for '{lang}' and theme: lacks "
                                 f"{len(missing)} of them: {', '.join(missing[:8])}{' ...' if len(missing) > 8 else ''}",
                                 "add them under theme: (keys as in material/templates/partials/languages/en.html; see README, 'Add a language')"))
    return found


def theme_env(env, config) -> None:
    """Material has no UI strings for some languages (km, lo): serve ours from ui.yml `theme:`."""
    content = STATE.content
    generated = {}
    for lang in content.codes:
        strings = content.ui(lang).theme if lang != content.default else {}
        if strings:
            pairs = ",\n".join(f"  {key!r}: {value!r}" for key, value in sorted(strings.items()))
            generated[f"partials/languages/{lang}.html"] = (
                "{% macro t(key) %}{{ {\n" + pairs + "\n}[key] }}{% endmacro %}")
    if generated:
        env.loader = ChoiceLoader([DictLoader(generated), env.loader])


def post_page(output: str, page: Page, config) -> str:
    """Count the page for the check in post_build; mark switcher languages; drop template indentation."""
    lang = current_language(config)
    STATE.built[lang] = STATE.built.get(lang, 0) + 1
    return minify.collapse_whitespace(SWITCHER_LINK.sub(r'\1 lang="\2"', output))


def post_build(config) -> None:
    """Nothing is silently dropped: every language has exactly as many pages as the source."""
    content = STATE.content
    lang = current_language(config)
    expected = len(content.pages[content.default])
    built = STATE.built.get(lang, 0)
    started = time.perf_counter()
    pages = STATE.pages.pop(lang, [])
    search_index.write(Path(STATE.site_root) / SEARCH_DIR / lang,
                       search_index.build(lang, [(url, title, html) for _, url, title, html in pages]))
    STATE.timings[f"search index '{lang}'"] = time.perf_counter() - started
    if STATE.books:
        _write_book(content, config, lang, pages)
    STATE.timings[f"mkdocs build '{lang}'"] = time.perf_counter() - STATE.language_started
    _write_timings(Path(config.config_file_path).parent)
    if built != expected:
        raise PluginError(f"language '{lang}': {built} pages built but docs/ has {expected} pages; "
                          "a page was dropped (check for folders named like a language code)")
    if set(STATE.built) >= building_languages(config):
        # the last language is written and assets are shared by all: name them by content now
        fingerprint.fingerprint(Path(STATE.site_root), own_assets(config))


def building_languages(config) -> set[str]:
    """The languages this build writes (a preview with GUIDEBOOK_LANGS writes fewer)."""
    return {entry.locale for entry in config.plugins.get("i18n").config.languages if entry.build}


def own_assets(config) -> list[str]:
    """Site paths of the files our theme folder ships (CSS, JS, fonts) and of the favicon."""
    custom = Path(config.theme.custom_dir)
    ours = [path.relative_to(custom).as_posix() for path in sorted((custom / "assets").rglob("*"))
            if path.suffix in fingerprint.KINDS]
    return ours + [config.theme["favicon"]]


def _write_book(content: Content, config, lang: str, pages: list) -> None:
    """The whole guidebook as one HTML document per language; guidebook build prints it to PDF."""
    by_uri = {uri: (title, html) for uri, _, title, html in pages}
    order = [uri for uri in book.nav_order(config["nav"] or []) if uri in by_uri and book.wanted(uri)]
    html = book.book_html(content, lang, [(uri, *by_uri[uri]) for uri in order],
                          str(config.extra.get("edition", "")), config.site_url or "")
    target = content.root / BOOK_DIR / f"{lang}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def _write_timings(root: Path) -> None:
    target = root / ".build" / "timings.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(STATE.timings, indent=1), encoding="utf-8")
