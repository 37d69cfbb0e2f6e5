"""A small Chinese font for printing, so Chinese PDFs are not ten times the size of the others.

WeasyPrint subsets every font it embeds but keeps the original glyph numbers. Noto Sans CJK has
65,000 glyphs and Chinese characters sit high in it, so each embedded subset still carries
metrics for every glyph slot below the highest one used: a one-page Chinese checklist weighed
350 KB against 30–50 KB in the other languages. Here we cut, once per content version, a copy of
Noto Sans CJK SC holding only the CJK characters the guidebook uses, with glyphs renumbered from
zero and without vertical metrics (print is horizontal). The PDFs name it first for CJK text; any
character it lacks still falls back to the installed Noto Sans CJK.
"""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from .content import Content

FAMILY = "Guidebook CJK SC"
SOURCES = {400: Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
           700: Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")}
SOURCE_FAMILY = "Noto Sans CJK SC"
FOLDER = Path(".build") / "print-fonts"
# CJK radicals, punctuation, kana, ideographs and full-width forms (Latin letters and digits are
# drawn with Noto Sans, which comes first in the print font list)
CJK = re.compile("[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def _strings(data) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return [data] if isinstance(data, str) else []


def cjk_characters(content: Content) -> str:
    """The characters the font must hold, sorted: every CJK character in any language's pages
    and data, and every character of the Chinese files, because a space or a quotation mark
    between Chinese characters is drawn with the Chinese font."""
    def texts(langs) -> list[str]:
        found = [doc.text for lang in langs for doc in content.pages.get(lang, {}).values()]
        return found + [text for lang in langs for entry in content.data.get(lang, {}).values()
                        for text in _strings(entry.raw)]

    cjk = set(CJK.findall("".join(texts(content.codes))))
    chinese = set("".join(texts([code for code in content.codes if code.startswith("zh")])))
    return "".join(sorted(cjk | chinese | set(map(chr, range(0x20, 0x7F))) | {"\u00a0"}))


def _face_index(path: Path) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    return next(i for i, font in enumerate(collection.fonts) if font["name"].getDebugName(1) == SOURCE_FAMILY)


def _cut(source: Path, characters: str, target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=_face_index(source))
    options = subset.Options()
    options.drop_tables += ["vmtx", "vhea", "VORG"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in characters})
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))


@functools.lru_cache(maxsize=8)
def _font_faces(root: Path, characters: str) -> str:
    if not characters or not all(path.is_file() for path in SOURCES.values()):
        return ""   # no Chinese text, or no Noto CJK: the installed fonts are used as they are
    rules = []
    for weight, source in SOURCES.items():
        stat = source.stat()
        key = hashlib.sha256(f"{characters}|{source.name}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:12]
        target = root / FOLDER / f"cjk-sc-{weight}-{key}.otf"
        if not target.is_file():
            _cut(source, characters, target)
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
                     f'src: url("{target.resolve().as_uri()}"); }}')
    return "\n".join(rules)


def font_faces(content: Content) -> str:
    """@font-face rules for the print CSS (the font files are cut on first use and kept)."""
    return _font_faces(content.root, cjk_characters(content))
