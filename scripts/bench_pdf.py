"""Benchmark the checklist PDFs: clean render of all, no-change rebuild, size per language.

Prints figures; it is not a test. Usage: .venv/bin/python scripts/bench_pdf.py [--workers 2]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import markdown
from mkdocs.config import load_config

from guidebook import content as content_mod
from guidebook import pdf

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    config = load_config(str(ROOT / "mkdocs.yml"))
    content = content_mod.load(ROOT)
    content.raise_for_errors()
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    started = time.perf_counter()
    jobs = pdf.plan(content, md, config.site_url or "", str(config.extra.get("edition", "")))
    planned = time.perf_counter() - started
    out = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    try:
        clean = pdf.build(jobs, out, workers=args.workers)
        again = pdf.build(pdf.plan(content, md, config.site_url or "", str(config.extra.get("edition", ""))),
                          out, workers=args.workers)
    finally:
        sizes = {}
        for path in out.glob("*/*.pdf"):
            sizes.setdefault(path.parent.name, []).append(path.stat().st_size)
        shutil.rmtree(out)
    print(f"PDFs: {len(jobs)} (planning {planned:.2f} s, {args.workers} workers)")
    print(f"clean render of all: {clean.rendered} rendered in {clean.seconds:.1f} s "
          f"({clean.seconds / max(1, clean.rendered):.2f} s per PDF)")
    print(f"no-change rebuild: {again.rendered} rendered, {again.skipped} unchanged, {again.seconds:.2f} s")
    for lang in content.codes:
        files = sizes.get(lang, [])
        total = sum(files)
        print(f"  {lang}: {len(files):2d} PDFs, {total / 1024:8.0f} KB total, "
              f"{(total / len(files) / 1024) if files else 0:6.0f} KB average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
