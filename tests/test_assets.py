"""Our CSS, JS, fonts and favicon go out under content-hashed names (so hosts can cache them for a
year), online and in the offline copy opened from disk."""
import hashlib
import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from guidebook import fingerprint, offline
from sitefixture import PROJECT, make_site

OURS = sorted(p.relative_to(PROJECT / "overrides").as_posix() for p in (PROJECT / "overrides" / "assets").rglob("*")
              if p.suffix in fingerprint.KINDS) + ["assets/images/favicon.png"]
REFERENCE = re.compile(r'(?:href|src)="([^"#?:]+)"|url\("?([^"):]+)"?\)')
SITE_PATH = urlparse(yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path


def references(site: Path) -> dict[str, set[str]]:
    """Every asset a built HTML or CSS file names, as a path below the site: referrer -> paths.

    URLs are relative, except in 404.html, which names them from the site_url's path.
    """
    found = {}
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        folder = posixpath.dirname(path.relative_to(site).as_posix())
        urls = {a or b for a, b in REFERENCE.findall(path.read_text(encoding="utf-8"))}
        paths = {u.removeprefix(SITE_PATH) if u.startswith("/") else posixpath.normpath(posixpath.join(folder, u))
                 for u in urls}
        found[path.relative_to(site).as_posix()] = {p for p in paths if p.startswith("assets/")}
    return found


def unhashed(path: str) -> str:
    return re.sub(r"\.[0-9a-f]{8}(\.[a-z0-9]+)$", r"\1", path)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["online", "offline"])
def test_pages_name_our_assets_only_by_content_hash(tmp_path, directory_urls):
    site = make_site(tmp_path, ("en", "th", "my"))
    result = site.build() if directory_urls else site.build("--no-directory-urls")
    assert result.returncode == 0, result.stderr[-2000:]
    built = site.root / "site"
    named = references(built)
    ours = {path for paths in named.values() for path in paths if unhashed(path) in OURS}
    # every page names our stylesheet, both scripts and the favicon; the CSS names the six fonts
    assert {unhashed(p) for p in named["th/checklists/housing/index.html" if directory_urls
                                       else "th/checklists/housing.html"]} >= {
        "assets/guidebook.css", "assets/guidebook.js", "assets/search.js", "assets/images/favicon.png"}
    assert {unhashed(p) for p in ours} == set(OURS)
    for path in ours:
        data = (built / path).read_bytes()
        assert path == fingerprint.hashed_name(unhashed(path), data), f"{path}: name does not match content"
    for path in OURS:
        assert not (built / path).exists(), f"unhashed copy of {path} left in the site"
    missing = {f"{page}: {path}" for page, paths in named.items() for path in paths if not (built / path).is_file()}
    assert not missing


def test_offline_zip_loads_hashed_assets_from_disk(tmp_path, browser):
    site = make_site(tmp_path / "src", ("en", "my"))
    assert site.build("--no-directory-urls").returncode == 0
    archive = offline.package(site.root / "site", [], tmp_path / "zips", "my", "en", ["en", "my"], "Guide")
    zipfile.ZipFile(archive).extractall(tmp_path / "unzipped")
    page = browser.new_page(viewport={"width": 375, "height": 800})
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto((tmp_path / "unzipped" / "guidebook-my" / "my" / "checklists" / "housing.html").as_uri())
    assert re.search(r'href="[./]*assets/guidebook\.[0-9a-f]{8}\.css"', page.content())
    page.wait_for_selector(".gb-checklist__tools", state="visible")      # guidebook.<hash>.js ran
    assert page.locator("#hou-p01 input").bounding_box()["width"] >= 24     # guidebook.<hash>.css applied
    assert not failed
