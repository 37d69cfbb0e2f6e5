"""Anonymisation lint for case studies and good practices, in every language.

The case studies come from real people's lives. The sources name no one and give only the
country, sex, adult or child, destination and form of exploitation; a translation or an edit
must never add more. This lint looks for what would make a person findable: personal names,
exact ages, dates, places below the country (from a gazetteer of the region), phone numbers,
e-mail addresses and ID or case numbers. The word lists are data
(`data/anonymity.yml`); the patterns below are the same for every language.

It is a lint: it errs on the side of asking. A false alarm is fixed by rephrasing ("a border
province" instead of the province's name), or, when a word is wrongly listed, by a reviewed
change to the data file.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale
from pydantic import BaseModel, ConfigDict, Field

from . import segment
from .content import Content, Document
from .errors import Problem

DATA = Path(__file__).with_name("data") / "anonymity.yml"
UNSPACED = {"th", "km", "lo", "my", "zh"}   # scripts without spaces between words


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WordsAround(_Strict):
    """Words that make a number next to them mean something: before it, or after it."""

    before: list[str] = []
    after: list[str] = []


class Rules(_Strict):
    """The lint's vocabulary, per country (places) or per language (everything else)."""

    places: dict[str, list[list[str]]]                  # country code -> [name variants of one place]
    ambiguous: dict[str, list[str]] = {}                # names that are also ordinary words
    admin_words: dict[str, list[str]]                   # province, district, จังหวัด, tỉnh, 省 ...
    honorifics: dict[str, list[str]] = {}               # titles written before a name
    surnames: dict[str, list[str]] = {}                 # (zh) family names written before a title
    titles_after: dict[str, list[str]] = {}             # (zh) titles written after a family name
    months: dict[str, list[str]] = {}                   # month names: next to a number = a date
    date_words: dict[str, WordsAround] = {}             # ngày/tháng before, 月/日 after a number
    age_words: dict[str, WordsAround] = {}              # words that only ever mean age
    allowed_words: list[str] = Field(default_factory=list)  # capitalised English words that are not names


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


MESSAGES = {
    "name": ("a personal name: '{text}'",
             "refer to the person by role, e.g. 'a young woman from Myanmar', or by a single letter"),
    "place": ("a place below the country: '{text}'",
              "name only the country, or say 'a border province', 'a rural district'"),
    "age": ("an exact age: '{text}'",
            "say 'a child', 'a teenager', 'an adult in her twenties' or 'under 18'"),
    "date": ("a date: '{text}'",
             "say how long things took ('two years later'), not when they happened"),
    "phone": ("a phone number: '{text}'", "remove it"),
    "email": ("an e-mail address: '{text}'", "remove it"),
    "id": ("an ID or case number: '{text}'", "remove it"),
}

ASCII_DIGITS = {ord(ch): str(unicodedata.digit(ch)) for ch in
                "๐๑๒๓๔๕๖๗๘๙០១២៣៤៥៦៧៨៩໐໑໒໓໔໕໖໗໘໙၀၁၂၃၄၅၆၇၈၉"}
LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>]+>|\{[#.][^}]*\}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.,])\+?\d[\d ().-]{6,}\d(?![\w,])")
ID_NUMBER = re.compile(r"(?<!\w)(?:[#№]\s?\d{3,}|[A-Za-z]{1,4}[-/]?\d{4,}[\w/-]*|\d{6,})(?!\w)")
NUMERIC_DATE = re.compile(r"(?<![\d.])(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})(?![\d.])")
YEAR = re.compile(r"(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?![\d,]|s\b|s\W)"
                  # an amount of money is not a year: 2000 baht, 2000元
                  r"(?!\s*(?:[A-Z]{3}\b|元|块|บาท|ກີບ|ကျပ်|រៀល|đồng|baht|kyats?|kip|riels?|yuan|dollars?|dong))")
EN_AGE = re.compile(r"\b(?:aged|age of|age)\s+(\d{1,2})\b|\b(\d{1,2})(?:-| )(?:years?|yrs?)(?:-| )old\b"
                    r"|\b(\d{1,2}) years of age\b", re.I)
RANGE = r"(?:–|-|to|or|and|hoặc|đến|หรือ|ถึง|ຫາ|至|到|或)"
RANGE_BEFORE = re.compile(rf"\d\s*{RANGE}\s*$")
RANGE_AFTER = re.compile(rf"^\s*{RANGE}\s*\d")
EN_NAMED = re.compile(r"\b(?:named|called|name (?:is|was))\s+([A-Z][a-z]{1,})")
EN_CAPITALISED = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+(?:'s)?)\b")
EN_ADMIN_BEFORE = r"((?:[A-Z][\w'’-]+\s+){{1,3}})(?i:{admin})\b"
SENTENCE_END = re.compile(r"[.!?:]\s*$")


def load_rules(path: Path = DATA) -> Rules:
    return Rules.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _is_latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _bounded(words) -> str:
    """Whole-word pattern for words in spaced scripts, plain substring for the others."""
    latin = [w for w in words if _is_latin(w)]
    other = [w for w in words if not _is_latin(w)]
    parts = []
    if latin:
        parts.append(rf"(?<!\w)(?:{_alternation(latin)})(?!\w)")
    if other:
        parts.append(f"(?:{_alternation(other)})")
    return "|".join(parts) or r"(?!x)x"


@functools.lru_cache(maxsize=None)
def _month_pattern(months: tuple[str, ...]) -> re.Pattern:
    """A month name next to a number: 'March 2009', '12 March', 'มีนาคม 2552'."""
    month = _bounded(months)
    return re.compile(rf"(?:{month})\s*,?\s*\d{{1,4}}(?!\d)|(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s*(?:{month})")


@functools.lru_cache(maxsize=None)
def _around_pattern(before: tuple[str, ...], after: tuple[str, ...], number: str) -> re.Pattern | None:
    """A number with a word before it (อายุ 15, ngày 5) or after it (15 tuổi, 5月)."""
    parts = []
    if before:
        parts.append(rf"(?:{_bounded(before)})\s*{number}(?!\d)")
    if after:
        parts.append(rf"(?<!\d){number}\s*(?:{_bounded(after)})")
    return re.compile("|".join(parts), re.I) if parts else None


@dataclass
class Matcher:
    """The rules compiled once into regular expressions."""

    rules: Rules
    places: re.Pattern
    ambiguous: re.Pattern
    en_admin: re.Pattern                 # "Svay Rieng province"
    admin_then_name: re.Pattern          # "province of Svay Rieng", "huyện Mường Tè"
    allowed: frozenset[str]

    @classmethod
    def build(cls, rules: Rules, extra_allowed: set[str]) -> "Matcher":
        ambiguous = {name for names in rules.ambiguous.values() for name in names}
        names = {name for country in rules.places.values() for place in country for name in place}
        admin = [w for words in rules.admin_words.values() for w in words]
        en_admin = _alternation(rules.admin_words.get("en", []))
        spaced_admin = _alternation(w for lang, words in rules.admin_words.items() if lang not in UNSPACED
                                    for w in words)
        return cls(
            rules,
            re.compile(_bounded(names - ambiguous)),
            re.compile(rf"(?i:{_bounded(admin)})\s*(?:of\s+)?(?:{_bounded(ambiguous)})"
                       rf"|(?:{_bounded(ambiguous)})\s*(?i:{_bounded(admin)})"),
            re.compile(EN_ADMIN_BEFORE.format(admin=en_admin)),
            re.compile(rf"(?<!\w)(?i:{spaced_admin})\s+(?:of\s+)?([^\W\d_][\w'’-]*)"),
            frozenset(rules.allowed_words) | frozenset(extra_allowed),
        )

    def line(self, text: str, lang: str) -> list[Finding]:
        """Everything identifying in one line of a case study written in `lang`."""
        shown = LINK_TARGET.sub(lambda m: " " * len(m.group(0)), text)
        text = shown.translate(ASCII_DIGITS)   # same length: a finding maps back to what was written
        found = self._findings(text, lang)
        return [Finding(f.kind, shown[i:i + len(f.text)]) if (i := text.find(f.text)) >= 0 else f for f in found]

    def _findings(self, text: str, lang: str) -> list[Finding]:
        found: list[Finding] = []
        found += [Finding("email", m.group(0)) for m in EMAIL.finditer(text)]
        found += self._dates(text, lang)
        found += self._ages(text, lang)
        taken = " ".join(f.text for f in found)
        found += [Finding("phone", m.group(0).strip()) for m in PHONE.finditer(text)
                  if sum(ch.isdigit() for ch in m.group(0)) >= 8 and m.group(0).strip() not in taken]
        taken = " ".join(f.text for f in found)
        found += [Finding("id", m.group(0)) for m in ID_NUMBER.finditer(text)
                  if m.group(0) not in taken and not YEAR.fullmatch(m.group(0))]
        found += self._places(text, lang)
        found += self._names(text, lang)
        return found

    def _dates(self, text: str, lang: str) -> list[Finding]:
        found = [Finding("date", m.group(0)) for m in NUMERIC_DATE.finditer(text)]
        found += [Finding("date", m.group(0)) for m in YEAR.finditer(text)
                  if not any(m.group(0) in f.text for f in found)]
        months = self.rules.months.get(lang, []) + (self.rules.months.get("en", []) if lang != "en" else [])
        if months:
            found += [Finding("date", m.group(0)) for m in _month_pattern(tuple(months)).finditer(text)]
        words = self.rules.date_words.get(lang)
        if words:
            found += self._around(text, words, "date", r"\d{1,4}")
        return found

    def _ages(self, text: str, lang: str) -> list[Finding]:
        found = []
        for m in EN_AGE.finditer(text):
            if not RANGE_BEFORE.search(text[:m.start()]) and not RANGE_AFTER.search(text[m.end():]):
                found.append(Finding("age", m.group(0)))
        words = self.rules.age_words.get(lang)
        if words:
            found += [f for f in self._around(text, words, "age", r"\d{1,3}")
                      if not RANGE_BEFORE.search(text[:text.find(f.text)])]
        return found

    @staticmethod
    def _around(text: str, words: WordsAround, kind: str, number: str) -> list[Finding]:
        pattern = _around_pattern(tuple(words.before), tuple(words.after), number)
        return [Finding(kind, m.group(0)) for m in pattern.finditer(text)] if pattern else []

    def _places(self, text: str, lang: str) -> list[Finding]:
        found = [Finding("place", m.group(0)) for m in self.places.finditer(text)]
        found += [Finding("place", m.group(0).strip()) for m in self.ambiguous.finditer(text)]
        if _is_latin(text):   # capitalisation marks names only in Latin script
            for m in self.en_admin.finditer(text):
                words = m.group(1).split()
                if not all(w.strip("'’s") in self.allowed for w in words):
                    found.append(Finding("place", m.group(0).strip()))
            found += [Finding("place", m.group(0)) for m in self.admin_then_name.finditer(text)
                      if m.group(1)[0].isupper() and m.group(1) not in self.allowed]
        return found

    def _names(self, text: str, lang: str) -> list[Finding]:
        found = []
        for written_in in dict.fromkeys((lang, "en")):   # English titles ("Ms …") turn up in any language
            honorifics = self.rules.honorifics.get(written_in, [])
            if not honorifics:
                continue
            if lang in UNSPACED and not _is_latin("".join(honorifics)):
                found += self._name_after_title(text, lang, honorifics)
            else:
                pattern = rf"(?<!\w)(?:{_alternation(honorifics)})\.?\s+([^\W\d_][\w'’-]+)"
                found += [Finding("name", m.group(0)) for m in re.finditer(pattern, text)
                          if m.group(1)[0].isupper() and len(m.group(1)) > 1]
        surnames, titles = self.rules.surnames.get(lang), self.rules.titles_after.get(lang)
        if surnames and titles:
            pattern = rf"(?:{_alternation(surnames)})[\u4e00-\u9fff]?(?:{_alternation(titles)})"
            found += [Finding("name", m.group(0)) for m in re.finditer(pattern, text)]
        if lang == "en":
            found += [Finding("name", m.group(0)) for m in EN_NAMED.finditer(text)]
            for m in EN_CAPITALISED.finditer(text):
                word = m.group(1).removesuffix("'s")
                if word not in self.allowed and not SENTENCE_END.search(text[:m.start()]):
                    found.append(Finding("name", word))
        return found

    @staticmethod
    def _name_after_title(text: str, lang: str, honorifics: list[str]) -> list[Finding]:
        """In scripts without spaces a title is only a title when ICU cuts it out as a word."""
        words = segment.words(text, lang)
        return [Finding("name", f"{word} {words[i + 1]}") for i, word in enumerate(words[:-1])
                if word in honorifics and words[i + 1][0].isalpha()]


def _english_allowed(content: Content) -> set[str]:
    """Capitalised words that are not personal names: country names and the glossary's terms."""
    words = {word for name in Locale("en").territories.values() for word in re.findall(r"[A-Z][a-z]+", name)}
    glossary = content.glossary(content.default)
    if glossary:
        for term in glossary.terms:
            words.update(re.findall(r"[A-Z][A-Za-z]+", f"{term.term} {term.abbr or ''}"))
    return words


@functools.lru_cache(maxsize=4)
def _matcher(data_mtime: float, allowed: frozenset[str]) -> Matcher:
    return Matcher.build(load_rules(), set(allowed))


def lint_document(matcher: Matcher, doc: Document) -> list[Problem]:
    """Problems in a case study's title and text, each with its line."""
    lines = [(doc.lines.get(("title",)), doc.meta.title)]
    offset = doc.body_line - 1
    lines += [(offset + number, line) for number, line in enumerate(doc.body.split("\n"), 1)]
    problems = []
    for number, line in lines:
        seen = set()
        for finding in matcher.line(line, doc.lang):
            if (finding.kind, finding.text) in seen:
                continue
            seen.add((finding.kind, finding.text))
            message, hint = MESSAGES[finding.kind]
            problems.append(Problem(doc.path, number, "case study " + message.format(text=finding.text), hint))
    return problems


def check(content: Content) -> list[Problem]:
    """Lint every case study and good practice, in English and in every translation."""
    rules = (DATA.stat().st_mtime, frozenset(_english_allowed(content)))
    matcher = _matcher(*rules)
    problems = []
    for pages in content.pages.values():
        for doc in pages.values():
            if doc.type == "case-study":
                key = (rules, doc.path, doc.hash)
                if key not in _LINTED:   # `serve` checks on every save; unchanged pages keep their result
                    _LINTED[key] = lint_document(matcher, doc)
                problems += _LINTED[key]
    return problems


_LINTED: dict[tuple, list[Problem]] = {}
