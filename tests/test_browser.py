"""In Debian's Chromium: ticking a checklist item with the keyboard, keeping it, clearing it."""
import functools
import http.server
import threading

import pytest

from sitefixture import make_site



@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("browser"), ("en", "th"))
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.root / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_tick_with_keyboard_persists_and_clears(server, browser):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/checklists/housing/")
    box = page.locator("#gb-hou-p02")
    assert page.get_by_role("checkbox", name="Offer long-term housing options.").count() == 1
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert "1 of 3 ticked" in page.locator(".gb-checklist__progress").inner_text()
    page.reload()
    assert page.locator("#gb-hou-p02").is_checked()
    # the same checklist embedded in the chapter shares the ticks
    page.goto(f"{server}/service-areas/housing/")
    assert page.locator("#gb-hou-p02").is_checked()
    page.get_by_role("button", name="Clear all ticks").click()
    assert not page.locator("#gb-hou-p02").is_checked()
    page.reload()
    assert not page.locator("#gb-hou-p02").is_checked()
    assert all(url.startswith(server) for url in requests), [u for u in requests if not u.startswith(server)]


def test_checkbox_targets_are_at_least_24px(server, browser):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{server}/checklists/housing/")
    size = page.locator("#gb-hou-p01").bounding_box()
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



def test_page_weight_budgets(tmp_path, browser):
    """First visit <= 100 KB gzip, a further page <= 20 KB, nothing from other hosts."""
    from guidebook import page_weight
    from guidebook.search_check import serve
    site = make_site(tmp_path, ("en", "th"))
    assert site.build().returncode == 0
    httpd, base = serve(site.root / "site", cache_assets=True)
    try:
        first, further = page_weight.measure(browser, site.root / "site", base, "th/service-areas/housing/",
                                             "th/checklists/housing/")
    finally:
        httpd.shutdown()
    assert first.external == [] and further.external == []
    assert 0 < first.bytes <= page_weight.FIRST_VISIT_BUDGET, first
    assert 0 < further.bytes <= page_weight.FURTHER_PAGE_BUDGET, further
