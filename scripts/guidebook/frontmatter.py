"""Split a Markdown file into YAML front-matter and body, keeping line numbers for errors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


@dataclass
class Parsed:
    """Front-matter data, a map from key paths to source lines, and the Markdown body."""

    data: dict[str, Any]
    lines: dict[tuple, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file


class FrontMatterError(ValueError):
    def __init__(self, line: int | None, message: str, hint: str = ""):
        self.line, self.message, self.hint = line, message, hint
        super().__init__(message)


def _line_map(node: yaml.Node, offset: int, path: tuple = (), out: dict | None = None) -> dict:
    """Record the 1-based line of every mapping key and sequence item, keyed by its path."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1 + offset
            _line_map(value_node, offset, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = item.start_mark.line + 1 + offset
            _line_map(item, offset, path + (index,), out)
    return out


# LibYAML's C parser when PyYAML was built with it (the wheels are): about 10x faster, which
# matters for the preview's reload time; the pure-Python loader reads the same documents.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, line_offset: int = 0) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML safely and return the data with its line map (offset = lines before it)."""
    try:
        node = yaml.compose(text, Loader=LOADER)
        data = LOADER(text).construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise FrontMatterError(line, f"YAML cannot be read: {exc.problem or exc}",
                               "check indentation and put quotes around text containing ': '") from exc
    lines = _line_map(node, line_offset) if node is not None else {}
    return data, lines


def parse_markdown(text: str) -> Parsed:
    """Parse a page; a missing or unterminated front-matter block is an error, never ignored."""
    if text.startswith("\ufeff"):
        raise FrontMatterError(1, "file starts with a byte-order mark", "save the file as UTF-8 without BOM")
    all_lines = text.split("\n")
    if not all_lines or all_lines[0].rstrip() != "---":
        raise FrontMatterError(1, "front-matter missing: the file must start with a line '---'",
                               "copy the front-matter block from the English file")
    for index in range(1, len(all_lines)):
        if all_lines[index].rstrip() == "---":
            break
    else:
        raise FrontMatterError(1, "front-matter is not closed by a second '---' line",
                               "add a line with only '---' after the front-matter")
    data, lines = load_yaml("\n".join(all_lines[1:index]), line_offset=1)
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front-matter must be a set of 'key: value' lines", "")
    return Parsed(data=data, lines=lines, body="\n".join(all_lines[index + 1:]), body_line=index + 2)
