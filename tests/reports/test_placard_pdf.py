"""The village placard (挂牌公示, §7): one A4 portrait page per village, readable from a step away."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from zhucun_desktop.reports.attendance_data import Placard, PlacardEntry
from zhucun_desktop.reports.placard_pdf import position_text, render_placard_pdf

ON = date(2026, 11, 23)


def _placards() -> list[Placard]:
    return [
        Placard(
            "东风镇",
            "李家湾村",
            ON,
            [
                PlacardEntry("欧阳晓峰", "驻村第一书记", True, "13812345678", "在村"),
                PlacardEntry("买买提·艾力", "工作队员", False, "13987654321", "请假（事假，至11月25日）"),
                PlacardEntry(
                    "阿卜杜热依木·买买提明", "工作队员", False, "15012345678", "公出（县委组织部培训）"
                ),
                PlacardEntry("李秀英", "工作队员", False, "0871-6123456", "在村"),
            ],
        ),
        Placard(
            "东风镇", "大河村", ON, [PlacardEntry("王建国", "驻村第一书记", True, "13700001111", "轮休")]
        ),
    ]


def _render(tmp_path: Path, placards: list[Placard]) -> tuple[Path, int, PdfReader]:
    path = tmp_path / "公示牌.pdf"
    pages = render_placard_pdf(placards, path)
    return path, pages, PdfReader(path)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_one_a4_portrait_page_per_village_with_every_field(tmp_path) -> None:
    _, pages, pdf = _render(tmp_path, _placards())
    assert pages == len(pdf.pages) == 2
    first, second = (_flat(p.extract_text()) for p in pdf.pages)
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    for text in ("驻村第一书记和工作队公示牌", "东风镇李家湾村", "姓名", "驻村职务", "联系电话", "今日去向"):
        assert text in first
    assert "驻村第一书记（队长）" in first and "欧阳晓峰" in first and "13812345678" in first
    assert "请假（事假，至11月25日）" in first and "买买提·艾力" in first
    assert "公示日期：2026年11月23日" in first and "监督电话：" in first
    assert "大河村" in second and "王建国" in second and "轮休" in second
    assert "李家湾村" not in second and "欧阳晓峰" not in second


def test_names_and_phone_numbers_stay_whole(tmp_path) -> None:
    assert shutil.which("pdftotext"), "poppler-utils must be installed for this test"
    path, _, _ = _render(tmp_path, _placards())
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = re.findall(r">([^<]+)</word>", out)
    assert "0871-6123456" in words and "13812345678" in words  # never broken across lines
    assert "欧阳晓峰" in words and "买买提·艾力" in words
    assert "阿卜杜热依木·" in words and "买买提明" in words  # a long name breaks at its dot, nowhere else


def test_position_names_the_team_leader() -> None:
    assert position_text(PlacardEntry("甲", "驻村第一书记", True, "", "")) == "驻村第一书记（队长）"
    assert position_text(PlacardEntry("乙", "工作队员", False, "", "")) == "工作队员"
    assert position_text(PlacardEntry("丙", "队长", True, "", "")) == "队长"


def test_fonts_are_embedded_and_markup_characters_print(tmp_path) -> None:
    placard = Placard(
        "红星乡", "上坪村", ON, [PlacardEntry("张伟", "工作队员", False, "", "公出<县里>&培训")]
    )
    path, _, pdf = _render(tmp_path, [placard])
    text = _flat(pdf.pages[0].extract_text())
    assert "公出<县里>&培训" in text and "—" in text  # a missing phone prints a dash, not an empty box
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert lines[2:] and all(re.search(r"TrueType.*\byes\s+yes\s+yes\b", line) for line in lines[2:]), lines
    assert not any(re.search(r"Helvetica|Times|Courier", line) for line in lines)


def test_a_village_without_cadres_says_so_and_nothing_is_refused(tmp_path) -> None:
    _, pages, pdf = _render(tmp_path, [Placard("东风镇", "桃园村", ON, [])])
    assert pages == 1 and "（本村暂无驻村干部）" in pdf.pages[0].extract_text()
    with pytest.raises(ValueError):
        render_placard_pdf([], tmp_path / "none.pdf")
