"""Bad input fails with the file, the line and what to fix; nothing is silently dropped."""
import pytest

from guidebook import content as content_mod
from sitefixture import CASE, CHECKLIST, make_site


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path, ("en", "th"))


def problems(site):
    return [p.format() for p in content_mod.load(site.root).problems]


def test_clean_fixture_has_no_problems(site):
    assert problems(site) == []


def test_malformed_front_matter_names_file_and_line(site):
    site.write("docs/case-studies/housing-cs-01.md", CASE.replace("sex: male", "sex: [male"))
    found = problems(site)
    assert any(p.startswith("docs/case-studies/housing-cs-01.md:") and "YAML cannot be read" in p for p in found), found


def test_missing_front_matter(site):
    site.write("docs/case-studies/housing-cs-01.md", "Just text\n")
    assert any("docs/case-studies/housing-cs-01.md:1" in p and "front-matter missing" in p for p in problems(site))


def test_schema_violation_points_at_the_key_line(site):
    site.write("docs/case-studies/housing-cs-01.md", CASE.replace("sex: male", "sex: man"))
    line = CASE.split("\n").index("sex: male") + 1
    found = problems(site)
    assert any(p.startswith(f"docs/case-studies/housing-cs-01.md:{line}: error: sex:") for p in found), found


def test_unknown_key_is_reported(site):
    site.write("docs/case-studies/housing-cs-01.md", CASE.replace("sector: fishing", "sectr: fishing"))
    assert any("sectr: unknown key" in p for p in problems(site))


def test_duplicate_checklist_item_id(site):
    site.write("docs/checklists/housing.md", CHECKLIST.replace("id: hou-p02", "id: hou-p01"))
    found = problems(site)
    assert any("docs/checklists/housing.md:" in p and "duplicate checklist item id 'hou-p01'" in p for p in found)


def test_translation_without_english_counterpart(site):
    site.write("translations/th/service-areas/houseing.md", CASE)
    found = problems(site)
    assert any(p.startswith("translations/th/service-areas/houseing.md") and "no English counterpart" in p
               for p in found)


def test_two_letter_top_level_folder_in_docs(site):
    site.write("docs/id/index.md", CASE)
    assert any(p.startswith("docs/id") and "looks like a language code" in p for p in problems(site))


def test_stray_folder_in_translations(site):
    site.write("translations/thai/index.md", CASE)
    assert any(p.startswith("translations/thai") and "not a configured translation language" in p
               for p in problems(site))


def test_translated_checklist_missing_and_unknown_items(site):
    text = CHECKLIST.replace("id: hou-p02", "id: hou-p09").replace("sections:", "translation:\n  source_hash: 0123456789ab\n  status: draft\nsections:")
    site.write("translations/th/checklists/housing.md", text)
    found = "\n".join(problems(site))
    assert "translations/th/checklists/housing.md" in found
    assert "lacks checklist items: hou-p02" in found and "hou-p09" in found


def test_translated_case_study_must_keep_facts(site):
    text = CASE.replace("origin: MM", "origin: TH").replace("---\ntype", "---\ntranslation:\n  source_hash: 0123456789ab\ntype", 1)
    site.write("translations/th/case-studies/housing-cs-01.md", text)
    assert any("origin is 'TH' but the English page says 'MM'" in p for p in problems(site))


def test_not_nfc_is_reported(site):
    site.write("docs/case-studies/housing-cs-01.md", CASE + "Vie\u0302\u0323t Nam\n")
    assert any("not in Unicode NFC" in p for p in problems(site))


def test_build_fails_with_the_report(site):
    site.write("docs/case-studies/housing-cs-01.md", CASE.replace("sex: male", "sex: man"))
    result = site.build()
    assert result.returncode != 0
    assert "docs/case-studies/housing-cs-01.md:" in result.stderr and "sex:" in result.stderr


@pytest.mark.parametrize("markup,message", [
    ('<script>alert(1)</script>', "raw <script> is not allowed"),
    ('<iframe src="https://example.com/video"></iframe>', "raw <iframe> is not allowed"),
    ("![A shelter](https://example.com/shelter.png)", "image or media loaded from another site"),
    ('<img src="//cdn.example.com/x.png" alt="x">', "image or media loaded from another site"),
    ("![](diagram.png)", "image without a text alternative"),
    ('<img src="diagram.png">', "image without a text alternative"),
])
def test_unsafe_or_inaccessible_markup_is_reported_with_line(site, markup, message):
    site.write("docs/case-studies/housing-cs-01.md", CASE + "\n" + markup + "\n")
    line = CASE.count("\n") + 2
    found = problems(site)
    assert any(p.startswith(f"docs/case-studies/housing-cs-01.md:{line}:") and message in p for p in found), found


def test_translation_markup_is_checked_too(site):
    site.write("translations/th/case-studies/housing-cs-01.md",
               CASE.replace("source:", "translation:\n  source_hash: 0123456789ab\nsource:") + "\n<script></script>\n")
    assert any(p.startswith("translations/th/case-studies/housing-cs-01.md:") and "<script>" in p
               for p in problems(site))


def test_zawgyi_burmese_is_reported_with_line(site):
    unicode_text = CASE.replace("source:", "translation:\n  source_hash: 0123456789ab\nsource:")
    site.write("translations/my/case-studies/housing-cs-01.md", unicode_text + "\nလူကုန်ကူးခံရသူများကို ကူညီပါ။\n")
    site.write("translations/th/case-studies/housing-cs-01.md", unicode_text + "\nလူကုန္ကူးခံရသူမ်ား ကို ကူညီပါ\n")
    found = problems(site)
    line = unicode_text.count("\n") + 2
    assert any(p.startswith(f"translations/th/case-studies/housing-cs-01.md:{line}:") and "Zawgyi" in p
               for p in found), found
    assert not any("translations/my/" in p and "Zawgyi" in p for p in found)


def test_check_command_reports_all_problems_and_fails(site):
    import subprocess
    import sys
    site.write("docs/case-studies/housing-cs-01.md", CASE.replace("sex: male", "sex: unknown") + "\n<iframe></iframe>\n")
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "check"], cwd=site.root,
                            capture_output=True, text=True)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "docs/case-studies/housing-cs-01.md:7" in output and "raw <iframe>" in output
