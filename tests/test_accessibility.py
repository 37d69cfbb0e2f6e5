"""axe-core (WCAG 2.0/2.1 A and AA) on each kind of page, in every language, at phone width,
in the light and the dark palette: no violations allowed."""
import json
from pathlib import Path

import pytest

from guidebook.search_check import serve
from sitefixture import make_site
from test_companion import GUIDE

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
LANGS = ("en", "th", "km", "lo", "my", "vi", "zh")
PAGES = ["", "service-areas/housing/", "checklists/housing/", "case-studies/housing-cs-01/", "glossary/",
         "guides/recovery/"]
NAV = [{"Home": "index.md"}, {"Service areas": ["service-areas/housing.md"]},
       {"Checklists": ["checklists/housing.md"]}, {"Glossary": "glossary.md"},
       {"Practice guides": ["guides/recovery.md"]}]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: ./run test installs it (npm install in tests/axe)")
    site = make_site(tmp_path_factory.mktemp("a11y"), LANGS, nav=NAV)
    site.write("docs/guides/recovery.md", GUIDE)
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]
    httpd, base = serve(site.root / "site")
    yield base
    httpd.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violations(site_url, browser, lang, scheme):
    context = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(site_url + ("" if lang == "en" else f"{lang}/") + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""")
        if result:
            found[path or "home"] = result
    context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
