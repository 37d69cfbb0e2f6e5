"""End-to-end: a small fixture site built with the real config, hooks and theme."""
import hashlib
import re

import pytest

from sitefixture import CHECKLIST, TH_CHECKLIST, make_site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("site"), ("en", "th", "km", "lo"))
    english_hash = hashlib.sha256(CHECKLIST.encode()).hexdigest()[:12]
    site.write("translations/th/checklists/housing.md", TH_CHECKLIST.format(hash=english_hash))
    result = site.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def article(html: str) -> str:
    return re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S).group(1)


@pytest.mark.parametrize("lang", ["en", "th", "km", "lo"])
def test_html_lang_matches_language(built, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    html = built.html(f"{prefix}service-areas/housing/index.html")
    assert re.search(rf'<html lang="{lang}"', html)


def test_every_language_has_every_page(built):
    english = sorted(p.relative_to(built.root / "site").as_posix()
                     for p in (built.root / "site").glob("**/index.html")
                     if p.relative_to(built.root / "site").parts[0] not in ("th", "km", "lo"))
    for lang in ("th", "km", "lo"):
        for page in english:
            assert (built.root / "site" / lang / page).is_file(), f"{lang}/{page} missing"


def test_translation_from_translations_folder_is_used(built):
    html = built.html("th/checklists/housing/index.html")
    body = article(html)
    assert "ที่พักที่ปลอดภัยและราคาเหมาะสม" in html
    assert 'class="gb-fallback"' not in body
    assert 'name="robots"' not in html
    assert "gb-banner--draft" in body  # status: draft is announced


def test_untranslated_page_falls_back_with_banner_lang_and_noindex(built):
    html = built.html("th/service-areas/housing/index.html")
    body = article(html)
    banner = re.search(r'<div class="gb-banner gb-banner--fallback"[^>]*><p>(.*?)</p>', body).group(1)
    assert "English" not in banner and re.search(r"[\u0E00-\u0E7F]", banner), banner
    assert '<div class="gb-fallback" lang="en"><h1>Housing, care and accommodation</h1>' in body
    assert '<meta name="robots" content="noindex">' in html


def test_fallback_page_embeds_translated_checklist(built):
    body = article(built.html("th/service-areas/housing/index.html"))
    # the chapter is English, so its embedded checklist is English too (one language per page)
    assert 'data-gb-checklist="housing"' in body


def test_language_switcher_keeps_the_page(built):
    html = built.html("th/checklists/housing/index.html")
    switcher = re.search(r'<div class="md-select__inner">(.*?)</div>', html, re.S).group(1)
    links = dict((lang, href) for href, lang in re.findall(r'href="([^"]+)"\s+hreflang="([a-z]+)"', switcher))
    assert links["en"].rstrip("/").endswith("checklists/housing")
    assert links["km"].rstrip("/").endswith("km/checklists/housing")


def test_checklist_items_are_labelled_checkboxes(built):
    body = article(built.html("checklists/housing/index.html"))
    items = re.findall(r'<li id="([^"]+)"><label><input type="checkbox" value="\1" aria-describedby="\1-d">'
                       r'([^<]+)</label><div id="\1-d">', body)
    assert [item for item, _ in items] == ["hou-p01", "hou-p02", "hou-c01"]
    assert all(title.strip() for _, title in items)
    assert "Clear all ticks" in body and 'role="status"' in body


@pytest.mark.parametrize("lang,script", [("km", "[\u1780-\u17FF]"), ("lo", "[\u0E80-\u0EFF]")])
def test_khmer_and_lao_have_material_ui_strings(built, lang, script):
    html = built.html(f"{lang}/service-areas/housing/index.html")
    skip_link = re.search(r'<a href="#[^"]*" class="md-skip">\s*(.*?)\s*</a>', html, re.S).group(1)
    placeholder = re.search(r'<label class="gb-search__label"[^>]*>([^<]+)</label>', html).group(1)
    assert re.search(script, skip_link), skip_link
    assert re.search(script, placeholder), placeholder


def test_case_study_renders_into_chapter_and_own_page(built):
    chapter = article(built.html("service-areas/housing/index.html"))
    assert 'id="housing-cs-01"' in chapter and "A home lost to migration debt" in chapter
    page = article(built.html("case-studies/housing-cs-01/index.html"))
    assert "From Myanmar" in page and "Exploited in Thailand" in page and "labour exploitation" in page


def test_webfonts_for_khmer_lao_burmese_are_shipped(built):
    assets = built.root / "site" / "assets"
    css = next(assets.glob("guidebook.*.css")).read_text()
    for family in ("Khmer", "Lao", "Myanmar"):
        assert f'font-family: "Noto Sans {family}"' in css
        assert next((assets / "fonts").glob(f"NotoSans{family}-Regular.*.woff2")).stat().st_size > 5000
    assert "fonts.googleapis" not in built.html("index.html")


def test_preview_of_one_language_builds_only_that_language(tmp_path):
    """`guidebook serve th` sets GUIDEBOOK_LANGS=th: Thai alone, at the preview's root, for speed."""
    import os
    import subprocess
    import sys
    site = make_site(tmp_path, ("en", "th", "km"))
    english_hash = hashlib.sha256(CHECKLIST.encode()).hexdigest()[:12]
    site.write("translations/th/checklists/housing.md", TH_CHECKLIST.format(hash=english_hash))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site.root,
                            capture_output=True, text=True, env={**os.environ, "GUIDEBOOK_LANGS": "th"})
    assert result.returncode == 0, result.stderr[-2000:]
    html = site.html("checklists/housing/index.html")
    assert '<html lang="th"' in html and "ที่พักที่ปลอดภัยและราคาเหมาะสม" in html
    assert '<html lang="th"' in site.html("service-areas/housing/index.html")   # English under the Thai banner
    assert not (site.root / "site" / "th").exists() and not (site.root / "site" / "km").exists()


def test_script_fonts_serve_their_language_only(built, browser):
    """Khmer text asks for the vendored Khmer font; a Khmer language name on a Thai page does not."""
    page = browser.new_page()
    try:
        page.goto((built.root / "site" / "km" / "service-areas" / "housing" / "index.html").as_uri())
        family = page.evaluate("getComputedStyle(document.querySelector('.gb-banner p')).fontFamily")
        assert family.startswith('"Noto Sans Khmer"'), family
        page.goto((built.root / "site" / "th" / "service-areas" / "housing" / "index.html").as_uri())
        label = page.evaluate("""(() => { const e = document.querySelector('.md-select [lang="km"]');
                                          return e && getComputedStyle(e).fontFamily; })()""")
        assert label is not None and "Khmer" not in label, label
        thai = page.evaluate("getComputedStyle(document.querySelector('.gb-banner p')).fontFamily")
        assert "Khmer" not in thai and "Noto Sans Thai" in thai, thai
    finally:
        page.close()


def test_site_name_is_in_the_readers_language(built):
    html = built.html("km/checklists/housing/index.html")
    name = re.search(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html).group(1)
    assert name == "សៀវភៅណែនាំស្ដីពីសមាហរណកម្មឡើងវិញ", name
    assert "សៀវភៅណែនាំស្ដីពីសមាហរណកម្មឡើងវិញ" in re.search(r"<title>(.*?)</title>", html).group(1)
