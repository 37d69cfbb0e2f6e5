"""`guidebook`: one entry point for contributors, translators and CI."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import json
import logging
import time

import markdown

from . import checks
from . import content as content_mod
from . import languages as languages_mod
from . import translation_status
from .errors import ContentError


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "docs").is_dir():
            return folder
    raise SystemExit("guidebook: run this inside the project (no mkdocs.yml found)")


def cmd_validate(args: argparse.Namespace) -> int:
    """Every check in one run: content and privacy first, then links and anchors in every language.

    Links need the rendered pages (anchors made by inserts, fallback pages), so when the content
    is sound the site is built into a temporary folder and MkDocs' link findings are reported
    against the files people edit.
    """
    root = find_root()
    content = checks.run(content_mod.load(root))
    problems = list(content.problems)
    if not content.errors() and not args.no_links:
        problems += _link_problems(root)
    for problem in problems:
        print(problem.format())
    errors = [p for p in problems if p.severity == "error"]
    print(f"{len(content.pages[content.default])} English pages, {len(content.codes)} languages: "
          f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)"
          + ("" if args.no_links or content.errors() else "; links and anchors checked in every language"))
    return 1 if errors else 0


def _link_problems(root: Path) -> list:
    """Build all languages into a scratch folder; return the link problems MkDocs found."""
    import tempfile

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import links

    os.chdir(root)
    with tempfile.TemporaryDirectory(prefix="guidebook-check-") as scratch:
        config = load_config(str(root / "mkdocs.yml"), site_dir=scratch)
        quiet = logging.getLogger("mkdocs")   # MkDocs' own lines stay silent: we print the problems
        quiet.addHandler(logging.NullHandler())
        quiet.setLevel(logging.WARNING)
        quiet.propagate = False
        _mkdocs(mkdocs_build, config, MkDocsException, quiet=True)
    return list(links.FILTER.problems)


def cmd_links(args: argparse.Namespace) -> int:
    """External links in every language and in the resource library, with where each one is."""
    from . import links

    content = content_mod.load(find_root())
    found = links.external_links(content)
    statuses = links.check_online([link.url for link in found]) if args.online else {}
    for link in found:
        state = f"  [{statuses[link.url]}]" if args.online else ""
        print(f"{link.url}{state}")
        for place in link.places:
            print(f"    {place}")
    print(f"{len(found)} external links in {sum(len(l.places) for l in found)} places"
          + ("" if args.online else " (not fetched; add --online to check them)"))
    broken = [url for url, state in statuses.items() if not state.startswith(("2", "3"))]
    return 1 if broken else 0


def _show_mkdocs_warnings() -> None:
    """MkDocs only prints its warnings (broken links, ...) when its own CLI sets up logging."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _mkdocs(mkdocs_build, config, error_type, quiet: bool = False) -> bool:
    try:
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
    except error_type as exc:
        if not quiet:
            print(f"guidebook: {exc}", file=sys.stderr)
        return False
    return True


def cmd_build(args: argparse.Namespace) -> int:
    """The whole pipeline: content -> PDFs -> every language's pages -> site/."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import book, offline, pdf, site_build

    root = find_root()
    os.chdir(root)
    _show_mkdocs_warnings()
    site_dir = root / args.site_dir
    timings: dict[str, float] = {}
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    started = time.perf_counter()
    try:
        content = site_build.load_content(root, languages_mod.load(root))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    timings["load and validate content"] = time.perf_counter() - started
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    edition = str(config.extra.get("edition", ""))
    started = time.perf_counter()
    jobs = [job for paper in args.paper for job in pdf.plan(content, md, config.site_url or "", edition, paper)]
    try:
        result = pdf.build(jobs, root / site_build.PDF_DIR, workers=args.workers)
    except pdf.MissingGlyphs as exc:
        print(f"guidebook: {exc}", file=sys.stderr)
        return 1
    timings["PDFs"] = time.perf_counter() - started
    started = time.perf_counter()
    offline_site = root / ".build" / "offline-site"
    offline_config = load_config(str(root / "mkdocs.yml"), site_dir=str(offline_site), use_directory_urls=False)
    site_build.STATE.books = True   # the book is printed from this build's pages
    built_offline = _mkdocs(mkdocs_build, offline_config, MkDocsException)
    site_build.STATE.books = False
    if not built_offline:
        return 1
    try:
        books = pdf.build(book.jobs(content, root / site_build.BOOK_DIR, pdf.inputs_key()),
                          root / site_build.BOOK_PDF_DIR, workers=args.workers)
    except pdf.MissingGlyphs as exc:
        print(f"guidebook: {exc}", file=sys.stderr)
        return 1
    zips = [offline.package(offline_site, [root / site_build.PDF_DIR, root / site_build.BOOK_PDF_DIR],
                            root / site_build.OFFLINE_DIR, lang, content.default, content.codes,
                            content.ui(lang).site_name) for lang in content.codes]
    timings["offline copy and zips"] = time.perf_counter() - started
    started = time.perf_counter()
    if not _mkdocs(mkdocs_build, config, MkDocsException):
        return 1
    timings["MkDocs, all languages"] = time.perf_counter() - started
    pdf.publish([root / site_build.PDF_DIR, root / site_build.BOOK_PDF_DIR], site_dir)
    offline.publish(zips, site_dir)
    for stage, seconds in site_build.STATE.timings.items():
        timings.setdefault(stage, seconds)
    print(f"built {site_dir}: {len(jobs)} PDFs ({result.rendered} rendered, {result.skipped} unchanged), "
          f"{len(books.sizes)} whole-guidebook PDFs ({books.rendered} rendered, {books.seconds:.1f} s), "
          f"{len(zips)} offline zips ({', '.join(f'{z.stem}: {offline.size_mb(z)} MB' for z in zips)})")
    (root / ".build" / "build-timings.json").write_text(json.dumps(
        {"timings": timings, "books": {"rendered": books.rendered, "sizes": books.sizes},
         "pdf": {"rendered": result.rendered, "skipped": result.skipped,
                                     "sizes": result.sizes}}, indent=1))
    return 0


def _english_file(root: Path, relpath: str) -> tuple[Path, str]:
    """Accept 'checklists/housing.md', 'docs/checklists/housing.md' or a translations/ path."""
    parts = Path(relpath).parts
    if parts and parts[0] == "docs":
        parts = parts[1:]
    elif len(parts) > 2 and parts[0] == "translations":
        parts = parts[2:]
    uri = Path(*parts).as_posix()
    english = root / "docs" / uri
    if not english.is_file():
        raise SystemExit(f"guidebook: there is no English file docs/{uri}")
    return english, uri


def cmd_status(args: argparse.Namespace) -> int:
    """Completeness and staleness of translations (table, or JSON with --json)."""
    root = find_root()
    content = content_mod.load(root)
    langs = [args.lang] if args.lang else content.codes[1:]
    unknown = [lang for lang in langs if lang not in content.codes[1:]]
    if unknown:
        raise SystemExit(f"guidebook: unknown language {unknown[0]}; use one of {', '.join(content.codes[1:])}")
    statuses = translation_status.report(content, langs)
    if args.json:
        print(json.dumps(translation_status.as_json(statuses), ensure_ascii=False, indent=1))
    else:
        print(translation_status.table(statuses))
        if args.lang:
            status = statuses[0]
            for label in ("outdated", "unstamped", "missing"):
                for uri in getattr(status, label):
                    print(f"  {label:<10} translations/{args.lang}/{uri}")
            for path in status.orphaned:
                print(f"  {'orphaned':<10} {path} (no English counterpart: rename or delete it)")
            if status.outdated:
                print(f"what changed in English: guidebook diff {args.lang} <path>")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Start a translation: copy the English file, stamped with its version, status draft."""
    root = find_root()
    english, uri = _english_file(root, args.path)
    target = root / "translations" / args.lang / uri
    if target.exists():
        raise SystemExit(f"guidebook: {target.relative_to(root)} already exists (use stamp to mark it current)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(translation_status.new_translation(english.read_text(encoding="utf-8"),
                                                         content_mod.file_hash(english.read_bytes()),
                                                         english.suffix == ".md"),
                      encoding="utf-8")
    print(f"created {target.relative_to(root)}: replace the English text with the translation, keep ids "
          "and {#anchors}")
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    """Mark a translation as matching the current English file."""
    root = find_root()
    english, uri = _english_file(root, args.path)
    target = root / "translations" / args.lang / uri
    if not target.is_file():
        raise SystemExit(f"guidebook: no translation {target.relative_to(root)} (start one with: guidebook new)")
    text = translation_status.stamp_text(target.read_text(encoding="utf-8"),
                                         content_mod.file_hash(english.read_bytes()), args.status,
                                         target.suffix == ".md")
    target.write_text(text, encoding="utf-8")
    print(f"stamped {target.relative_to(root)} as translating the current docs/{uri}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """The English changes a translator has to carry over: from the stamped version to now."""
    from . import source_history

    root = find_root()
    english, uri = _english_file(root, args.path)
    content = content_mod.load(root)
    doc = content.page(args.lang, uri)
    if doc is None:
        raise SystemExit(f"guidebook: no translation translations/{args.lang}/{uri}")
    stamp = doc.meta.translation
    if stamp is None:
        raise SystemExit(f"guidebook: translations/{args.lang}/{uri} has no translation: block; "
                         f"compare it with docs/{uri} by hand, then run: guidebook stamp {args.lang} {uri}")
    current = content_mod.file_hash(english.read_bytes())
    if stamp.source_hash == current:
        print(f"translations/{args.lang}/{uri} is up to date with docs/{uri}")
        return 0
    try:
        commit, diff = source_history.changes_since(root, f"docs/{uri}", stamp.source_hash)
    except source_history.NoHistory as exc:
        print(f"docs/{uri} changed since the translation (version {stamp.source_hash}, now {current}), "
              f"but the change cannot be shown: {exc}")
        return 1
    print(f"docs/{uri}: changes since {commit[:10]} (the version translations/{args.lang}/{uri} translates)")
    print(diff, end="")
    print(f"when the translation is updated: guidebook stamp {args.lang} {uri}")
    return 0


def cmd_fix_nfc(args: argparse.Namespace) -> int:
    """Rewrite files in Unicode NFC (one code point per accented letter), as search and checks expect."""
    import unicodedata

    root = find_root()
    for name in args.paths:
        path = (root / name) if not Path(name).is_absolute() else Path(name)
        text = path.read_text(encoding="utf-8")
        fixed = unicodedata.normalize("NFC", text)
        lines = sum(a != b for a, b in zip(text.split("\n"), fixed.split("\n")))
        if lines:
            path.write_text(fixed, encoding="utf-8")
        print(f"{name}: {lines} line(s) normalised" if lines else f"{name}: already NFC")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview; with one language, only that language is built (at the root), so saves show fast."""
    env = dict(os.environ)
    if args.lang:
        env["GUIDEBOOK_LANGS"] = args.lang
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", args.address]
    os.chdir(find_root())
    os.execve(sys.executable, command, env)   # become the server: stopping `guidebook serve` stops it


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidebook", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", aliases=["validate"],
                           help="run every check (schemas, ids, translations, markup, Zawgyi, anonymity, "
                           "privacy, links and anchors in every language); exit 1 on errors")
    check.add_argument("--no-links", action="store_true", help="skip the link check (it builds the site, ~20 s)")
    check.set_defaults(func=cmd_validate)
    links = sub.add_parser("links", help="list external links with where they are (--online: also fetch them)")
    links.add_argument("--online", action="store_true")
    links.set_defaults(func=cmd_links)
    status = sub.add_parser("status", help="translation completeness and staleness")
    status.add_argument("lang", nargs="?")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)
    for name, func, text in (("new", cmd_new, "scaffold a translation of an English file"),
                             ("stamp", cmd_stamp, "mark a translation as matching the current English"),
                             ("diff", cmd_diff, "what changed in the English page since its translation was stamped")):
        command = sub.add_parser(name, help=text)
        command.add_argument("lang")
        command.add_argument("path", help="e.g. checklists/housing.md")
        if name == "stamp":
            command.add_argument("--status", choices=["draft", "reviewed"])
        command.set_defaults(func=func)
    fix_nfc = sub.add_parser("fix-nfc", help="rewrite files in Unicode NFC (what the NFC check asks for)")
    fix_nfc.add_argument("paths", nargs="+")
    fix_nfc.set_defaults(func=cmd_fix_nfc)
    build = sub.add_parser("build", help="build the whole site into site/")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--paper", nargs="+", choices=["a4", "letter"], default=["a4"],
                       help="paper sizes for the checklist PDFs (default a4)")
    build.add_argument("--workers", type=int, default=2, help="PDF worker processes")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="live preview at http://127.0.0.1:8000/")
    serve.add_argument("lang", nargs="?", help="preview only this language, e.g. th (several: th,km, built with English)")
    serve.add_argument("--address", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    return args.func(args)


def run() -> int:
    """Entry point; a closed pipe (e.g. `guidebook status | head`) is not an error."""
    try:
        return main()
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(run())
