"""The printed 考勤表 (§7), read back with pypdf and poppler: pagination, signature block, seal, fonts, shading.

``make_sheet`` builds a realistic township month (October 2026: 国庆 1–7 off, Saturday the 10th a 调休 working
day; postings starting or ending mid-month) and is shared with the XLSX tests.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from zhucun_desktop.domain.attendance_rules import DEFAULT_CODES, month_days
from zhucun_desktop.reports import attendance_pdf
from zhucun_desktop.reports.attendance_data import AttendanceSheet, AttendanceSheetRow
from zhucun_desktop.reports.attendance_pdf import render_attendance_pdf

_NAME_TEXT = (
    "欧阳晓峰 买买提·艾力 王建国 李秀英 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周杰 吴娟 徐明 孙涛 马骏 朱敏 胡军 郭艳 何勇 高峰 "
    "林芳 罗强 郑洁 梁斌 谢娜 宋刚 唐敏 许浩 韩雪 冯超 邓霞 曹阳 彭辉 曾琳 肖鹏 田甜 董亮 袁媛 潘磊 蒋英 蔡明 余波 "
    "杜鹃 叶青 程飞 苏婷 魏东 吕萍 丁宁 任杰 沈冰 姚远 卢静 姜山 崔颖 钟华 谭军 陆瑶 汪洋 司马文轩"
)
NAMES = tuple(_NAME_TEXT.split())  # sixty, with a 复姓, a 维吾尔 name with "·" and a four-character name
# fmt: off
VILLAGES = ("柳树村", "大河村", "新华村", "李家湾村", "上坪村", "石门坎村", "青龙社区", "白岩村", "红岩村", "桃园村")
# fmt: on
HASH = "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a"
PRINTED = datetime(2026, 11, 4, 9, 30)
IN_POST = ("√", "公")


def make_id(n: int) -> str:
    """A valid 18-digit 身份证号 (GB 11643-1999 check digit), distinct for each ``n``."""
    first17 = f"510921{1970 + n % 25}{n % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def day_kinds(days: list[date]) -> list[str]:
    """Weekends off; in October 2026 also 国庆 10-01…10-07 off and Saturday 10-10 worked (调休)."""
    kinds = []
    for d in days:
        if (d.year, d.month) == (2026, 10) and d.day <= 7:
            kinds.append("节假日")
        elif d == date(2026, 10, 10):
            kinds.append("调休上班")
        else:
            kinds.append("休息日" if d.weekday() >= 5 else "工作日")
    return kinds


def make_row(
    n: int, name: str, days: list[date], kinds: list[str], editable: list[bool], rnd
) -> AttendanceSheetRow:
    codes: list[str | None] = []
    for kind, inside in zip(kinds, editable):
        r = rnd.random()
        if not inside:
            codes.append(None)
        elif kind in ("休息日", "节假日"):
            codes.append("休" if r < 0.5 else "√")
        else:
            codes.append("√" if r < 0.9 else "旷" if r > 0.997 else rnd.choice("公公公事事病年"))
    by_code = {c.code: 0 for c in DEFAULT_CODES}
    for code in codes:
        if code:
            by_code[code] += 1
    working = sum(inside and k in ("工作日", "调休上班") for inside, k in zip(editable, kinds))
    return AttendanceSheetRow(
        name=name, id_number=make_id(n), role="驻村第一书记" if n % 4 == 0 else "工作队员",
        village=VILLAGES[n // 4 % len(VILLAGES)], is_leader=n % 4 == 0, codes=codes, editable=editable,
        in_post_days=sum(by_code[c] for c in IN_POST), working_days_in_post=working, by_code=by_code,
        absent_days=by_code["旷"],
    )  # fmt: skip


def make_sheet(
    n: int = 60,
    *,
    township: str = "东风镇",
    year: int = 2026,
    month: int = 10,
    sealed: bool = True,
    first_id: int = 0,
    seed: int = 1,
) -> AttendanceSheet:
    """A township's month: ``n`` cadres; every 9th arrives on the 16th, every 13th leaves after the 20th."""
    rnd = random.Random(seed)
    days = month_days(year, month)
    kinds = day_kinds(days)
    rows = []
    for i in range(n):
        editable = [True] * len(days)
        if i % 9 == 4:
            editable = [d.day >= 16 for d in days]
        if i % 13 == 7:
            editable = [d.day <= 20 for d in days]
        name = NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i // len(NAMES)))
        rows.append(make_row(first_id + i, name, days, kinds, editable, rnd))
    return AttendanceSheet(
        county="XX县", township=township, year=year, month=month, days=days, day_kinds=kinds, rows=rows,
        legend=[(c.code, c.label) for c in DEFAULT_CODES], state="已封存" if sealed else "未完成",
        content_hash=HASH if sealed else None, sealed_at=datetime(2026, 11, 3, 16, 5) if sealed else None,
        due=date(year + month // 12, month % 12 + 1, 6), filler="李小燕", printed_at=PRINTED,
    )  # fmt: skip


def _render(
    tmp_path: Path, *sheets: AttendanceSheet, name: str = "考勤表.pdf"
) -> tuple[Path, int, PdfReader]:
    path = tmp_path / name
    pages = render_attendance_pdf(list(sheets), path)
    return path, pages, PdfReader(path)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_60_cadres_take_two_pages_with_title_header_and_footer_on_each(tmp_path) -> None:
    sheet = make_sheet(60)
    _, pages, pdf = _render(tmp_path, sheet)
    assert pages == len(pdf.pages) == 2
    for n, page in enumerate(pdf.pages, start=1):
        text = page.extract_text()
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            842,
            595,
        )  # A4 landscape
        assert sheet.title == "东风镇驻村第一书记和工作队员考勤表（2026年10月）"
        assert sheet.title in _flat(text)
        assert f"第 {n} 页 共 2 页" in text and "打印时间：2026-11-04 09:30" in text
        for header in (
            "序号",
            "姓名",
            "驻村身份",
            "所驻村",
            "在岗天数",
            "工作日在岗",
            "公出",
            "事假",
            "年休假",
            "旷工",
        ):
            assert header in _flat(text), (n, header)  # the header repeats
        assert f"已封存 校验码：{HASH[:16]}…" in text and HASH in _flat(text)
    everything = _flat("".join(page.extract_text() for page in pdf.pages))
    assert all(row.name in everything for row in sheet.rows)
    assert "欧阳晓峰" in everything and "买买提·艾力" in everything


def test_the_signature_block_and_due_date_close_the_last_page_only(tmp_path) -> None:
    _, _, pdf = _render(tmp_path, make_sheet(60))
    first, last = (_flat(p.extract_text()) for p in (pdf.pages[0], pdf.pages[-1]))
    for text in (
        "填表人：李小燕",
        "乡镇党委书记（签字）：",
        "乡镇党委（盖章）",
        "年",
        "报送期限：次月第5个工作日前（2026年11月6日）",
    ):
        assert text in last
    assert "乡镇党委书记（签字）" not in first and "合计" not in first
    assert "合计" in last and "共60人" in last
    assert (
        "考勤符号：√在岗；公公出（出差出访/学习考察/参会培训）；事事假" in first
    )  # the legend on every page


def test_two_townships_each_start_a_page_and_number_their_own(tmp_path) -> None:
    _, pages, pdf = _render(tmp_path, make_sheet(60), make_sheet(12, township="红星乡", first_id=100))
    assert pages == 3
    texts = [p.extract_text() for p in pdf.pages]
    assert "第 2 页 共 2 页" in texts[1] and "东风镇" in _flat(texts[1])
    assert "第 1 页 共 1 页" in texts[2] and "红星乡驻村第一书记和工作队员考勤表（2026年10月）" in _flat(
        texts[2]
    )
    assert "乡镇党委书记（签字）" in texts[1] and "乡镇党委书记（签字）" in texts[2]


def test_an_unsealed_table_says_draft_on_every_page_and_has_no_hash(tmp_path) -> None:
    _, _, pdf = _render(tmp_path, make_sheet(60, sealed=False))
    for page in pdf.pages:
        text = page.extract_text()
        assert "未封存（草稿）" in text and "不得作为生活补助发放依据" in text
        assert "已封存" not in text and "校验码：" not in text
        # the watermark: 草稿 drawn large, outside any sentence
        assert re.search(r"(^|\n)草\s*稿?(\n|$)", text) or "草\n稿" in text, text[-200:]


def test_sixty_rows_fit_legibly_and_names_are_never_clipped(tmp_path) -> None:
    assert shutil.which("pdftotext"), "poppler-utils must be installed for this test"
    sheet = make_sheet(60)
    sheet.rows[5].name = "阿卜杜热依木·买买提明"  # eleven characters: set on two lines, smaller
    path, _, _ = _render(tmp_path, sheet)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', out)
    boxes = {w[4]: tuple(map(float, w[:4])) for w in words}
    left = attendance_pdf.MARGIN_X + attendance_pdf.FIXED_COLUMNS[0][1]
    right = left + attendance_pdf.FIXED_COLUMNS[1][1]
    for name in ("欧阳晓峰", "买买提·艾力", "司马文轩", "阿卜杜热依木·", "买买提明"):
        x0, y0, x1, y1 = boxes[name]
        assert left <= x0 and x1 <= right, name  # inside the 姓名 column
        if name in ("欧阳晓峰", "买买提·艾力", "司马文轩"):
            assert y1 - y0 >= 8.0, name  # a usual name prints at 8 pt or more
    assert attendance_pdf.ROW_H * 30 < 595 - 100 and attendance_pdf.CODE_SIZE >= 7


def test_days_outside_the_posting_print_no_code(tmp_path) -> None:
    sheet = make_sheet(1)
    row = sheet.rows[0]
    row.codes = ["旷"] * 15 + ["√"] * 16  # stale codes before a posting that starts on the 16th
    row.editable = [False] * 15 + [True] * 16
    _, _, pdf = _render(tmp_path, sheet)
    text = _flat(pdf.pages[0].extract_text())
    assert text.count("旷") == 3  # only "旷 旷工" in the legend and the 旷工 total header
    row.editable = [True] * 31
    _, _, pdf = _render(tmp_path, sheet, name="b.pdf")
    assert _flat(pdf.pages[0].extract_text()).count("旷") == 3 + 15


def _gray_at(path: Path, points: list[tuple[float, float]]) -> list[int]:
    """Grey levels (0 black … 255 white) at PDF points (x, y from the bottom), from poppler at 72 dpi."""
    subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", str(path), str(path.with_suffix(""))],
                   check=True)  # fmt: skip
    pgm = next(path.parent.glob(path.stem + "*.pgm")).read_bytes()
    magic, width, height, _max, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5"
    w, h = int(width), int(height)
    return [pixels[(h - 1 - round(y)) * w + round(x)] for x, y in points]


def test_weekends_and_holidays_are_shaded_lightly_and_the_tiaoxiu_saturday_is_marked(tmp_path) -> None:
    sheet = make_sheet(1)
    sheet.rows[0].codes = [None] * 31
    path, _, pdf = _render(tmp_path, sheet)
    assert "班" in pdf.pages[0].extract_text()  # 10-10 under its weekday 六
    form = attendance_pdf._Form(sheet, attendance_pdf.register_cjk_fonts(), PRINTED)
    y = form.body_top - attendance_pdf.ROW_H / 2  # the middle of the cadre's row
    centre = {day: form.xs[form.first_day + day - 1] + 5 for day in (3, 8, 10, 11)}
    holiday, workday, tiaoxiu, sunday = _gray_at(path, [(centre[d], y) for d in (3, 8, 10, 11)])
    assert workday == 255 and tiaoxiu == 255  # 10-08 and the 调休 Saturday 10-10 are working days
    assert 200 <= holiday < 245 and 200 <= sunday < 245  # grey, but light


def test_a_missing_calendar_shades_nothing_and_says_so(tmp_path) -> None:
    sheet = make_sheet(3)
    sheet.day_kinds = [""] * 31
    for row in sheet.rows:
        row.working_days_in_post = None
    _, _, pdf = _render(tmp_path, sheet)
    text = _flat(pdf.pages[0].extract_text())
    assert "未导入2026年工作日历" in text and "—" in text and "班" not in text


def test_all_fonts_are_embedded_truetype_subsets(tmp_path) -> None:
    assert shutil.which("pdffonts"), "poppler-utils must be installed for this test"
    path, _, pdf = _render(tmp_path, make_sheet(60, sealed=False))
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    fonts = lines[2:]
    assert fonts, lines
    for line in fonts:
        assert "TrueType" in line and re.search(r"\byes\s+yes\s+yes\b", line), line  # emb, sub, uni
        assert not re.search(r"Helvetica|Times|Courier|Symbol|ZapfDingbats", line), line
    for page in pdf.pages:
        for ref in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in ref.get_object()["/FontDescriptor"].get_object()


def test_a_failed_render_keeps_the_old_file_and_nothing_is_asked_for_nothing(tmp_path, monkeypatch) -> None:
    path, _, _ = _render(tmp_path, make_sheet(2))
    before = path.read_bytes()

    def power_cut(self: Canvas) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(Canvas, "save", power_cut)
    with pytest.raises(RuntimeError, match="power cut"):
        render_attendance_pdf([make_sheet(3)], path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    with pytest.raises(ValueError):
        render_attendance_pdf([], tmp_path / "none.pdf")
