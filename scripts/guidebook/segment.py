"""Word segmentation shared by PDF line breaking and the search index.

Thai, Khmer, Lao, Burmese and Chinese are written without spaces between words. ICU's word
boundaries tell us where words end, so PDFs can wrap there (we insert U+200B ZERO WIDTH SPACE)
and search can index real words. Languages written with spaces come out unchanged.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from icu4py.breakers import WordBreaker
from icu4py.locale import Locale

ZWSP = "\u200b"
_TEXT_NODE = re.compile(r">([^<]+)<")


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale(lang)


def words(text: str, lang: str) -> list[str]:
    """Word-like segments of NFC text (spaces and punctuation dropped)."""
    text = unicodedata.normalize("NFC", text)
    found = []
    for start, end in WordBreaker(text, _locale(lang)).segments():
        piece = text[start:end]
        if any(ch.isalnum() for ch in piece):
            found.append(piece)
    return found


def break_opportunities(text: str, lang: str) -> str:
    """Insert ZWSP between adjacent words that have no space between them."""
    if not text.strip():
        return text
    out = []
    previous_is_word = False
    for start, end in WordBreaker(text, _locale(lang)).segments():
        piece = text[start:end]
        is_word = any(ch.isalnum() or unicodedata.category(ch).startswith("M") for ch in piece)
        if is_word and previous_is_word:
            out.append(ZWSP)
        out.append(piece)
        previous_is_word = is_word
    return "".join(out)


def break_html_text(html: str, lang: str) -> str:
    """Apply break opportunities to the text between tags, never to markup or attributes."""
    return _TEXT_NODE.sub(lambda m: ">" + break_opportunities(m.group(1), lang) + "<", html)


# Thai and Lao write some vowels before the consonant they follow in speech; dictionaries
# sort by the consonant first, so the key moves each such vowel after its consonant.
_PREPOSED_VOWEL = re.compile("([\u0E40-\u0E44\u0EC0-\u0EC4])([\u0E01-\u0E2E\u0E81-\u0EAE])")


def sort_key(text: str) -> str:
    """Dictionary order for terms in any of our scripts (code-point order elsewhere)."""
    return _PREPOSED_VOWEL.sub(r"\2\1", unicodedata.normalize("NFC", text).casefold())
