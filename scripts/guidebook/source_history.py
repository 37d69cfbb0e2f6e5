"""What changed in an English page since a translation was made, from git history when there is one.

A translation records the content hash of the English file it translates (it must work in a
tarball). When the project is a git clone, the commit holding that exact English text can be
found by hashing the file's past versions, and `git diff` from there shows the translator just
what to update.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from .content import file_hash


class NoHistory(Exception):
    """No git, not a clone, or the stamped version is not in the history (e.g. a shallow clone)."""


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=True)
    except FileNotFoundError:
        raise NoHistory("git is not installed") from None
    except subprocess.CalledProcessError as exc:
        raise NoHistory(exc.stderr.decode("utf-8", "replace").strip() or "git failed") from None
    return result.stdout


def find_version(root: Path, english_path: str, source_hash: str) -> str:
    """The newest commit whose copy of `english_path` has the stamped hash."""
    commits = _git(root, "log", "--format=%H", "--", english_path).decode().split()
    for commit in commits:
        try:
            blob = _git(root, "show", f"{commit}:{english_path}")
        except NoHistory:
            continue   # the file did not exist under this name in that commit
        if file_hash(blob.replace(b"\r\n", b"\n")) == source_hash or file_hash(blob) == source_hash:
            return commit
    raise NoHistory(f"no commit of {english_path} has the version {source_hash} "
                    "(it may predate a shallow clone, or the stamp was typed by hand)")


def changes_since(root: Path, english_path: str, source_hash: str) -> tuple[str, str]:
    """(commit, unified diff from that commit to the English file as it is now)."""
    commit = find_version(root, english_path, source_hash)
    diff = _git(root, "diff", "--no-color", "--no-ext-diff", commit, "--", english_path)
    return commit, diff.decode("utf-8", "replace")
