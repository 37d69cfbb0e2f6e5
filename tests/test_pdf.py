"""Checklist PDFs in every script: fonts embedded, text extractable, ticks fillable, no tofu."""
import hashlib
import re
import subprocess

import markdown
import pytest

from guidebook import content as content_mod
from guidebook import pdf
from sitefixture import CHECKLIST, make_site

SAMPLES = {
    "th": "จัดให้มีที่พักฉุกเฉินสำหรับผู้เสียหายจากการค้ามนุษย์ทุกคนที่ต้องการความช่วยเหลือ",
    "km": "ផ្តល់កន្លែងស្នាក់នៅបន្ទាន់សម្រាប់ជនរងគ្រោះដែលត្រូវការជំនួយនិងការគាំពារ",
    "lo": "ສະໜອງທີ່ພັກອາໄສສຸກເສີນໃຫ້ຜູ້ເຄາະຮ້າຍທີ່ຕ້ອງການຄວາມຊ່ວຍເຫຼືອ",
    "my": "အရေးပေါ်နေရာထိုင်ခင်းကို ပံ့ပိုးပေးပါ။",
    "vi": "Bảo đảm có chỗ ở khẩn cấp cho nạn nhân",
    "zh": "为受害者提供紧急住所",
}
LANGS = ("en", *SAMPLES)


def translated(lang: str, english_hash: str, title: str) -> str:
    return CHECKLIST.replace("Make emergency housing available.", title).replace(
        "sections:", f"translation:\n  source_hash: {english_hash}\n  status: draft\nsections:")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("pdfsite"), LANGS)
    english_hash = hashlib.sha256(CHECKLIST.encode()).hexdigest()[:12]
    for lang, title in SAMPLES.items():
        site.write(f"translations/{lang}/checklists/housing.md", translated(lang, english_hash, title))
    content = content_mod.load(site.root)
    assert content.errors() == []
    md = markdown.Markdown(extensions=["attr_list", "tables"])
    jobs = pdf.plan(content, md, "https://example.org/g/", "2026-11")
    out = site.root / ".build" / "pdf"
    first = pdf.build(jobs, out)
    return site, content, md, jobs, out, first


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_one_pdf_per_translated_language(rendered):
    _, _, _, jobs, out, first = rendered
    assert sorted(job.lang for job in jobs) == sorted(LANGS)
    assert first.rendered == len(LANGS)
    for lang in LANGS:
        assert (out / lang / f"checklist-housing-{lang}.pdf").stat().st_size > 3000


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded(rendered, lang):
    out = rendered[4]
    table = run("pdffonts", str(out / lang / f"checklist-housing-{lang}.pdf")).splitlines()[2:]
    assert table, "no fonts at all"
    for row in table:
        assert row.split()[-5] == "yes", row  # the 'emb' column


@pytest.mark.parametrize("lang,expected", [("en", "Make emergency housing available."),
                                           ("vi", "Bảo đảm có chỗ ở khẩn cấp cho nạn nhân")])
def test_text_comes_back(rendered, lang, expected):
    out = rendered[4]
    text = run("pdftotext", str(out / lang / f"checklist-housing-{lang}.pdf"), "-")
    assert expected in " ".join(text.split())


def test_page_footer_and_metadata(rendered):
    out = rendered[4]
    path = str(out / "th" / "checklist-housing-th.pdf")
    text = run("pdftotext", path, "-")
    assert "https://example.org/g/th/checklists/housing/" in text and "2026-11" in text
    info = run("pdfinfo", path)
    assert "Tagged:          yes" in info and "Form:            AcroForm" in info
    assert "Author" not in info


@pytest.mark.parametrize("lang", ["km", "lo"])
def test_khmer_and_lao_get_word_break_opportunities(rendered, lang):
    job = next(j for j in rendered[3] if j.lang == lang)
    shown = re.search(r'<p class="title">(.*?)</p>', job.html).group(1)
    assert shown != SAMPLES[lang] and shown.count("\u200b") >= 3
    assert shown.replace("\u200b", "") == SAMPLES[lang]


def test_identical_input_gives_identical_bytes_and_no_rerender(rendered, tmp_path):
    _, _, _, jobs, out, _ = rendered
    before = (out / "th" / "checklist-housing-th.pdf").read_bytes()
    again = pdf.build(jobs, out)
    assert again.rendered == 0 and again.skipped == len(jobs)
    fresh = pdf.build([j for j in jobs if j.lang == "th"], tmp_path)
    assert (tmp_path / "th" / "checklist-housing-th.pdf").read_bytes() == before
    assert fresh.rendered == 1


def test_missing_glyph_fails(rendered, tmp_path):
    _, content, md, jobs, _, _ = rendered
    job = next(j for j in jobs if j.lang == "en")
    bad = pdf.Job(job.lang, job.uri, job.name, job.html.replace("<h1>", "<h1>\U000F0000 "), "x")
    with pytest.raises(pdf.MissingGlyphs, match="U\\+F0000"):
        pdf.build([bad], tmp_path)
    assert not (tmp_path / "en" / job.name).exists()


def test_untranslated_language_gets_no_pdf(tmp_path):
    site = make_site(tmp_path, ("en", "th"))
    content = content_mod.load(site.root)
    jobs = pdf.plan(content, markdown.Markdown(), "https://example.org/", "x")
    assert [j.lang for j in jobs] == ["en"]


def test_thai_and_lao_terms_sort_by_consonant_before_preposed_vowel():
    from guidebook.segment import sort_key
    thai = ["แผนการคืนสู่สังคม", "การส่งต่อ", "เอกสารประจำตัว", "ผู้ให้บริการ"]
    assert sorted(thai, key=sort_key) == ["การส่งต่อ", "ผู้ให้บริการ", "แผนการคืนสู่สังคม", "เอกสารประจำตัว"]
    assert sorted(["Zeta", "alpha"], key=sort_key) == ["alpha", "Zeta"]


def test_chinese_pdf_prints_with_the_small_cjk_font(rendered):
    """The CJK font is cut to the guidebook's characters (print_fonts), so its glyph numbers are low
    and the embedded subset is small; before, one page carried metrics for 63,000 glyph slots."""
    out = rendered[4]
    chinese = out / "zh" / "checklist-housing-zh.pdf"
    fonts = run("pdffonts", str(chinese))
    assert "Guidebook-CJK-SC" in fonts and "Noto-Sans-CJK" not in fonts, fonts
    assert "为受害者提供紧急住所" in run("pdftotext", str(chinese), "-").replace("\n", "")
    thai = (out / "th" / "checklist-housing-th.pdf").stat().st_size
    assert chinese.stat().st_size < 3 * thai, (chinese.stat().st_size, thai)
