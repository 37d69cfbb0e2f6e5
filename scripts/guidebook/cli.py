"""`guidebook`: one entry point for contributors, translators and CI."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import content as content_mod


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "docs").is_dir():
            return folder
    raise SystemExit("guidebook: run this inside the project (no mkdocs.yml found)")


def cmd_validate(args: argparse.Namespace) -> int:
    """Load and validate all content; print every problem with file and line."""
    content = content_mod.load(find_root())
    for problem in content.problems:
        print(problem.format())
    errors = content.errors()
    pages = len(content.pages[content.default])
    print(f"{pages} English pages, {len(content.codes)} languages: "
          f"{len(errors)} error(s), {len(content.problems) - len(errors)} warning(s)")
    return 1 if errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    """The whole site into site/: every language (strict: any warning fails the build)."""
    root = find_root()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / args.site_dir)]
    return subprocess.call(command, cwd=root)


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview; with a language, only English and that language are rebuilt on save."""
    env = dict(os.environ)
    if args.lang:
        env["GUIDEBOOK_LANGS"] = args.lang
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", args.address]
    return subprocess.call(command, cwd=find_root(), env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guidebook", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate all content (schemas, ids, translations)").set_defaults(
        func=cmd_validate)
    build = sub.add_parser("build", help="build the whole site into site/")
    build.add_argument("--site-dir", default="site")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="live preview at http://127.0.0.1:8000/")
    serve.add_argument("lang", nargs="?", help="preview only this language (plus English), e.g. th")
    serve.add_argument("--address", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
