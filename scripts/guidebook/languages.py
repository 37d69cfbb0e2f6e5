"""Languages are data: the list lives once, in mkdocs.yml's i18n plugin section."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Language:
    code: str          # folder name under translations/ and URL prefix
    name: str          # the language's own name, shown in the switcher
    default: bool      # English: the source language, built at /

    @property
    def html_lang(self) -> str:
        return self.code


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name or !ENV tags; we only need plain data from it."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_mkdocs_config(root: Path) -> dict:
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_IgnoreTags)


def from_config(config: dict) -> list[Language]:
    """The i18n plugin's language list, default language first."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            languages = [Language(e["locale"], e["name"], bool(e.get("default"))) for e in entries]
            return sorted(languages, key=lambda lang: not lang.default)
    raise ValueError("mkdocs.yml has no i18n plugin with a languages list")


def load(root: Path) -> list[Language]:
    return from_config(read_mkdocs_config(root))
