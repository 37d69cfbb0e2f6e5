"""Small throwaway sites for tests: the real mkdocs.yml, hooks and theme, a handful of pages."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent

CHECKLIST = """\
---
type: checklist
title: Safe and affordable accommodation
service_area: 1
summary: Key points for safe, satisfactory and affordable housing.
sources:
  - doc: "000"
    ref: Service area 1 checklist
sections:
  - id: programming
    items:
      - id: hou-p01
        title: Make emergency housing available.
        text: Temporary places to stay must exist for people who have just left a trafficking situation.
      - id: hou-p02
        title: Offer long-term housing options.
        text: Plan for where a person will live once the emergency has passed.
  - id: children
    items:
      - id: hou-c01
        title: Support family reunification for children.
        text: Where it is safe, children go home to their family first.
---
A short introduction.
"""

CHAPTER = """\
---
type: chapter
title: Housing, care and accommodation
service_area: 1
summary: Where people stay after trafficking, and why it matters for recovery.
sources:
  - doc: "000"
    ref: Service area 1
---
## Needs {#needs}

People need somewhere safe to live. See the [BID](../glossary.md#bid).

## Case studies {#case-studies}

<!-- insert: case-studies -->

## Checklist {#checklist}

<!-- insert: checklist housing -->
"""

CASE = """\
---
type: case-study
kind: case-study
title: A home lost to migration debt
origin: MM
destination: TH
sex: male
age_group: adult
exploitation: [labour]
sector: fishing
service_areas: [1, 5]
source:
  doc: "000"
  ref: Service area 1, case-studies box
---
He borrowed against the family house to pay for migration and the family lost it.
"""

INDEX = """\
---
type: page
title: Guidebook home
summary: The home page of the test site.
---
Welcome.

<!-- insert: service-area-index -->
"""

GLOSSARY_PAGE = """\
---
type: page
title: Glossary
summary: Terms used in the guidebook.
---
<!-- insert: glossary -->
"""

GLOSSARY = """\
terms:
  - id: bid
    term: Best interests determination
    abbr: BID
    definition: A formal process with safeguards that decides what is best for a child.
"""

TH_CHECKLIST = CHECKLIST.replace("Safe and affordable accommodation", "ที่พักที่ปลอดภัยและราคาเหมาะสม").replace(
    "Make emergency housing available.", "จัดให้มีที่พักฉุกเฉิน").replace(
    "sections:", "translation:\n  source_hash: {hash}\n  status: draft\nsections:")


TH_UI = """\
language_name: ภาษาไทย
banners:
  not_translated: หน้านี้ยังไม่ได้แปลเป็น{language} จึงแสดงเป็นภาษาอังกฤษ
  outdated: หน้าภาษาอังกฤษมีการเปลี่ยนแปลงหลังจากแปลหน้านี้
  outdated_link: อ่านหน้าภาษาอังกฤษฉบับปัจจุบัน
  draft: คำแปลนี้เป็นฉบับร่าง
  fallback_label: ข้อความภาษาอังกฤษ
"""


def english_files() -> dict[str, str]:
    ui = (PROJECT / "docs" / "ui.yml").read_text(encoding="utf-8")
    return {
        "docs/index.md": INDEX,
        "docs/ui.yml": ui,
        "docs/glossary.md": GLOSSARY_PAGE,
        "docs/glossary.yml": GLOSSARY,
        "docs/service-areas/housing.md": CHAPTER,
        "docs/checklists/housing.md": CHECKLIST,
        "docs/case-studies/housing-cs-01.md": CASE,
    }


@dataclass
class Site:
    root: Path

    def write(self, relpath: str, text: str) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def build(self, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
                              cwd=self.root, capture_output=True, text=True)

    def html(self, relpath: str) -> str:
        return (self.root / "site" / relpath).read_text(encoding="utf-8")


def make_site(tmp: Path, languages: tuple[str, ...] = ("en", "th", "km", "lo"),
              nav: list | None = None) -> Site:
    """A site using the project's real mkdocs.yml, hooks and overrides, with fixture content."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(PROJECT / "scripts" / "guidebook" / "hooks.py")]
    config["theme"]["custom_dir"] = str(PROJECT / "overrides")
    config["watch"] = []
    config["nav"] = nav or [
        {"Home": "index.md"},
        {"Service areas": ["service-areas/housing.md"]},
        {"Checklists": ["checklists/housing.md"]},
        {"Glossary": "glossary.md"},
    ]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["languages"] = [entry for entry in plugin["i18n"]["languages"]
                                           if entry["locale"] in languages]
    site = Site(tmp)
    site.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    for relpath, text in english_files().items():
        site.write(relpath, text)
    for lang in languages[1:]:
        source = PROJECT / "translations" / lang / "ui.yml"
        if lang == "th":
            site.write("translations/th/ui.yml", TH_UI)
        elif source.exists():
            site.write(f"translations/{lang}/ui.yml", source.read_text(encoding="utf-8"))
    return site
