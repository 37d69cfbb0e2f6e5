"""Privacy check of the site's configuration and theme templates.

Readers of this site may be victims of trafficking or people working against traffickers: a
page view must not be reported to anyone. The content checks keep scripts and remote files out
of pages; this check does the same for what wraps them: no analytics, consent banners (they
only exist to ask for tracking), comment widgets, social embeds, or assets from other hosts in
`mkdocs.yml` and `overrides/`.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import Problem, rel
from .languages import read_mkdocs_config

# services that record or share visits, by the names and hosts their snippets use
TRACKERS = re.compile(
    r"google-?analytics|googletagmanager|\bgtag\s*\(|\bga\s*\(\s*['\"]create|\bfbq\s*\(|facebook\.net|"
    r"connect\.facebook|matomo|piwik|plausible\.io|umami|hotjar|clarity\.ms|mixpanel|segment\.(?:com|io)|"
    r"disqus|giscus|utteranc\.es|addthis|sharethis|newrelic|sentry\.io|yandex\.ru/metrika|"
    r"navigator\.sendBeacon|document\.cookie",
    re.I)
# a template or script that loads anything from another host makes the reader's browser visit it
REMOTE_ASSET = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//"""
    r"""|\b(?:fetch|importScripts)\s*\(\s*["'](?:https?:)?//""",
    re.I)
# mkdocs.yml keys that switch tracking on in Material or its plugins
CONFIG_KEYS = (("extra", "analytics"), ("extra", "consent"), ("extra", "social"))
TRACKING_PLUGINS = {"social", "analytics", "google-analytics", "gtag", "matomo", "plausible"}
TEMPLATE_SUFFIXES = {".html", ".js", ".css", ".svg"}


def _key_line(lines: list[str], key: str) -> int | None:
    """First line that sets `key:` (mkdocs.yml is read as data, so lines are found by text)."""
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), None)


def _plugin_names(config: dict) -> list[str]:
    names = []
    for plugin in config.get("plugins") or []:
        names.extend(plugin if isinstance(plugin, dict) else [plugin])
    return [str(name) for name in names]


def check_config(root: Path, config: dict) -> list[Problem]:
    """Tracking switched on in mkdocs.yml, or scripts and styles taken from other hosts."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    problems = []
    for section, key in CONFIG_KEYS:
        if (config.get(section) or {}).get(key):
            problems.append(Problem("mkdocs.yml", _key_line(lines, key),
                                    f"{section}.{key} is set: it reports or asks about readers' visits",
                                    f"remove {section}.{key}; this site records nothing about its readers"))
    for name in _plugin_names(config):
        if name in TRACKING_PLUGINS:
            problems.append(Problem("mkdocs.yml", _key_line(lines, name),
                                    f"the '{name}' plugin sends data to, or loads files from, other sites",
                                    "remove the plugin"))
    for key in ("extra_javascript", "extra_css"):
        for entry in config.get(key) or []:
            target = entry.get("path", "") if isinstance(entry, dict) else str(entry)
            if re.match(r"(?:https?:)?//", target):
                problems.append(Problem("mkdocs.yml", _key_line(lines, key),
                                        f"{key} loads {target} from another host",
                                        "vendor the file under overrides/assets/ and link it locally"))
    for number, line in enumerate(lines, 1):
        if TRACKERS.search(line):
            problems.append(Problem("mkdocs.yml", number, "configuration mentions a tracking service",
                                    "remove it; this site records nothing about its readers"))
    return problems


def check_templates(root: Path, config: dict) -> list[Problem]:
    """Tracker snippets or remote assets in the theme templates (theme.custom_dir) and our assets."""
    problems = []
    folder = (config.get("theme") or {}).get("custom_dir") or "overrides"
    base = root / folder   # an absolute custom_dir stays absolute
    if not base.is_dir():
        return problems
    for path in sorted(p for p in base.rglob("*") if p.suffix in TEMPLATE_SUFFIXES and p.is_file()):
        shown = rel(path, root)
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if TRACKERS.search(line):
                problems.append(Problem(shown, number, "tracking, cookie or comment code in a template",
                                        "remove it; this site records nothing about its readers"))
            elif REMOTE_ASSET.search(line):
                problems.append(Problem(shown, number, "a file is loaded from another host",
                                        "vendor the file under overrides/assets/ and link it locally; readers "
                                        "may be offline, filtered or watched"))
    return problems


def check(root: Path) -> list[Problem]:
    config = read_mkdocs_config(root)
    return check_config(root, config) + check_templates(root, config)
