"""Benchmark: clean build of the whole site, time per stage, and serve's edit-to-reload time.

Prints figures; it is not a test. Usage: .venv/bin/python scripts/bench_build.py [--lang th]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_build() -> tuple[float, dict]:
    for folder in (ROOT / "site", ROOT / ".build"):
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=ROOT, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    total = time.perf_counter() - started
    timings = json.loads((ROOT / ".build" / "timings.json").read_text())
    return total, timings


def read_site_url() -> str:
    from guidebook.languages import read_mkdocs_config
    return read_mkdocs_config(ROOT).get("site_url") or ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def edit_to_reload(lang: str | None, page: str, url_path: str, rounds: int = 3) -> list[float]:
    """Save a page, then time until the served page contains the edit (what the reader sees).

    Runs `guidebook serve`, the command translators and writers use, with its own options.
    """
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "guidebook.cli", "serve", *([lang] if lang else []),
                               "--address", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    target = ROOT / page
    original = target.read_text(encoding="utf-8")
    base = urllib.parse.urlparse(read_site_url()).path.strip("/")
    url = f"http://127.0.0.1:{port}/{base + '/' if base else ''}{url_path}"
    results = []
    try:
        deadline = time.time() + 300
        while "</html>" not in fetch(url):
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("serve did not start")
            time.sleep(0.2)
        for round_ in range(rounds):
            marker = f"benchmark-marker-{time.time_ns()}"
            time.sleep(1.0)
            target.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            saved = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - saved > 120:
                    raise SystemExit("no reload within 120 s")
                time.sleep(0.05)
            results.append(time.perf_counter() - saved)
    finally:
        target.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="th", help="language previewed in the serve test")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--serve-only", action="store_true", help="only the edit-to-reload figures")
    args = parser.parse_args()
    if not args.serve_only:
        total, timings = clean_build()
        pages = sum(1 for _ in (ROOT / "site").rglob("index.html"))
        print(f"clean build of the whole site: {total:.1f} s ({pages} HTML pages)")
        for stage, seconds in sorted(timings.items(), key=lambda kv: kv[0]):
            print(f"  {stage:<40} {seconds:6.2f} s")
    if not args.skip_serve:
        translated = ROOT / "translations" / args.lang / "checklists" / "housing.md"
        page = translated.relative_to(ROOT).as_posix() if translated.exists() else "docs/checklists/housing.md"
        one = edit_to_reload(args.lang, page, "checklists/housing/")   # one language: served at the root
        print(f"serve {args.lang} ({args.lang} alone), save -> page shows edit: "
              + ", ".join(f"{s:.2f} s" for s in one))
        full = edit_to_reload(None, page, f"{args.lang}/checklists/housing/", rounds=1)
        print("serve all languages, save -> page shows edit: " + ", ".join(f"{s:.2f} s" for s in full))
    return 0


if __name__ == "__main__":
    sys.exit(main())
