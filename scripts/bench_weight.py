"""Benchmark: bytes (gzip) and requests a reader's phone downloads, ours beside stock Material.

For the longest chapter and the longest checklist of every language (most gzip bytes of HTML):
the page as first visit (empty cache) and as further page (opened after the other one, with its
cache), in headless Chromium. The stock build is the same content built with Material's
defaults + mkdocs-static-i18n (theme search, Google Fonts, no hooks), measured on the same pages;
its requests to other hosts are counted, as they cannot be measured here.
Budgets: first visit <= 100 KB, further page <= 20 KB (search index excluded; it loads on search).
The local server answers like a production host that caches content-hashed files for a year.

Usage: .venv/bin/python scripts/bench_weight.py [--site site] [--no-stock]   (after ./run build)
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from guidebook import languages, page_weight, search_check

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]
KINDS = ("service-areas", "checklists")
STOCK_CANNOT_BUILD = ("km", "lo")


def stock_site() -> Path:
    """Build the staged content (.build/docs) with a stock Material + i18n configuration."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "extra_css", "extra_javascript", "watch", "not_in_nav", "validation"):
        config.pop(key, None)
    config["theme"] = {"name": "material", "features": ["navigation.sections"]}
    config["strict"] = False
    config["docs_dir"] = str(ROOT / ".build" / "docs")
    target = ROOT / ".build" / "stock-site"
    config["site_dir"] = str(target)
    plugins = [{"search": {}}]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["reconfigure_search"] = True
            for entry in plugin["i18n"]["languages"]:
                # stock Material has no interface strings for these: its build fails
                entry["build"] = entry["locale"] not in STOCK_CANNOT_BUILD
            plugins.append(plugin)
    config["plugins"] = plugins
    config_file = ROOT / ".build" / "stock-mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.DEVNULL)
    return target


def row(label: str, first: page_weight.Visit, further: page_weight.Visit, fonts: int = 0) -> str:
    worst = f" (+{fonts / 1024:.0f} KB fonts if the phone lacks them)" if fonts else ""
    ext = f", {len(first.external)} external requests" if first.external else ""
    return (f"{label:44} first visit {first.bytes / 1024:6.1f} KB in {first.requests:2d} requests{ext}{worst}; "
            f"as further page {further.bytes / 1024:5.1f} KB in {further.requests:2d}")


def measure_pair(browser, site: Path, pages: list[str]) -> list[tuple[page_weight.Visit, page_weight.Visit]]:
    """(first visit, as further page) for each of two pages, each opened after the other."""
    httpd, base = search_check.serve(site, cache_assets=True)
    try:
        a_first, b_further = page_weight.measure(browser, site, base, pages[0], pages[1])
        b_first, a_further = page_weight.measure(browser, site, base, pages[1], pages[0])
    finally:
        httpd.shutdown()
    return [(a_first, a_further), (b_first, b_further)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock Material comparison")
    args = parser.parse_args()
    codes = [lang.code for lang in languages.load(ROOT)]
    sites = {"ours": args.site.resolve()}
    if not args.no_stock:
        sites["stock Material + i18n"] = stock_site()
    over = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for lang in codes:
            prefix = "" if lang == codes[0] else f"{lang}/"
            pages = [page_weight.heaviest(sites["ours"], prefix + kind) for kind in KINDS]
            for name, site in sites.items():
                if name != "ours" and lang in STOCK_CANNOT_BUILD:
                    print(f"{lang} {name[:14]}: cannot be built (the theme has no {lang} interface strings)")
                    continue
                fonts = page_weight.font_bytes(site, lang) if name == "ours" else 0
                for page, (first, further) in zip(pages, measure_pair(browser, site, pages)):
                    print(row(f"{lang} {name[:14]} {page.removeprefix(prefix)}", first, further, fonts))
                    if name == "ours" and (first.bytes > page_weight.FIRST_VISIT_BUDGET
                                           or further.bytes > page_weight.FURTHER_PAGE_BUDGET):
                        over.append(page)
        browser.close()
    print("over budget: " + (", ".join(over) if over else "none"))


if __name__ == "__main__":
    main()
