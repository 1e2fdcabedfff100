"""Cleaning what clerks type or paste before any rule looks at it.

Township PCs use Chinese input methods, so the same roster arrives with full-width digits
(``４４０５…``), full-width brackets (``第一书记（队长）``), ideographic spaces (U+3000) between the
two characters of a name, non-breaking spaces from web pages, and Kangxi-radical look-alikes from text
copied out of PDF notices. Two values that mean the same must compare equal, or the same cadre is
entered twice and an ID check fails on a character nobody can see.

Only the full-width ASCII block (digits, letters, and punctuation such as （）：，), invisible and space
characters, and CJK compatibility look-alikes are changed; CJK characters and the punctuation outside
that block (。“”《》、……, ①) are kept as typed. These functions are meant for cell values (names,
numbers, dates, terms); free prose such as a 问题描述 is better stored as the user wrote it.
"""

from __future__ import annotations

import re
import unicodedata

# U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E; U+3000 is the ideographic space.
_FULL_TO_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20

# Invisible characters that sneak in from Word, web pages and PDF copies; they are not \s.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WHITESPACE = re.compile(r"\s+")

# Ranges whose characters are look-alikes of ordinary CJK ideographs: Kangxi radicals,
# CJK radicals supplement, CJK compatibility ideographs (and supplement). NFKC maps them to the
# unified ideograph, which is what a search or a comparison needs.
_CJK_LOOKALIKE = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")

# Dashes that stand for a hyphen in phone numbers and dates ("0871—1234567", "2023–05–01").
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"))

MIDDLE_DOT = "\u00b7"  # "·", the separator of transliterated minority names (买买提·艾力)
# Variants of the middle dot that input methods and fonts produce; "." is what "．" becomes after normalize.
_DOT_VARIANTS = re.compile("[\u2022\u30fb\uff65\u2027\u2219\u22c5\u00b7\u0387\ufe52.]")
_HAS_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")

# Any character one of the steps of normalize() could change: full-width forms and U+3000, invisible
# characters, CJK look-alikes, whitespace other than a plain space, or two whitespace characters in a row.
_NEEDS_WORK = re.compile(
    "[\uff01-\uff5e\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]|[^\\S ]|\\s\\s"
)


def _to_text(value: object) -> str:
    if value is None:
        return ""
    # A number cell (phone, ID typed as number) comes from openpyxl as float: 13912345678.0 -> "13912345678".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def normalize(value: object) -> str:
    """Full-width ASCII to half-width, CJK look-alikes to the ideograph, invisible characters removed,
    runs of any whitespace (U+3000, non-breaking spaces, tabs, new lines) collapsed to one space,
    ends trimmed. ``None`` gives ``""``; numbers give their text."""
    text = _to_text(value)
    # A roster import calls this about 50 times a row and almost every cell is already clean: one search
    # decides whether any of the replacements below could change the text.
    if _NEEDS_WORK.search(text) is None:
        return text.strip()
    return _normalize_text(text)


def _normalize_text(text: str) -> str:
    """The replacements of :func:`normalize`, all of them, on a cell's text."""
    text = text.translate(_FULL_TO_HALF)
    text = _ZERO_WIDTH.sub("", text)
    text = _CJK_LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _WHITESPACE.sub(" ", text).strip()


def normalize_compact(value: object) -> str:
    """:func:`normalize` with every space removed and dash variants made "-": for 身份证号, phone
    numbers and dates, where a space is never part of the value (``"4405 2418 8001 0100 14"``)."""
    # normalize() leaves single plain spaces only, and no dash variant is a space.
    return normalize(value).translate(_DASHES).replace(" ", "")


def normalize_name(value: object) -> str:
    """A person's name as it should be stored.

    Chinese names are written without spaces; clerks pad two-character names to the width of three
    (``"张  三"``), so every space goes. Transliterated minority names keep one middle dot "·" between
    their parts, whatever dot the input method produced (•, ・, ．, ･). A name with no CJK character
    (rare: a foreign expert) keeps single spaces between its words and its dots as typed.
    """
    text = normalize(value)
    if not _HAS_CJK.search(text):
        return text
    text = _WHITESPACE.sub("", text)
    text = _DOT_VARIANTS.sub(MIDDLE_DOT, text)
    text = re.sub(f"{MIDDLE_DOT}{{2,}}", MIDDLE_DOT, text)
    return text.strip(MIDDLE_DOT)
