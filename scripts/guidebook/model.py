"""The content model: one schema per content type, used by the build, the checks and the tests.

Every schema forbids unknown keys, so a misspelt key is reported instead of silently ignored.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import Problem

SOURCE_DOCS = ("000", "001", "002", "003", "004")
SERVICE_AREAS: dict[int, str] = {
    1: "housing", 2: "medical", 3: "psychological", 4: "education", 5: "economic",
    6: "administrative", 7: "legal", 8: "safety", 9: "family", 10: "case-management",
}
# checklist sections and the letter their item ids carry (hou-p01, asa-o03, ...)
SECTION_LETTER = {"programming": "p", "children": "c", "policy": "a",
                  "steps": "s", "organisation": "o", "staff": "t"}
CHECKLIST_PREFIX = re.compile(r"^[a-z]{3}-[" + "".join(SECTION_LETTER.values()) + r"]\d{2}$")
WORKSHEET_PROMPT = re.compile(r"^[a-z]{3}-w\d{2}$")
# typed callouts from the practitioner guides: one style and one label (ui.yml callouts:) each
CALLOUT_TYPES = ("guidance", "experience", "challenge", "tip", "note")
ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TERRITORIES = Locale("en").territories


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class SourceRef(Strict):
    doc: Literal["000", "001", "002", "003", "004"]
    ref: str = Field(min_length=3)


class TranslationStamp(Strict):
    """What a translation records about the English version it translates (works without git)."""

    source_hash: str = Field(pattern=r"^[0-9a-f]{12}$")
    status: Literal["draft", "reviewed"] = "draft"

    @field_validator("source_hash", mode="before")
    @classmethod
    def _quoted(cls, value: Any) -> Any:
        """YAML reads an unquoted 000123456789 or 12e456789012 as a number and loses digits."""
        if isinstance(value, (int, float)):
            raise ValueError("write the version in quotes, e.g. source_hash: \"0a1b2c3d4e5f\"")
        return value


class BaseMeta(Strict):
    title: str = Field(min_length=2)
    translation: Optional[TranslationStamp] = None
    hide: Optional[list[Literal["navigation", "toc", "footer", "path", "tags"]]] = None
    search: Optional[dict[str, Any]] = None


class PageMeta(BaseMeta):
    type: Literal["page"]
    summary: str = Field(min_length=10)
    sources: list[Literal["000", "001", "002", "003", "004"]] = []


class ChapterMeta(BaseMeta):
    type: Literal["chapter"]
    service_area: int = Field(ge=1, le=10)
    summary: str = Field(min_length=10)
    sources: list[SourceRef] = Field(min_length=1)


Country = Annotated[str, Field(pattern=r"^([A-Z]{2}|not-stated)$")]
Exploitation = Literal["sexual-exploitation", "labour", "begging", "forced-marriage", "not-stated"]


class CaseStudyMeta(BaseMeta):
    type: Literal["case-study"]
    kind: Literal["case-study", "good-practice"]
    origin: Country
    destination: Union[Literal["internal"], Country]
    sex: Literal["female", "male", "mixed", "not-stated"]
    age_group: Literal["adult", "child", "mixed", "not-stated"]
    exploitation: list[Exploitation] = Field(min_length=1)
    sector: Optional[str] = None
    group: bool = False
    service_areas: list[int] = Field(min_length=1)
    source: SourceRef

    @field_validator("origin", "destination")
    @classmethod
    def known_country(cls, value: str) -> str:
        if len(value) == 2 and value not in _TERRITORIES:
            raise ValueError(f"'{value}' is not an ISO 3166 country code")
        return value

    @field_validator("service_areas")
    @classmethod
    def known_areas(cls, value: list[int]) -> list[int]:
        unknown = [v for v in value if v not in SERVICE_AREAS]
        if unknown:
            raise ValueError(f"service areas must be 1..10, got {unknown}")
        return value

    FACTS: ClassVar[tuple[str, ...]] = ("kind", "origin", "destination", "sex", "age_group", "exploitation",
                              "group", "service_areas")


class ChecklistItem(Strict):
    id: str = Field(pattern=CHECKLIST_PREFIX.pattern)
    title: str = Field(min_length=3)
    text: str = Field(min_length=3)


class ChecklistSection(Strict):
    id: Literal["programming", "children", "policy", "steps", "organisation", "staff"]
    items: list[ChecklistItem] = Field(min_length=1)


class ChecklistMeta(BaseMeta):
    type: Literal["checklist"]
    service_area: Optional[int] = Field(ge=1, le=10)
    summary: str = Field(min_length=10)
    sources: list[SourceRef] = Field(min_length=1)
    sections: list[ChecklistSection] = Field(min_length=1)

    def items(self) -> list[tuple[str, ChecklistItem]]:
        """All items in reading order with their section id."""
        return [(section.id, item) for section in self.sections for item in section.items]


class GuideMeta(BaseMeta):
    """A practice guide; `related` tells each service-area chapter which of its sections to link."""

    type: Literal["guide"]
    summary: str = Field(min_length=10)
    sources: list[SourceRef] = Field(min_length=1)
    related: dict[int, list[Annotated[str, Field(pattern=ANCHOR.pattern)]]] = {}

    @field_validator("related")
    @classmethod
    def known_areas(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        unknown = [v for v in value if v not in SERVICE_AREAS]
        if unknown:
            raise ValueError(f"service areas must be 1..10, got {unknown}")
        return value


class WorksheetPrompt(Strict):
    id: str = Field(pattern=WORKSHEET_PROMPT.pattern)
    text: str = Field(min_length=3)
    lines: Optional[int] = Field(default=None, ge=1, le=12)
    columns: Optional[list[str]] = Field(default=None, min_length=1, max_length=6)
    rows: Optional[list[str]] = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def one_answer_shape(self) -> "WorksheetPrompt":
        grid = self.columns is not None or self.rows is not None
        if grid == (self.lines is not None) or (grid and (self.columns is None or self.rows is None)):
            raise ValueError("give either `lines:` or both `columns:` and `rows:`")
        return self


class WorksheetMeta(BaseMeta):
    type: Literal["worksheet"]
    service_area: Optional[int] = Field(default=None, ge=1, le=10)
    summary: str = Field(min_length=10)
    sources: list[SourceRef] = Field(min_length=1)
    prompts: list[WorksheetPrompt] = Field(min_length=1)

    def items(self) -> list[tuple[str, WorksheetPrompt]]:
        return [("prompts", prompt) for prompt in self.prompts]


class CountryMeta(BaseMeta):
    """A country page; its facts date from the source's fieldwork, shown in a dated notice."""

    type: Literal["country"]
    country: str = Field(pattern=r"^[A-Z]{2}$")
    fieldwork: str = Field(pattern=r"^\d{4}$")
    summary: str = Field(min_length=10)
    sources: list[SourceRef] = Field(min_length=1)

    @field_validator("country")
    @classmethod
    def known_country(cls, value: str) -> str:
        if value not in _TERRITORIES:
            raise ValueError(f"'{value}' is not an ISO 3166 country code")
        return value


PAGE_TYPES: dict[str, type[BaseMeta]] = {
    "page": PageMeta, "chapter": ChapterMeta, "case-study": CaseStudyMeta, "checklist": ChecklistMeta,
    "guide": GuideMeta, "worksheet": WorksheetMeta, "country": CountryMeta,
}
# what a translation must copy unchanged from the English front-matter, per type
TRANSLATION_FACTS: dict[str, tuple[str, ...]] = {
    "case-study": CaseStudyMeta.FACTS, "chapter": ("service_area",), "checklist": ("service_area",),
    "worksheet": ("service_area",), "country": ("country", "fieldwork"), "guide": ("related",),
}
# types whose items are data matched id by id between English and a translation
ITEMISED = ("checklist", "worksheet")


class GlossaryTerm(Strict):
    id: str = Field(pattern=ANCHOR.pattern)
    term: str = Field(min_length=1)
    abbr: Optional[str] = None
    definition: str = Field(min_length=3)
    source: Optional[Literal["000", "001", "002", "003", "004"]] = None


class Glossary(Strict):
    translation: Optional[TranslationStamp] = None
    terms: list[GlossaryTerm] = Field(min_length=1)


class Resource(Strict):
    id: str = Field(pattern=ANCHOR.pattern)
    title: str = Field(min_length=3)
    organisation: str
    year: Optional[int] = Field(default=None, ge=1900, le=2100)
    url: Optional[str] = Field(default=None, pattern=r"^https?://")
    kind: Literal["publication", "legal-instrument", "tool"]
    service_areas: list[int] = []
    audience: list[Literal["practitioners", "policymakers", "donors", "trainers"]] = []
    language: list[str] = ["en"]
    source: Literal["000", "001", "002", "003", "004"]


class Resources(Strict):
    resources: list[Resource]


def problems_from(exc: ValidationError, path: str, lines: dict[tuple, int], hint: str) -> list[Problem]:
    """Turn a pydantic error into problems that point at the YAML line of the bad key."""
    found = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        # tagged unions add the tag to loc; drop parts that are not in the document
        line = None
        for cut in range(len(loc), -1, -1):
            if loc[:cut] in lines:
                line = lines[loc[:cut]]
                break
        key = ".".join(str(part) for part in loc) or "(top)"
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown key (misspelt, or not allowed for this content type)"
        elif error["type"] == "missing":
            message = "required key is missing"
        found.append(Problem(path, line, f"{key}: {message}", hint))
    return found


def validate_meta(data: dict, path: str, lines: dict[tuple, int]) -> tuple[BaseMeta | None, list[Problem]]:
    """Pick the schema from `type:` and validate; unknown types are errors, never skipped."""
    kind = data.get("type")
    schema = PAGE_TYPES.get(kind)
    if schema is None:
        return None, [Problem(path, lines.get(("type",), 2),
                              f"type: '{kind}' is not a content type",
                              f"use one of: {', '.join(PAGE_TYPES)} (see CONTENT_FORMAT.md)")]
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from(exc, path, lines, f"see the '{kind}' format in CONTENT_FORMAT.md")
