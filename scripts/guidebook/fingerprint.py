"""Content-hashed names for our assets, so a host can let browsers keep them for a year.

A file named after its content never changes under that name, so it can be cached for good and
a new version is a new URL: after a build, each listed asset becomes name.<hash>.ext (the first 8
hex digits of its SHA-256, as the theme names its own bundles), every reference to it in the
built HTML and CSS is rewritten, and the unhashed copy is deleted, so no page can load a stale
version. Files named inside CSS (fonts) are renamed before the CSS, whose content, and so hash,
changes with them. Only a built folder is needed: the online site, the offline copy opened from
disk and `mkdocs serve` all go through the same function.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

HASH_DIGITS = 8
HASHED = re.compile(r"\.[0-9a-f]{8}(\.[a-z0-9]+)+$")   # name.<hash>.ext, ours and the theme's (.min.js)
# the kinds renamed; files that CSS can name come first, so CSS is hashed with their new names
KINDS = (".woff2", ".png", ".svg", ".css", ".js")


def hashed_name(path: str, data: bytes) -> str:
    """assets/guidebook.css + content -> assets/guidebook.3f9a1c2e.css"""
    stem, _, ext = path.rpartition(".")
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:HASH_DIGITS]}.{ext}"


def _rewrite(text: str, renamed: dict[str, str]) -> str:
    """Replace each reference that ends in a key of `renamed`: a quoted or url() URL, not prose."""
    if not renamed:
        return text
    pattern = re.compile(r'(?<=["\'(/])(' + "|".join(map(re.escape, sorted(renamed, key=len, reverse=True)))
                         + r')(?=["\')?#])')
    return pattern.sub(lambda m: renamed[m.group(1)], text)


def _relative(renamed: dict[str, str], folder: str) -> dict[str, str]:
    """The renames as seen from a file in `folder` (site paths), for the files below it."""
    prefix = f"{folder}/" if folder else ""
    return {old.removeprefix(prefix): new.removeprefix(prefix)
            for old, new in renamed.items() if old.startswith(prefix)}


def fingerprint(site: Path, assets: list[str]) -> dict[str, str]:
    """Rename `assets` (paths below `site`, of the KINDS) to hashed names; rewrite references.

    Returns {old path: new path} for the assets found; missing ones (already renamed by an
    earlier run over the same folder) are skipped, so running twice changes nothing.
    """
    renamed: dict[str, str] = {}
    for asset in sorted(assets, key=lambda a: (KINDS.index(Path(a).suffix), a)):
        path = site / asset
        if not path.is_file() or HASHED.search(asset):
            continue
        data = path.read_bytes()
        if path.suffix == ".css":
            data = _rewrite(data.decode("utf-8"), _relative(renamed, posixpath.dirname(asset))).encode("utf-8")
        new = hashed_name(asset, data)
        (site / new).write_bytes(data)
        path.unlink()
        renamed[asset] = new
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = _rewrite(text, renamed)
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    return renamed
