"""Fault injection: each kind of bad input makes the checks fail with its file, line and message.

Every fault is written into a small clean site (which itself passes every check), then the
same checks the build and `guidebook check` run are asked what is wrong.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field

import pytest
import yaml

from guidebook import checks
from guidebook import content as content_mod
from sitefixture import CASE, CHAPTER, CHECKLIST, make_site

STAMP = "translation:\n  source_hash: \"0123456789ab\"\n  status: draft\n"
CASE_TH = CASE.replace("---\ntype", "---\n" + STAMP + "type", 1)
CHECKLIST_TH = CHECKLIST.replace("sections:", STAMP + "sections:")
CHAPTER_TH = CHAPTER.replace("sources:", STAMP + "sources:")
CASE_FILE = "docs/case-studies/housing-cs-01.md"


@dataclass
class Fault:
    """Files to write (path -> text or bytes), and the problem expected: file, line text, message."""

    kind: str
    files: dict[str, str | bytes]
    path: str
    message: str
    line_of: str | None = None      # text on the expected line of `path`; None: no line applies
    nth: int = 1                    # which line holding `line_of` (for duplicates)
    config: dict = field(default_factory=dict)   # keys merged into the fixture's mkdocs.yml


def appended(text: str) -> dict[str, str]:
    """The fixture case study with one more line of text."""
    return {CASE_FILE: CASE + "\n" + text + "\n"}


def in_thai_case(text: str) -> dict[str, str]:
    return {"translations/th/case-studies/housing-cs-01.md": CASE_TH + "\n" + text + "\n"}


FAULTS = [
    Fault("front-matter YAML syntax", {CASE_FILE: CASE.replace("sex: male", "sex: [male\nage_group: adult")},
          CASE_FILE, "YAML cannot be read", "age_group: adult"),
    Fault("no front-matter", {CASE_FILE: "Just text\n"}, CASE_FILE, "front-matter missing", "Just text"),
    Fault("value outside the schema", {CASE_FILE: CASE.replace("sex: male", "sex: man")},
          CASE_FILE, "sex:", "sex: man"),
    Fault("unknown front-matter key", {CASE_FILE: CASE.replace("sector: fishing", "sectr: fishing")},
          CASE_FILE, "sectr: unknown key", "sectr: fishing"),
    Fault("missing required key", {CASE_FILE: CASE.replace("origin: MM\n", "")},
          CASE_FILE, "origin: required key is missing", "type: case-study"),
    Fault("unquoted version stamp", {"translations/th/case-studies/housing-cs-01.md":
                                     CASE_TH.replace('"0123456789ab"', "000000000000")},
          "translations/th/case-studies/housing-cs-01.md", "write the version in quotes", "source_hash:"),
    Fault("duplicate checklist item id", {"docs/checklists/housing.md": CHECKLIST.replace("id: hou-p02", "id: hou-p01")},
          "docs/checklists/housing.md", "duplicate checklist item id 'hou-p01'", "id: hou-p01", nth=2),
    Fault("item id in the wrong section", {"docs/checklists/housing.md": CHECKLIST.replace("id: hou-c01", "id: hou-p03")},
          "docs/checklists/housing.md", "is in section 'children' but its letter is 'p'", "id: hou-p03"),
    Fault("case-study file name and kind disagree", {CASE_FILE: CASE.replace("kind: case-study", "kind: good-practice")},
          CASE_FILE, "file name says 'cs' but kind is 'good-practice'", "kind: good-practice"),
    Fault("unknown insert", {"docs/service-areas/housing.md": CHAPTER + "\n<!-- insert: map -->\n"},
          "docs/service-areas/housing.md", "unknown insert 'map'", "insert: map"),
    Fault("insert of a checklist that does not exist",
          {"docs/service-areas/housing.md": CHAPTER.replace("insert: checklist housing", "insert: checklist housin")},
          "docs/service-areas/housing.md", "no checklist named 'housin'", "checklist housin"),
    Fault("unknown callout type", appended('!!! warning "Careful"\n    Text.'), CASE_FILE,
          "unknown callout type 'warning'", "!!! warning"),
    Fault("translation without English counterpart", {"translations/th/service-areas/houseing.md": CASE_TH},
          "translations/th/service-areas/houseing.md", "no English counterpart", None),
    Fault("two-letter folder at the top of docs", {"docs/id/index.md": CASE}, "docs/id",
          "looks like a language code", None),
    Fault("stray folder in translations", {"translations/thai/index.md": CASE}, "translations/thai",
          "not a configured translation language", None),
    Fault("file of no known kind", {"docs/notes.docx": b"PK\x03\x04"}, "docs/notes.docx",
          "not part of the content model", None),
    Fault("translated checklist lacks an item", {"translations/th/checklists/housing.md":
                                                 CHECKLIST_TH.replace("      - id: hou-p02\n        title: Offer long-term housing options.\n        text: Plan for where a person will live once the emergency has passed.\n", "")},
          "translations/th/checklists/housing.md", "translation lacks checklist items: hou-p02", "sections:"),
    Fault("translated checklist invents an item id", {"translations/th/checklists/housing.md":
                                                      CHECKLIST_TH.replace("id: hou-p02", "id: hou-p09")},
          "translations/th/checklists/housing.md", "checklist items that the English page does not: hou-p09",
          "sections:"),
    Fault("translated case study changes a fact", {"translations/th/case-studies/housing-cs-01.md":
                                                   CASE_TH.replace("origin: MM", "origin: TH")},
          "translations/th/case-studies/housing-cs-01.md", "origin is 'TH' but the English page says 'MM'",
          "origin: TH"),
    Fault("translated heading changes its anchor", {"translations/th/service-areas/housing.md":
                                                    CHAPTER_TH.replace("## Needs {#needs}", "## ความต้องการ {#khwam-tongkan}")},
          "translations/th/service-areas/housing.md", "heading anchor '#khwam-tongkan' is not on the English page",
          "{#khwam-tongkan}"),
    Fault("not valid UTF-8", {CASE_FILE: CASE.encode("utf-8") + "\nCaf\u00e9\n".encode("latin-1")},
          CASE_FILE, "not valid UTF-8", "Caf"),
    Fault("not Unicode NFC", appended("Vie\u0302\u0323t Nam"), CASE_FILE, "not in Unicode NFC form", "Vie"),
    Fault("Burmese in Zawgyi", in_thai_case("လူကုန္ကူးခံရသူမ်ား ကို ကူညီပါ"),
          "translations/th/case-studies/housing-cs-01.md", "Zawgyi", "ကူညီပါ"),
    Fault("raw script", appended("<script>alert(1)</script>"), CASE_FILE, "raw <script> is not allowed", "<script>"),
    Fault("embedded page", appended('<iframe src="https://example.com/v"></iframe>'), CASE_FILE,
          "raw <iframe> is not allowed", "<iframe"),
    Fault("image from another site", appended("![A shelter](https://example.com/shelter.png)"), CASE_FILE,
          "image or media loaded from another site", "![A shelter]"),
    Fault("image without text alternative", appended('<img src="diagram.png">'), CASE_FILE,
          "image without a text alternative", "<img"),
    Fault("personal name", appended("Later Ms Somchai found work."), CASE_FILE,
          "a personal name: 'Ms Somchai'", "Ms Somchai"),
    Fault("exact age", appended("He was 16 years old at the time."), CASE_FILE,
          "an exact age: '16 years old'", "16 years old"),
    Fault("date", appended("He came home in March 2009."), CASE_FILE, "a date: 'March 2009'", "March 2009"),
    Fault("place below the country", appended("His family lived in Svay Rieng."), CASE_FILE,
          "a place below the country: 'Svay Rieng'", "Svay Rieng"),
    Fault("unlisted province named in English", appended("His family lived in Xyzzy province."), CASE_FILE,
          "a place below the country: 'Xyzzy province'", "Xyzzy province"),
    Fault("phone number", appended("Call +66 81 234 5678 for help."), CASE_FILE,
          "a phone number: '+66 81 234 5678'", "+66 81"),
    Fault("e-mail address", appended("Write to worker@example.org."), CASE_FILE,
          "an e-mail address: 'worker@example.org'", "worker@"),
    Fault("case number", appended("Her file, case TIP-20091, was closed."), CASE_FILE,
          "an ID or case number: 'TIP-20091'", "TIP-20091"),
    Fault("exact age in a translation", in_thai_case("ตอนนั้นเขาอายุ 15 ปี"),
          "translations/th/case-studies/housing-cs-01.md", "an exact age", "อายุ 15"),
    Fault("place in a translation, in its own script", in_thai_case("ครอบครัวของเขาอยู่ที่เชียงใหม่"),
          "translations/th/case-studies/housing-cs-01.md", "a place below the country: 'เชียงใหม่'", "เชียงใหม่"),
    Fault("analytics in the configuration", {}, "mkdocs.yml", "extra.analytics is set", "analytics:",
          config={"extra": {"analytics": {"provider": "google", "property": "G-0000000000"}}}),
    Fault("tracking code in a template", {"overrides/main.html": '{% extends "base.html" %}\n'
                                          "<script>gtag('config', 'G-1');</script>\n"},
          "overrides/main.html", "tracking, cookie or comment code", "gtag", config={"theme": {"custom_dir": "overrides"}}),
    Fault("script from another host in a template", {"overrides/main.html": '{% extends "base.html" %}\n'
                                                     '<script src="https://cdn.example.com/x.js"></script>\n'},
          "overrides/main.html", "a file is loaded from another host", "cdn.example", config={"theme": {"custom_dir": "overrides"}}),
]


def merge_config(site, extra: dict) -> None:
    config = yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    for key, value in extra.items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    site.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


def inject(site, fault: Fault) -> None:
    if fault.config:
        merge_config(site, fault.config)
    for path, text in fault.files.items():
        if isinstance(text, bytes):
            target = site.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text)
        else:
            site.write(path, text)


def expected_line(site, fault: Fault) -> int | None:
    if fault.line_of is None:
        return None
    raw = (site.root / fault.path).read_bytes().decode("utf-8", "replace").split("\n")
    return [number for number, line in enumerate(raw, 1) if fault.line_of in line][fault.nth - 1]


def problems(site) -> list[str]:
    return [p.format() for p in checks.run(content_mod.load(site.root)).problems]


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path, ("en", "th"))


def test_clean_fixture_passes_every_check_and_builds(site):
    assert problems(site) == []
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]


def test_there_are_at_least_twenty_kinds_of_fault():
    assert len({fault.kind for fault in FAULTS}) >= 20


@pytest.mark.parametrize("fault", FAULTS, ids=[f.kind for f in FAULTS])
def test_fault_is_reported_with_file_line_and_message(site, fault):
    inject(site, fault)
    line = expected_line(site, fault)
    where = f"{fault.path}:{line}: error:" if line else f"{fault.path}: error:"
    found = problems(site)
    assert any(p.startswith(where) and fault.message in p for p in found), "\n".join(found)


def test_broken_link_and_anchor_in_a_translation_fail_the_build_with_file_and_line(site):
    text = CHAPTER_TH.replace("See the [BID](../glossary.md#bid).",
                              "See [the plan](../nowhere.md) and the [BID](../glossary.md#bad-anchor).")
    site.write("translations/th/service-areas/housing.md", text)
    line = next(n for n, text_line in enumerate(text.split("\n"), 1) if "nowhere.md" in text_line)
    result = site.build()
    assert result.returncode != 0
    where = f"translations/th/service-areas/housing.md:{line}: error:"
    assert f"{where} link '../nowhere.md' points to a page or file that does not exist" in result.stderr
    assert f"{where} link '../glossary.md#bad-anchor' points to an anchor that does not exist" in result.stderr


def test_build_fails_with_the_report(site):
    site.write(CASE_FILE, CASE.replace("sex: male", "sex: man"))
    result = site.build()
    assert result.returncode != 0
    assert f"{CASE_FILE}:" in result.stderr and "sex:" in result.stderr


def test_check_command_lists_every_problem_in_one_run_and_fails(site):
    site.write(CASE_FILE, CASE.replace("sex: male", "sex: unknown") + "\n<iframe></iframe>\n")
    site.write("translations/th/checklists/housing.md", CHECKLIST_TH.replace("id: hou-p02", "id: hou-p09"))
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "check"], cwd=site.root,
                            capture_output=True, text=True)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    for expected in (f"{CASE_FILE}:7", "raw <iframe>", "translations/th/checklists/housing.md", "hou-p09"):
        assert expected in output, output


def test_fix_nfc_command_repairs_what_the_check_reports(site):
    site.write(CASE_FILE, CASE + "\nVie\u0302\u0323t Nam\n")
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "fix-nfc", CASE_FILE], cwd=site.root,
                            capture_output=True, text=True)
    assert "1 line(s) normalised" in result.stdout
    assert "Việt Nam" in (site.root / CASE_FILE).read_text(encoding="utf-8")
    assert not any("NFC" in p for p in problems(site))


def test_check_command_finds_broken_links_in_every_language(site):
    site.write("translations/th/service-areas/housing.md", CHAPTER_TH.replace("../glossary.md#bid", "../glossary.md#nope"))
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "check"], cwd=site.root,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "translations/th/service-areas/housing.md:" in result.stdout
    assert "points to an anchor that does not exist" in result.stdout


def test_short_unicode_burmese_line_is_not_taken_for_zawgyi(site):
    # ဘာသာစကား ("language") alone scores 0.955 with the detector: correct Unicode, no problem
    site.write("translations/my/case-studies/housing-cs-01.md", CASE_TH + "\nဘာသာစကား\n")
    assert not any("Zawgyi" in p for p in problems(site))


@pytest.mark.parametrize("lang,text,message", [
    ("km", "ពេលនោះគាត់មានអាយុ ១៥ ឆ្នាំ", "an exact age: 'អាយុ ១៥'"),
    ("lo", "ນາງອາໄສຢູ່ວຽງຈັນ", "a place below the country: 'ວຽງຈັນ'"),
    ("my", "ဦးမောင်မောင် က ကူညီခဲ့သည်", "a personal name: 'ဦး မောင်'"),
    ("vi", "Sau đó chị Lan tìm được việc làm.", "a personal name: 'chị Lan'"),
    ("zh", "她当时15岁。", "an exact age: '15岁'"),
    ("lo", "ໂທ 020 5555 1234", "a phone number: '020 5555 1234'"),
])
def test_anonymity_lint_reads_every_language(tmp_path, lang, text, message):
    site = make_site(tmp_path, ("en", lang))
    path = f"translations/{lang}/case-studies/housing-cs-01.md"
    site.write(path, CASE_TH + "\n" + text + "\n")
    line = (CASE_TH + "\n" + text).count("\n") + 1
    assert any(p.startswith(f"{path}:{line}: error: case study {message}") for p in problems(site)), problems(site)
