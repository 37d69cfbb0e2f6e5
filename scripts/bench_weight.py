"""Benchmark: bytes (gzip) and requests a reader's phone downloads, ours beside stock Material.

For a chapter page and a checklist page in every language: first visit (empty cache) and the
further page (the other one, with the cache of the first), in headless Chromium. The stock build
is the same content built with Material's defaults + mkdocs-static-i18n (theme search, Google
Fonts, no hooks); its requests to other hosts are counted, as they cannot be measured here.
Budgets: first visit <= 100 KB, further page <= 20 KB (search index excluded; it loads on search).
The local server answers like a production host that caches assets/ for a year.

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
PAGES = ("service-areas/legal/", "checklists/legal/")
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
    return (f"{label:28} first {first.bytes / 1024:6.1f} KB in {first.requests:2d} requests{ext}{worst}; "
            f"further page {further.bytes / 1024:5.1f} KB in {further.requests:2d}")


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
            for name, site in sites.items():
                if name != "ours" and lang in STOCK_CANNOT_BUILD:
                    print(f"{lang} {name[:14]}: cannot be built (the theme has no {lang} interface strings)")
                    continue
                httpd, base = search_check.serve(site, cache_assets=True)
                try:
                    for first, then in (PAGES, PAGES[::-1]):
                        a, b = page_weight.measure(browser, site, base, prefix + first, prefix + then)
                        fonts = page_weight.font_bytes(site, lang) if name == "ours" else 0
                        print(row(f"{lang} {name[:14]} {first.split('/')[0][:8]}", a, b, fonts))
                        if name == "ours" and (a.bytes > page_weight.FIRST_VISIT_BUDGET
                                               or b.bytes > page_weight.FURTHER_PAGE_BUDGET):
                            over.append(f"{lang} {first}")
                finally:
                    httpd.shutdown()
        browser.close()
    print("over budget: " + (", ".join(over) if over else "none"))


if __name__ == "__main__":
    main()
