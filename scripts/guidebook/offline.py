"""Offline packages: one zip per language of a copy of the site that works opened from disk.

The copy is built with `use_directory_urls: false`, so every link names its .html file (a
browser opening files from disk does not turn `folder/` into `folder/index.html`), and search
loads its index with <script> (see search_index.py). Each zip holds the language's pages, the
shared assets, that language's search index and PDFs, and a start page at the top.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

ZIP_DATE = (2026, 1, 1, 0, 0, 0)     # fixed timestamps: identical input gives identical zips
SHARED = ("assets",)


def zip_name(lang: str) -> str:
    return f"guidebook-{lang}.zip"


def zip_uri(lang: str) -> str:
    """Where the zip lives in the published site, relative to the site root."""
    return f"offline/{zip_name(lang)}"


def _files(site: Path, lang: str, default: str, codes: list[str]) -> list[tuple[Path, str]]:
    chosen: list[tuple[Path, str]] = []
    others = set(codes) - {default}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        top = rel.split("/", 1)[0]
        if top in SHARED or rel.startswith(f"gbsearch/{lang}/") or rel.startswith(f"pdf/{lang}/"):
            chosen.append((path, rel))
        elif lang == default and top not in others and top not in ("gbsearch", "pdf", "offline"):
            chosen.append((path, rel))
        elif lang != default and top == lang:
            chosen.append((path, rel))
    return chosen


def _start_page(lang: str, title: str) -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={lang}/index.html"><title>{title}</title></head>'
            f'<body><p><a href="{lang}/index.html">{title}</a></p></body></html>')


def package(site: Path, pdf_dirs: list[Path], out_dir: Path, lang: str, default: str, codes: list[str],
            title: str) -> Path:
    """Write out_dir/guidebook-<lang>.zip from the offline build in `site` and the rendered PDFs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / zip_name(lang)
    folder = f"guidebook-{lang}/"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        pdfs = [(p, f"pdf/{lang}/{p.name}") for folder in pdf_dirs for p in sorted((folder / lang).glob("*.pdf"))]
        for path, rel in _files(site, lang, default, codes) + pdfs:
            info = zipfile.ZipInfo(folder + rel, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
        if lang != default:
            info = zipfile.ZipInfo(folder + "index.html", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, _start_page(lang, title))
    return target


def size_mb(path: Path) -> str:
    return f"{os.path.getsize(path) / 1_000_000:.1f}"


def publish(zips: list[Path], site_dir: Path) -> None:
    """Copy the zips into the built site under offline/."""
    target = site_dir / "offline"
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.zip"):
        stale.unlink()
    for path in zips:
        (target / path.name).write_bytes(path.read_bytes())
