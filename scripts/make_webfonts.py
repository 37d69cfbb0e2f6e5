"""Regenerate the vendored web fonts (run by hand when upgrading fonts; output is committed).

Khmer, Lao and Burmese need fonts most phones lack; we ship Noto Sans (SIL OFL 1.1) as WOFF2,
subset to each script's Unicode block so the browser downloads a font only for pages that use it.
Source TTFs come from Debian's fonts-noto-core.
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

NOTO = Path("/usr/share/fonts/truetype/noto")
OUT = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
# script -> (font family file stem, unicode ranges incl. joiners and dotted circle)
SCRIPTS = {
    "khmer": ("NotoSansKhmer", "U+1780-17FF,U+19E0-19FF,U+200B-200D,U+25CC"),
    "lao": ("NotoSansLao", "U+0E80-0EFF,U+200B-200D,U+25CC"),
    "myanmar": ("NotoSansMyanmar", "U+1000-109F,U+A9E0-A9FF,U+AA60-AA7F,U+200B-200D,U+25CC"),
}


def build(script: str, weight: str) -> Path:
    family, ranges = SCRIPTS[script]
    source = NOTO / f"{family}-{weight}.ttf"
    target = OUT / f"{family}-{weight}.woff2"
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(ranges))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    return target


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name in SCRIPTS:
        for weight in ("Regular", "Bold"):
            path = build(name, weight)
            print(f"{path.name}: {path.stat().st_size} bytes")
    sys.exit(0)
