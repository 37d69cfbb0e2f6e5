"""In Debian's Chromium: ticking a checklist item with the keyboard, keeping it, clearing it; and
on the project's own site in every language: nothing leaves this server, nothing answers 4xx,
no referrer, no cookies, and the page-weight budgets."""
import subprocess
import sys

import pytest

from guidebook import page_weight
from guidebook.search_check import serve
from sitefixture import PROJECT, make_site

LANGS = ("en", "th", "km", "lo", "my", "vi", "zh")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("browser"), ("en", "th"))
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]
    httpd, base = serve(site.root / "site")
    yield base.rstrip("/")
    httpd.shutdown()


def test_tick_with_keyboard_persists_and_clears(server, browser):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/checklists/housing/")
    box = page.locator("#hou-p02 input")
    assert page.get_by_role("checkbox", name="Offer long-term housing options.").count() == 1
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert "1 of 3 ticked" in page.locator(".gb-checklist__progress").inner_text()
    page.reload()
    assert page.locator("#hou-p02 input").is_checked()
    # the same checklist embedded in the chapter shares the ticks
    page.goto(f"{server}/service-areas/housing/")
    assert page.locator("#hou-p02 input").is_checked()
    page.get_by_role("button", name="Clear all ticks").click()
    assert not page.locator("#hou-p02 input").is_checked()
    page.reload()
    assert not page.locator("#hou-p02 input").is_checked()
    assert all(url.startswith(server) for url in requests), [u for u in requests if not u.startswith(server)]


def test_checkbox_targets_are_at_least_24px(server, browser):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{server}/checklists/housing/")
    size = page.locator("#hou-p01 input").bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24


def test_quick_exit_replaces_page_and_history(server, browser):
    page = browser.new_page()
    page.route("https://www.bbc.com/**", lambda route: route.fulfill(body="<title>Weather</title>ok"))
    page.goto(f"{server}/")
    page.goto(f"{server}/service-areas/housing/")
    page.get_by_role("button", name="Leave this site quickly").click()
    page.wait_for_url("https://www.bbc.com/weather")
    page.go_back()
    # the chapter's history entry was replaced: Back goes to the page before it
    assert page.url.rstrip("/") == server
    page.goto(f"{server}/service-areas/housing/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.com/weather")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    """The project's own site in every language, as `mkdocs build` makes it, served like a host
    that caches content-hashed files for a year: (site folder, base URL)."""
    target = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(target)],
                            cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    httpd, base = serve(target, cache_assets=True)
    yield target, base
    httpd.shutdown()


def pages_of(site, lang: str) -> list[str]:
    """Home, the longest chapter and the longest checklist of a language, as URL paths."""
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return [prefix, page_weight.heaviest(site, prefix + "service-areas"), page_weight.heaviest(site, prefix + "checklists")]


@pytest.mark.parametrize("lang", LANGS)
def test_pages_load_only_from_here_without_errors_referrer_or_cookies(real_site, browser, lang):
    site, base = real_site
    context = browser.new_context()
    outside, failed, requests = [], [], []

    def only_here(route) -> None:
        if route.request.url.startswith(base) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_here)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    for path in pages_of(site, lang):
        page.goto(base + path, wait_until="networkidle")
        assert page.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer", path
        assert page.evaluate("document.cookie") == "", path
    assert outside == [] and failed == [], outside + failed
    assert [r.url for r in requests if "referer" in r.all_headers()] == []
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_page_weight_budgets(real_site, browser, lang):
    """First visit <= 100 KB gzip and a further page <= 20 KB, for the longest chapter and the
    longest checklist of each language, nothing from other hosts."""
    site, base = real_site
    _, chapter, checklist = pages_of(site, lang)
    for first, then in ((chapter, checklist), (checklist, chapter)):
        visit, further = page_weight.measure(browser, site, base, first, then)
        assert visit.external == [] and further.external == []
        assert 0 < visit.bytes <= page_weight.FIRST_VISIT_BUDGET, (first, visit)
        assert 0 < further.bytes <= page_weight.FURTHER_PAGE_BUDGET, (then, further)
