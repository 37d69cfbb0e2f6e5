"""Practice guides with typed callouts, worksheets and country pages: built output and errors."""
import hashlib
import re
import subprocess

import markdown
import pytest

from guidebook import content as content_mod
from guidebook import pdf
from sitefixture import CHAPTER, TH_UI, make_site

GUIDE = """\
---
type: guide
title: Recovery and reintegration
summary: What recovery and reintegration involve, and how to support them.
sources:
  - doc: "001"
    ref: whole guide
related:
  1: [shelter]
---
## Shelter and housing {#shelter}

!!! guidance "Offer a choice of places to stay"
    Not everyone wants a shelter.

!!! experience "Fears about safety"
    Many fear the people who exploited them.

!!! challenge
    Services are far away.

!!! tip
    Ask what the person wants.

!!! note "Keep in mind"
    Needs change over time.

## Planning {#planning}

Plans are made with the person.
"""

WORKSHEET = """\
---
type: worksheet
title: Services in your area
service_area: 10
summary: Map the services near you before you need them.
sources:
  - doc: "001"
    ref: Notes 5
prompts:
  - id: svc-w01
    text: Which organisations near you offer medical care to men?
    lines: 3
  - id: svc-w02
    text: For each need, note the provider and its contact.
    columns: [Provider, Contact]
    rows: [Housing, Legal aid]
---
Fill this in with your team.
"""

COUNTRY = """\
---
type: country
title: Cambodia
country: KH
fieldwork: "2007"
summary: Psychosocial and mental-health services found in Cambodia.
sources:
  - doc: "003"
    ref: Chapter 2
---
## Mental-health system {#system}

Few psychiatrists worked in the country at the time.
"""

TH_CALLOUTS = """\
callouts:
  guidance: แนวทางสำหรับผู้ปฏิบัติงาน
  experience: ประสบการณ์ของผู้เสียหาย
  challenge: ความท้าทายเชิงโครงสร้าง
  tip: เคล็ดลับ
  note: ข้อควรจำ
"""

NAV = [{"Home": "index.md"}, {"Service areas": ["service-areas/housing.md"]},
       {"Checklists": ["checklists/housing.md"]}, {"Glossary": "glossary.md"},
       {"Practice guides": ["guides/recovery.md"]}, {"Worksheets": ["worksheets/services.md"]},
       {"Countries": ["countries/cambodia.md"]}]


def companion_site(tmp_path):
    site = make_site(tmp_path, ("en", "th"), nav=NAV)
    site.write("docs/guides/recovery.md", GUIDE)
    site.write("docs/worksheets/services.md", WORKSHEET)
    site.write("docs/countries/cambodia.md", COUNTRY)
    site.write("translations/th/ui.yml", TH_UI + TH_CALLOUTS)
    english_hash = hashlib.sha256(GUIDE.encode()).hexdigest()[:12]
    thai = GUIDE.replace("Shelter and housing {#shelter}", "ที่พักพิงและที่อยู่อาศัย {#shelter}").replace(
        "related:", f"translation:\n  source_hash: {english_hash}\n  status: draft\nrelated:")
    site.write("translations/th/guides/recovery.md", thai)
    chapter_hash = hashlib.sha256(CHAPTER.encode()).hexdigest()[:12]
    site.write("translations/th/service-areas/housing.md", CHAPTER.replace(
        "sources:", f"translation:\n  source_hash: {chapter_hash}\nsources:"))
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = companion_site(tmp_path_factory.mktemp("companion"))
    result = site.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_callouts_carry_their_label_in_the_readers_language(built):
    english = built.html("guides/recovery/index.html")
    assert re.search(r'gb-callout--guidance">\s*<p class="admonition-title"><span class="gb-callout__label">'
                     r'Guidance for practitioners</span><span class="gb-callout__title">Offer a choice', english)
    # an untitled callout shows the label alone, not the English type name twice
    assert '<span class="gb-callout__label">Tip</span></p>' in english
    assert english.count("gb-callout__label") == 5
    thai = built.html("th/guides/recovery/index.html")
    assert '<span class="gb-callout__label">ประสบการณ์ของผู้เสียหาย</span>' in thai
    assert "Victims' experiences" not in thai


def test_chapter_links_to_related_guide_sections(built):
    english = built.html("service-areas/housing/index.html")
    assert re.search(r'id="related-guidance">Related practice guidance</h2>.*'
                     r'href="../../guides/recovery/#shelter">Shelter and housing</a>', english, re.S)
    # a translated chapter links with the translated guide's heading
    thai = built.html("th/service-areas/housing/index.html")
    assert 'href="../../guides/recovery/#shelter">ที่พักพิงและที่อยู่อาศัย</a>' in thai


def test_country_page_has_dated_notice(built):
    html = built.html("countries/cambodia/index.html")
    assert re.search(r'gb-banner--dated".*fieldwork done in about 2007', html, re.S)


def test_worksheet_page_shows_prompts_grid_and_pdf_link(built):
    html = built.html("worksheets/services/index.html")
    assert 'id="svc-w01"' in html and '<th scope="row">Legal aid</th><td></td><td></td>' in html
    assert "worksheet-services-en.pdf" in html
    thai = built.html("th/worksheets/services/index.html")
    assert "gb-pdf--missing" in thai  # no Thai worksheet, so no Thai PDF link


def test_worksheet_pdf_has_prompts_and_grid(tmp_path):
    site = companion_site(tmp_path)
    content = content_mod.load(site.root)
    assert content.errors() == []
    jobs = [job for job in pdf.plan(content, markdown.Markdown(), "https://example.org/", "2026-11")
            if job.uri.startswith("worksheets/")]
    assert [job.name for job in jobs] == ["worksheet-services-en.pdf"]
    pdf.build(jobs, tmp_path / "out")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "out" / "en" / jobs[0].name), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Which organisations near you" in text and "Legal aid" in text and "Provider" in text


def problems_for(tmp_path, relpath: str, text: str) -> list[str]:
    site = companion_site(tmp_path)
    site.write(relpath, text)
    return [p.format() for p in content_mod.load(site.root).errors()]


def test_unknown_callout_type_is_reported_with_line(tmp_path):
    found = problems_for(tmp_path, "docs/guides/recovery.md", GUIDE.replace("!!! tip", "!!! hint"))
    assert any("docs/guides/recovery.md:22" in p and "unknown callout type 'hint'" in p for p in found), found


def test_related_anchor_must_exist(tmp_path):
    found = problems_for(tmp_path, "docs/guides/recovery.md", GUIDE.replace("1: [shelter]", "1: [housing]"))
    assert any("'#housing'" in p and "shelter" in p for p in found), found


def test_worksheet_prompt_needs_one_answer_shape(tmp_path):
    found = problems_for(tmp_path, "docs/worksheets/services.md",
                         WORKSHEET.replace("    lines: 3\n", "    lines: 3\n    columns: [A]\n"))
    assert any("prompts.0" in p and "either `lines:`" in p for p in found), found


def test_translated_worksheet_must_keep_prompt_ids(tmp_path):
    english_hash = hashlib.sha256(WORKSHEET.encode()).hexdigest()[:12]
    thai = WORKSHEET.replace("  - id: svc-w02\n    text: For each need, note the provider and its contact.\n"
                             "    columns: [Provider, Contact]\n    rows: [Housing, Legal aid]\n", "").replace(
        "prompts:", f"translation:\n  source_hash: {english_hash}\nprompts:")
    found = problems_for(tmp_path, "translations/th/worksheets/services.md", thai)
    assert any("translations/th/worksheets/services.md" in p and "lacks worksheet prompts: svc-w02" in p for p in found), found


def test_translated_worksheet_prints_the_same_grid(tmp_path):
    english_hash = hashlib.sha256(WORKSHEET.encode()).hexdigest()[:12]
    thai = WORKSHEET.replace("rows: [Housing, Legal aid]", "rows: [ที่พัก, ความช่วยเหลือทางกฎหมาย, อื่น ๆ]").replace(
        "prompts:", f"translation:\n  source_hash: \"{english_hash}\"\nprompts:")
    found = problems_for(tmp_path, "translations/th/worksheets/services.md", thai)
    line = thai.split("\n").index("  - id: svc-w02") + 1
    assert any(p.startswith(f"translations/th/worksheets/services.md:{line}:") and
               "prompt svc-w02 does not print like the English one, which has 2 columns and 2 rows" in p
               for p in found), found


def test_country_page_outside_its_folder_and_changed_facts(tmp_path):
    found = problems_for(tmp_path, "docs/guides/cambodia.md", COUNTRY)
    assert any("docs/guides/cambodia.md:2" in p and "must be in docs/countries/" in p for p in found), found
    english_hash = hashlib.sha256(COUNTRY.encode()).hexdigest()[:12]
    thai = COUNTRY.replace('fieldwork: "2007"', f'fieldwork: "2010"\ntranslation:\n  source_hash: {english_hash}')
    found = problems_for(tmp_path, "translations/th/countries/cambodia.md", thai)
    assert any("fieldwork is '2010' but the English page says '2007'" in p for p in found), found


def test_each_callout_type_has_its_own_colour(built, browser):
    from guidebook.search_check import serve
    httpd, base = serve(built.root / "site")
    try:
        page = browser.new_page()
        page.goto(base + "guides/recovery/")
        colours = page.eval_on_selector_all(".gb-callout", "els => els.map(e => getComputedStyle(e).borderLeftColor)")
        page.close()
    finally:
        httpd.shutdown()
    assert len(colours) == 5 and len(set(colours)) == 5, colours
