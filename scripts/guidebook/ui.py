"""Interface strings: English in docs/ui.yml, translations in translations/<lang>/ui.yml.

The schema below is the list of strings the site needs. A translation may be partial: missing
strings fall back to English and are counted by the translation status.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .model import TranslationStamp


class _UI(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Banners(_UI):
    not_translated: str = Field(description="{language} is replaced by the reader's language name")
    outdated: str
    outdated_link: str
    draft: str
    fallback_label: str


class ChecklistStrings(_UI):
    sections: dict[str, str]
    clear: str
    cleared: str
    print: str
    storage_note: str
    progress: str  # "{ticked} of {count} ticked"
    notes: str
    download_pdf: str
    open: str
    pdf_missing: str


class CaseStudyStrings(_UI):
    kind: dict[str, str]
    origin: str
    destination: str
    internal: str
    not_stated: str
    sex: dict[str, str]
    age_group: dict[str, str]
    exploitation: dict[str, str]
    service_areas: str
    source: str
    group: str
    none_found: str


class PdfStrings(_UI):
    page: str
    edition: str
    service_area: str
    all_areas: str
    web: str
    downloads_heading: str
    worksheets_heading: str
    whole_book: str
    contents: str
    size: str
    fillable: str


class CalloutLabels(_UI):
    """The text label of each callout type: colour alone never carries the type."""

    guidance: str
    experience: str
    challenge: str
    tip: str
    note: str


class GuideStrings(_UI):
    related: str


class WorksheetStrings(_UI):
    intro: str
    download_pdf: str
    pdf_missing: str


class CountryStrings(_UI):
    fieldwork_notice: str  # "{year}" is replaced by the fieldwork year


class OfflineStrings(_UI):
    heading: str
    download: str  # "{language}" and "{size}" (MB) are replaced


class QuickExitStrings(_UI):
    label: str
    hint: str


class TranslationStatusStrings(_UI):
    caption: str
    language: str
    current: str
    outdated: str
    missing: str
    reviewed: str
    checklist_items: str
    glossary_terms: str
    interface: str


class EditStrings(_UI):
    edit: str        # the page's own file exists in this language
    translate: str   # "{language}": no translation yet; the link starts one


class IndexStrings(_UI):
    filter_heading: str
    country: str
    exploitation: str
    sex: str
    age_group: str
    service_area: str
    kind: str
    any: str
    shown: str  # "{shown} of {total} shown"
    reset: str


class UIStrings(_UI):
    translation: TranslationStamp | None = None
    language_name: str
    site_name: str
    site_description: str
    service_areas: dict[int, str]
    countries: dict[str, str] = {}
    nav: dict[str, str]
    banners: Banners
    checklist: ChecklistStrings
    case_study: CaseStudyStrings
    callouts: CalloutLabels
    guide: GuideStrings
    worksheet: WorksheetStrings
    country: CountryStrings
    offline: OfflineStrings
    quick_exit: QuickExitStrings
    pdf: PdfStrings
    index: IndexStrings
    translation_status: TranslationStatusStrings
    edit: EditStrings
    sources: dict[str, str]
    theme: dict[str, str] = {}


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted keys of every leaf string, to count what a translation covers."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == "translation":
                continue
            out.update(flatten(value, f"{prefix}{key}."))
        return out
    return {prefix[:-1]: data}


def merge(base: dict, override: dict) -> dict:
    """English strings with the translation's strings laid over them, key by key."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = merge(base[key], value)
        else:
            merged[key] = value
    return merged
