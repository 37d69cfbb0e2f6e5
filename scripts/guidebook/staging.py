"""Bring docs/ and translations/<lang>/ together into the one folder MkDocs reads.

mkdocs-static-i18n only sees files inside docs_dir and expects translations as `page.<lang>.md`
next to the English page. Translators keep a mirrored tree instead, so we stage symlinks:
  docs/a/b.md              -> .build/docs/a/b.md
  translations/th/a/b.md   -> .build/docs/a/b.th.md
Symlinks mean an edit in docs/ or translations/ changes nothing in the staged folder itself, so
`mkdocs serve` (which watches both source folders) rebuilds exactly once per save.
"""
from __future__ import annotations

import os
from pathlib import Path

from .content import Content

STAGE_DIR = Path(".build") / "docs"


def staged_name(uri: str, lang: str, default: str) -> str:
    if lang == default:
        return uri
    stem, dot, suffix = uri.rpartition(".")
    return f"{stem}.{lang}.{suffix}"


def plan(content: Content) -> dict[str, Path]:
    """Staged relative path -> real file, for every page and asset that will be published."""
    wanted: dict[str, Path] = {}
    root = content.root
    for lang, pages in content.pages.items():
        base = root / "docs" if lang == content.default else root / "translations" / lang
        for uri in pages:
            wanted[staged_name(uri, lang, content.default)] = base / uri
    for uri in content.assets:
        wanted[uri] = root / "docs" / uri
    return wanted


def stage(content: Content, target: Path | None = None) -> Path:
    """Create or refresh the staged tree; only changed links are touched."""
    target = (target or content.root / STAGE_DIR).resolve()
    target.mkdir(parents=True, exist_ok=True)
    wanted = plan(content)
    for name, source in wanted.items():
        link = target / name
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() and os.readlink(link) == str(source):
            continue
        if link.exists() or link.is_symlink():
            link.unlink()
        link.symlink_to(source)
    for path in sorted(target.rglob("*"), reverse=True):
        name = path.relative_to(target).as_posix()
        if path.is_symlink() or path.is_file():
            if name not in wanted:
                path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return target
