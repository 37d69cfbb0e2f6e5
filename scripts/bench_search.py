"""Benchmark: search quality and cost per language, in headless Chromium, online and offline.

Runs the query sets in bench/search/<lang>.yml against the built site (served over HTTP) and,
when it exists, against the offline zip unpacked and opened from disk (file://). Prints per language:
hit@1, hit@5, MRR, zero-result rate, 'must find nothing' accuracy and the gzip bytes of index
files loaded before the first result. Prints figures; it is not a test.

Usage: .venv/bin/python scripts/bench_search.py [--lang th] [--offline-only | --online-only]
(build first: ./run build; the offline package comes from the same command.)
"""
from __future__ import annotations

import argparse
import tempfile
import zipfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from guidebook import languages, search_check

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]


def report(label: str, lang: str, outcomes: list[search_check.Outcome], verbose: bool) -> None:
    s = search_check.summary(outcomes)
    print(f"{label:8} {lang:3} {s['queries']:4d} {s['hit@1']:7.0%} {s['hit@5']:7.0%} {s['mrr']:6.2f} "
          f"{s['zero-result rate']:10.0%} {s['none correct']:10.0%} {s['bytes median'] / 1024:9.1f} "
          f"{s['bytes max'] / 1024:8.1f}")
    if verbose:
        for o in outcomes:
            if not o.ok:
                print(f"      miss: {o.query.kind:13} {o.query.q!r} expected {o.query.expect} "
                      f"-> rank {o.rank}, {o.results} results")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument("--online-only", action="store_true")
    parser.add_argument("--offline-only", action="store_true")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every query that missed")
    args = parser.parse_args()
    codes = [lang.code for lang in languages.load(ROOT)]
    wanted = args.lang or codes
    site = args.site.resolve()
    unpacked = Path(tempfile.mkdtemp(prefix="offline-"))
    print(f"{'where':8} {'lang':3} {'n':>4} {'hit@1':>7} {'hit@5':>7} {'MRR':>6} {'zero-res':>10} "
          f"{'none ok':>10} {'KB med':>9} {'KB max':>8}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for lang in wanted:
            queries = search_check.load_queries(ROOT / "bench" / "search" / f"{lang}.yml")
            if not args.offline_only:
                httpd, base = search_check.serve(site)
                try:
                    report("online", lang, search_check.run(browser, base, site, lang, codes[0], queries),
                           args.verbose)
                finally:
                    httpd.shutdown()
            archive = site / "offline" / f"guidebook-{lang}.zip"
            if not args.online_only and archive.is_file():
                zipfile.ZipFile(archive).extractall(unpacked)
                folder = unpacked / f"guidebook-{lang}"
                base = folder.resolve().as_uri() + "/"
                report("offline", lang, search_check.run(browser, base, folder, lang, codes[0], queries,
                                                         directory_urls=False), args.verbose)
        browser.close()


if __name__ == "__main__":
    main()
