"""A 通报 (§14) printed in the usual layout of an official document: red masthead with the issuing body, the
文号, the title ``关于……情况的通报``, indented body paragraphs, issuing body and date at the end."""

from __future__ import annotations

import subprocess
from datetime import date, datetime

from pypdf import PdfReader

from zhucun_desktop.reports.circular_pdf import CircularPrint, render_circular_pdf

BODY = "\n".join([
    "各乡镇党委，县直各派出单位：",
    "为进一步规范和加强驻村第一书记和工作队管理，县委组织部开展了专项督查。现将发现的问题通报如下：",
    "一、发现的主要问题",
    *(f"（{n}）某某村驻村工作队工作日志记录简单，部分日期与考勤不一致。" for n in "一二三四五六七八九十"),
    "二、有关要求",
    "各乡镇党委要对照通报问题抓好整改。",
    "特此通报。",
])


def circular() -> CircularPrint:
    return CircularPrint(title="关于2026年驻村工作专项督查发现问题情况的通报", doc_number="云组通〔2026〕15号",
                         body=BODY, issuer="中共云岭县委组织部", issued_on=date(2026, 10, 14),
                         printed_at=datetime(2026, 10, 14, 9, 0))


def test_the_circular_reads_in_order_masthead_number_title_body_issuer_and_date(tmp_path):
    out = tmp_path / "通报.pdf"
    render_circular_pdf(circular(), out)
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    flat = text.replace("\n", "").replace(" ", "")
    order = ["中共云岭县委组织部", "云组通〔2026〕15号", "关于2026年驻村工作专项督查发现问题情况的通报",
             "各乡镇党委，县直各派出单位：", "一、发现的主要问题", "（十）某某村", "特此通报。",
             "中共云岭县委组织部2026年10月14日"]
    positions = [flat.find(part) for part in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert len(reader.pages) == 2 and "— 2 —" in reader.pages[1].extract_text()
    assert reader.metadata.title == "关于2026年驻村工作专项督查发现问题情况的通报"


def test_the_masthead_is_red_and_the_page_is_portrait(tmp_path):
    out = tmp_path / "通报.pdf"
    render_circular_pdf(circular(), out)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(tmp_path / "c")], check=True)
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(tmp_path / "c-1.png"))
    top = image.height() // 5
    red = sum(1 for x in range(image.width()) for y in range(top)
              if (c := QColor(image.pixel(x, y))).red() > 180 and c.green() < 90 and c.blue() < 90)
    red_below = sum(1 for x in range(image.width()) for y in range(top, image.height())
                    if (c := QColor(image.pixel(x, y))).red() > 180 and c.green() < 90 and c.blue() < 90)
    assert image.height() > image.width() and red > 200 and red_below == 0
