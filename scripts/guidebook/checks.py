"""Checks that look across the loaded content and the site's configuration.

`content.load` validates each file against its schema as it reads it; the checks here need
the whole picture (every case study in every language, the theme and mkdocs.yml) and add
their problems to the same list, so one run reports everything.
"""
from __future__ import annotations

from . import anonymity, privacy
from .content import Content


def run(content: Content) -> Content:
    """Add the cross-cutting problems to `content.problems` and return the content."""
    content.problems.extend(privacy.check(content.root))
    content.problems.extend(anonymity.check(content))
    return content
