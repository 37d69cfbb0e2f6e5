"""Search in the browser: words inside Thai sentences, Vietnamese without diacritics, nothing
for nonsense, one language's index only, loaded on demand, and from disk (file://)."""
import hashlib
import json

import pytest

from guidebook import search_check, search_index
from sitefixture import CHAPTER, make_site
from guidebook.search_check import serve

TH_CHAPTER = CHAPTER.replace("People need somewhere safe to live.",
                             "ผู้เสียหายต้องการที่พักพิงที่ปลอดภัยและการดูแลอย่างต่อเนื่อง").replace(
    "sources:", "translation:\n  source_hash: HASH\nsources:")
VI_CHAPTER = CHAPTER.replace("People need somewhere safe to live.",
                             "Người bị mua bán cần nơi ở an toàn và sự hỗ trợ tái hòa nhập.").replace(
    "sources:", "translation:\n  source_hash: HASH\nsources:")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("search"), ("en", "th", "vi"))
    english_hash = hashlib.sha256(CHAPTER.encode()).hexdigest()[:12]
    site.write("translations/th/service-areas/housing.md", TH_CHAPTER.replace("HASH", english_hash))
    site.write("translations/vi/service-areas/housing.md", VI_CHAPTER.replace("HASH", english_hash))
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]
    return site


QUERIES = {
    "th": [search_check.Query("ปลอดภัย", "service-areas/housing.md", "mid-sentence"),
           search_check.Query("การดูแลอย่างต่อเนื่อง", "service-areas/housing.md", "phrase"),
           search_check.Query("ฟหกดเ", None, "none")],
    "vi": [search_check.Query("tai hoa nhap", "service-areas/housing.md", "no-diacritics"),
           search_check.Query("tái hòa nhập", "service-areas/housing.md", "phrase"),
           search_check.Query("xyzzyq", None, "none")],
    "en": [search_check.Query("emergency housing", "checklists/housing.md", "phrase")],
}


@pytest.mark.parametrize("lang", ["th", "vi", "en"])
def test_queries_find_their_page_online(site, browser, lang):
    httpd, base = serve(site.root / "site")
    try:
        outcomes = search_check.run(browser, base, site.root / "site", lang, "en", QUERIES[lang])
    finally:
        httpd.shutdown()
    assert [o for o in outcomes if not o.ok] == []
    # only this language's index, and little of it, before the first result
    assert all(0 < o.index_bytes < 100_000 for o in outcomes)


def test_index_is_loaded_only_when_searching_and_only_own_language(site, browser):
    httpd, base = serve(site.root / "site")
    try:
        page = browser.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base + "th/service-areas/housing/")
        assert not [u for u in requested if "gbsearch" in u]
        page.fill("#gb-search-input", "ปลอดภัย")
        page.wait_for_selector(".gb-search[data-gb-done]")
        searched = [u for u in requested if "gbsearch" in u]
        assert searched and all("/gbsearch/th/" in u for u in searched)
        # the text of the shown results only, one small file each
        texts = [u for u in searched if u.rsplit("/", 1)[1].startswith("d")]
        assert len(texts) == len(page.query_selector_all(".gb-search__results li")) > 0
        snippet = page.inner_text(".gb-search__snippet")
        assert "ปลอดภัย" in snippet and "\u200b" not in snippet
        page.close()
    finally:
        httpd.shutdown()


def test_search_works_from_disk(site, browser):
    base = (site.root / "site").resolve().as_uri() + "/"
    page = browser.new_page()
    page.goto(base + "th/service-areas/housing/index.html")
    page.fill("#gb-search-input", "ปลอดภัย")
    page.wait_for_selector(".gb-search[data-gb-done]")
    assert "service-areas/housing" in page.eval_on_selector(".gb-search__results a", "a => a.href")


def test_bigram_fallback_finds_words_the_segmenters_cut_differently():
    docs = [("th/a/", "A", "<p>ผู้เสียหายต้องการที่พักพิงที่ปลอดภัย</p>"), ("th/b/", "B", "<p>อื่น ๆ</p>")]
    files = search_index.build("th", docs)
    # grapheme bigrams keep vowel and tone marks on their consonant: ที่ | พั | ก | พิ | ง
    assert search_index.bigrams("ที่พักพิง") == {"ที่พั", "พัก", "กพิ", "พิง"}
    shard = files[f"b{search_index.fnv1a('พิง') % search_index.SHARDS}.js"]
    assert '"พิง":[0]' in shard  # in doc 0 only (postings are gaps from 0)


def _data(file_text: str):
    return json.loads(file_text[file_text.index(",") + 1:file_text.rindex(")")])


def test_each_section_is_its_own_file_and_meta_holds_only_page_sizes():
    pages = [("th/a/", "A", '<p>หนึ่ง</p><h2 id="x">เอ็กซ์</h2><p>สอง</p>'), ("th/b/", "B", "<p>สาม</p>")]
    files = search_index.build("th", pages)
    assert _data(files["meta.js"])["pages"] == [2, 1]
    assert _data(files["d1.js"]) == ["th/a/#x", "A", "เอ็กซ์", "สอง"]
    assert "d3.js" not in files


def test_glossary_terms_are_results_of_their_own_ranked_as_text():
    html = ('<p>Terms.</p><dl class="gb-glossary">\n<div class="gb-term" id="bid"><dt><dfn>Best interests'
            '</dfn> <abbr>(BID)</abbr></dt><dd><p>A formal process.</p></dd></div>\n'
            '<div class="gb-term" id="nrm"><dt><dfn>Referral</dfn></dt><dd><p>A structure.</p></dd></div>\n</dl>')
    found = search_index.sections("glossary/", "Glossary", html)
    assert [(s.url, s.title, s.text) for s in found] == [
        ("glossary/", "", "Terms."),
        ("glossary/#bid", "", "Best interests (BID) A formal process."),
        ("glossary/#nrm", "", "Referral A structure.")]


def test_vietnamese_keeps_accented_and_folded_keys_but_not_exact_keys_without_accents():
    files = search_index.build("vi", [("vi/a/", "A", "<p>hòa giải gia đình</p>")])
    keys = set()
    for name, text in files.items():
        if name.startswith("t"):
            keys.update(_data(text))
    assert {"hòa", "~hoa", "~gia", "đình", "~dinh"} <= keys
    assert "gia" not in keys  # typed without accents, search.js looks up "~gia"


def test_offline_zip_works_from_disk(tmp_path, browser):
    import zipfile

    from guidebook import offline
    site = make_site(tmp_path / "src", ("en", "th"))
    english_hash = hashlib.sha256(CHAPTER.encode()).hexdigest()[:12]
    site.write("translations/th/service-areas/housing.md", TH_CHAPTER.replace("HASH", english_hash))
    result = site.build("--no-directory-urls")
    assert result.returncode == 0, result.stderr[-2000:]
    (tmp_path / "pdf" / "th").mkdir(parents=True)
    (tmp_path / "pdf" / "th" / "checklist-housing-th.pdf").write_bytes(b"%PDF-1.7 test")
    archive = offline.package(site.root / "site", [tmp_path / "pdf"], tmp_path / "zips", "th", "en", ["en", "th"], "Guide")
    names = zipfile.ZipFile(archive).namelist()
    assert "guidebook-th/index.html" in names and "guidebook-th/pdf/th/checklist-housing-th.pdf" in names
    assert not [n for n in names if n.startswith("guidebook-th/service-areas/")]  # no English pages
    zipfile.ZipFile(archive).extractall(tmp_path / "unzipped")
    page = browser.new_page()
    page.goto((tmp_path / "unzipped" / "guidebook-th" / "index.html").as_uri())
    page.wait_for_url("**/th/index.html")
    page.goto((tmp_path / "unzipped" / "guidebook-th" / "th" / "service-areas" / "housing.html").as_uri())
    page.fill("#gb-search-input", "ปลอดภัย")
    page.wait_for_selector(".gb-search[data-gb-done]")
    page.click(".gb-search__results a")
    assert page.url.startswith("file://") and page.url.split("#")[0].endswith("th/service-areas/housing.html")
    # identical input, identical zip
    again = offline.package(site.root / "site", [tmp_path / "pdf"], tmp_path / "zips2", "th", "en", ["en", "th"], "Guide")
    assert again.read_bytes() == archive.read_bytes()
