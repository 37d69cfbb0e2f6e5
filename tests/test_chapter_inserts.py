"""Online, a chapter links to its case studies and its checklist's explanations instead of
repeating them (the longest chapters would pass the 20 KB further-page budget otherwise); the
build the book and the offline copy come from keeps them in full."""
import os
import re

import pytest

from sitefixture import make_site

CASE_BODY = "He borrowed against the family house"
ITEM_TEXT = "Plan for where a person will live"


def article(html: str) -> str:
    return re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S).group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("inserts"), ("en", "th"))
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]
    return site


def test_online_chapter_links_instead_of_repeating(site):
    chapter = article(site.html("service-areas/housing/index.html"))
    card = re.search(r'<article class="gb-case[^>]*id="housing-cs-01".*?</article>', chapter, re.S).group(0)
    assert re.search(r'<a href="[./]*case-studies/housing-cs-01/">A home lost to migration debt</a>', card)
    assert CASE_BODY not in chapter
    # the same tickable items, without their texts, and the way to the page that has them
    assert '<li id="hou-p02"><label><input type="checkbox" value="hou-p02">' in chapter
    assert ITEM_TEXT not in chapter
    assert re.search(r'<a href="[./]*checklists/housing/">Safe and affordable accommodation</a>', chapter)
    assert ITEM_TEXT in article(site.html("checklists/housing/index.html"))
    assert CASE_BODY in article(site.html("case-studies/housing-cs-01/index.html"))


def test_book_build_keeps_case_studies_and_item_texts_in_chapters(site, tmp_path):
    """The in-process build `guidebook build` runs for the book and the offline copy."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from guidebook import site_build

    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(tmp_path / "offline"), use_directory_urls=False)
    here = os.getcwd()
    os.chdir(site.root)
    site_build.STATE.books = True
    try:
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    finally:
        site_build.STATE.books = False
        os.chdir(here)
    chapter = article((tmp_path / "offline" / "service-areas" / "housing.html").read_text(encoding="utf-8"))
    assert CASE_BODY in chapter and ITEM_TEXT in chapter
    book = (site.root / site_build.BOOK_DIR / "en.html").read_text(encoding="utf-8")
    assert CASE_BODY in book and ITEM_TEXT in book
