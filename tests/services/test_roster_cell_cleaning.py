"""Roster cells are cleaned by ``normalize`` about 50 times a row, so it skips the work for text that is
already clean.  The shortcut must never change a result: every cell gives what the full cleaning gives."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from zhucun_desktop.domain.text import _DASHES, _normalize_text, _to_text, normalize, normalize_compact

# One or more characters of each kind normalize() treats specially, their neighbours just outside each
# range, and ordinary roster text.
TRICKY = (
    "\uff00\uff01\uff10\uff5e\uff5f\u3000\u3001"  # full-width block edges, ideographic space and comma
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e"  # invisible characters, and one normalize() keeps
    "\u2e7f\u2e80\u2eff\u2f00\u2fd5\u2fdf\u2fe0\uf8ff\uf900\ufaff\ufb00\U0002f800\U0002fa1f\U0002fa20"
    " \t\n\r\x0b\x0c\x1c\x85\xa0\u1680\u2000\u2028\u202f\u205f"  # whitespace of every kind
    "\u2013\u2014\u2212-·•．"
    "王建国第一书记中共党员0123456789Xx年月-.()（）"
)


def _full_compact(value: object) -> str:
    return re.sub(r"\s+", "", _normalize_text(_to_text(value)).translate(_DASHES))


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        " ",
        "  ",
        "王建国",
        " 王建国 ",
        "王 建国",
        "王  建国",
        "王\u3000建国",
        "王\u00a0建国",
        "\t王建国\n",
        "4405 2418 8001 0100 14",
        "５３０１０２１９８５０３１２００１５",
        "0871—1234567",
        "第一书记（队长）",
        "\u2f00\u2f08",
        "\ufeff中共党员",
        "汉\u200b族",
        "a\u200b b",
        " \u200b ",
        13912345678.0,
        2.5,
        7,
        True,
        datetime(2024, 3, 1),
    ],
)
def test_every_roster_cell_is_cleaned_as_the_full_cleaning_would(value) -> None:
    assert normalize(value) == _normalize_text(_to_text(value))
    assert normalize_compact(value) == _full_compact(value)


def test_random_mixtures_of_tricky_characters_are_cleaned_as_the_full_cleaning_would() -> None:
    rng = random.Random(20260)
    for _ in range(20_000):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 8)))
        assert normalize(text) == _normalize_text(text), repr(text)
        assert normalize_compact(text) == _full_compact(text), repr(text)
