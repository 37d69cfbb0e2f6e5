"""Errors that name a file, a line and a fix, so non-programmers can act on them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where it is, what it is, how to fix it."""

    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = "error"  # error | warning

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    fix: {self.hint}"
        return text


class ContentError(Exception):
    """Raised with every problem found, not just the first, so one run shows them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [p.format() for p in self.problems]
        lines.append(f"{len(errors)} error(s) in the content; the build stops until they are fixed.")
        return "\n".join(lines)


def rel(path: Path, root: Path) -> str:
    """Path relative to the project root, as a translator sees it in their pull request."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
