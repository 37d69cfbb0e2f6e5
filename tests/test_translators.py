"""The translators' workflow: status page, outdated notices, edit links, diff and link listing."""
import hashlib
import re
import subprocess
import sys
import urllib.parse

import pytest
import yaml

from sitefixture import CASE, CHECKLIST, TH_CHECKLIST, make_site

REPO = "https://code.example.org/team/guidebook"
STATUS_PAGE = """\
---
type: page
title: Translation status
summary: How much of the guidebook is translated into each language.
---
<!-- insert: translation-status -->
"""


def stamp(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("site"), ("en", "th"),
                     nav=[{"Home": "index.md"}, {"Service areas": ["service-areas/housing.md"]},
                          {"Checklists": ["checklists/housing.md"]}, {"Glossary": "glossary.md"},
                          {"Status": "translation-status.md"}])
    config = yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["repository"] = {"url": REPO, "branch": "main"}
    site.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    site.write("docs/translation-status.md", STATUS_PAGE)
    site.write("translations/th/checklists/housing.md", TH_CHECKLIST.format(hash=stamp(CHECKLIST)))
    # a translation of an older English version: outdated
    site.write("translations/th/case-studies/housing-cs-01.md",
               CASE.replace("source:", 'translation:\n  source_hash: "0123456789ab"\n  status: reviewed\nsource:'))
    result = site.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_outdated_translation_has_banner_linking_to_english(built):
    html = built.html("th/case-studies/housing-cs-01/index.html")
    banner = re.search(r'<div class="gb-banner gb-banner--outdated"[^>]*><p>(.*?)</p></div>', html).group(1)
    assert "หน้าภาษาอังกฤษมีการเปลี่ยนแปลง" in banner
    href = re.search(r'<a href="([^"]+)" hreflang="en">', banner).group(1)
    assert href.rstrip("/").endswith("case-studies/housing-cs-01") and "th/" not in href
    assert "gb-banner--draft" not in html  # reviewed: no draft notice


def test_status_page_counts_each_language(built):
    html = built.html("translation-status/index.html")
    row = re.search(r'<tr><th scope="row" lang="th">(.*?)</tr>', html).group(0)
    cells = re.findall(r"<td>(.*?)</td>", row)
    # 6 English pages: checklist current; case study outdated (and reviewed); 4 missing
    assert cells[:4] == ["1 (17%)", "1", "4", "1"], cells
    assert cells[4] == "3/3"  # checklist items
    assert 'id="outdated-th"' in html and "A home lost to migration debt" in html


def test_edit_links_point_at_the_file_of_this_language(built):
    def edit(relpath: str) -> str:
        match = re.search(r'<p class="gb-edit"><a href="([^"]+)" rel="nofollow">([^<]+)</a>', built.html(relpath))
        return match.group(1).replace("&amp;", "&"), match.group(2)

    href, label = edit("checklists/housing/index.html")
    assert href == f"{REPO}/edit/main/docs/checklists/housing.md" and label == "Edit this page"
    href, _ = edit("th/checklists/housing/index.html")
    assert href == f"{REPO}/edit/main/translations/th/checklists/housing.md"
    href, label = edit("th/service-areas/housing/index.html")
    url = urllib.parse.urlsplit(href)
    assert url.path.endswith("/new/main/translations/th/service-areas")
    query = urllib.parse.parse_qs(url.query)
    assert query["filename"] == ["housing.md"]
    scaffold = query["value"][0]
    assert "translation:\n  source_hash: \"" in scaffold and "status: draft" in scaffold
    assert "## Needs {#needs}" in scaffold   # the English text to translate
    assert "ภาษาไทย" in label


def git(site, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=site.root,
                   check=True, capture_output=True)


def guidebook(site, *args):
    return subprocess.run([sys.executable, "-m", "guidebook.cli", *args], cwd=site.root,
                          capture_output=True, text=True)


def test_diff_shows_english_changes_since_the_stamped_version(tmp_path):
    site = make_site(tmp_path, ("en", "th"))
    git(site, "init", "-q")
    git(site, "add", "-A")
    git(site, "commit", "-qm", "first")
    assert guidebook(site, "new", "th", "checklists/housing.md").returncode == 0
    english = site.root / "docs/checklists/housing.md"
    english.write_text(CHECKLIST.replace("Offer long-term housing options.", "Offer long-term and safe housing."),
                       encoding="utf-8")
    git(site, "commit", "-qam", "second")
    status = guidebook(site, "status", "th")
    assert "outdated   translations/th/checklists/housing.md" in status.stdout
    result = guidebook(site, "diff", "th", "checklists/housing.md")
    assert "-        title: Offer long-term housing options." in result.stdout
    assert "+        title: Offer long-term and safe housing." in result.stdout
    assert guidebook(site, "stamp", "th", "checklists/housing.md").returncode == 0
    assert "is up to date" in guidebook(site, "diff", "th", "checklists/housing.md").stdout


def test_diff_without_history_says_why(tmp_path):
    site = make_site(tmp_path, ("en", "th"))
    site.write("translations/th/checklists/housing.md", TH_CHECKLIST.format(hash="0123456789ab"))
    result = guidebook(site, "diff", "th", "checklists/housing.md")
    assert result.returncode == 1 and "cannot be shown" in result.stdout


def test_links_command_lists_external_links_with_file_and_line(tmp_path):
    site = make_site(tmp_path, ("en", "th"))
    text = (site.root / "docs/index.md").read_text(encoding="utf-8") + "\nSee the [law](https://law.example.org/act).\n"
    site.write("docs/index.md", text)
    line = text.split("\n").index("See the [law](https://law.example.org/act).") + 1
    result = guidebook(site, "links")
    assert result.returncode == 0
    assert f"https://law.example.org/act\n    docs/index.md:{line}" in result.stdout


def test_status_lists_outdated_unstamped_missing_and_orphaned_as_table_and_json(tmp_path):
    import json
    site = make_site(tmp_path, ("en", "th"))
    site.write("translations/th/checklists/housing.md", TH_CHECKLIST.format(hash="0123456789ab"))
    site.write("translations/th/case-studies/housing-cs-01.md", CASE)      # no translation: block
    site.write("translations/th/service-areas/houseing.md", CASE)        # misspelt: no English file
    table = guidebook(site, "status", "th").stdout
    assert "outdated   translations/th/checklists/housing.md" in table
    assert "unstamped  translations/th/case-studies/housing-cs-01.md" in table
    assert "missing    translations/th/glossary.md" in table
    assert "orphaned   translations/th/service-areas/houseing.md" in table
    data = json.loads(guidebook(site, "status", "th", "--json").stdout)[0]
    assert data["outdated"] == ["checklists/housing.md"] and data["orphaned"] == ["translations/th/service-areas/houseing.md"]
    assert data["checklist_items"] == [3, 3] and data["pages_total"] == 5
