"""The printed 请假审批表 (§8), read back with pypdf and poppler: two copies, a box per chain step, 销假, fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from tests.reports.leave_samples import (
    PRINTED,
    RULE_SET,
    flat,
    overlapping_words,
    page_words,
    pending_sick_leave,
    personal_leave_of_first_secretary,
    returned_annual_leave,
    sample_forms,
    save_screenshot,
    training_of_team_member,
)
from zhucun_desktop.reports import leave_form_pdf
from zhucun_desktop.reports.fonts import register_cjk_fonts
from zhucun_desktop.reports.leave_data import COPY_COUNTY, COPY_TOWNSHIP, LeaveForm, LeaveFormStep
from zhucun_desktop.reports.leave_form_pdf import (
    BODY_SIZES,
    fitted_copy,
    write_leave_form_pdf,
    write_leave_forms_pdf,
)

BLANK_SIGNATURE = "签字：______________日期：______年____月____日"


def _pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def _write(tmp_path: Path, form: LeaveForm, name: str = "请假审批表.pdf", **kwargs) -> tuple[Path, list[str]]:
    path = write_leave_form_pdf(form, tmp_path / name, **kwargs)
    return path, _pages(path)


def _assert_clean_layout(path: Path) -> None:
    """Every word inside the paper's margins and no text printed over other text."""
    for (width, height), words in page_words(path):
        assert words
        for x0, y0, x1, y1, text in words:
            assert 10 <= x0 and x1 <= width - 10 and 10 <= y0 and y1 <= height - 10, text
        assert overlapping_words(words) == []


@pytest.mark.parametrize("form", sample_forms(), ids=lambda f: f.state)
def test_each_request_prints_the_township_stub_and_the_county_copy_one_a4_page_each(tmp_path, form) -> None:
    path, pages = _write(tmp_path, form)
    reader = PdfReader(path)
    assert len(pages) == 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    stub, county = f"（第一联{COPY_TOWNSHIP}）", f"（第二联{COPY_COUNTY}）"
    assert stub in pages[0] and county not in pages[0] and f"{COPY_TOWNSHIP}第1页共2页" in pages[0]
    assert county in pages[1] and stub not in pages[1] and f"{COPY_COUNTY}第2页共2页" in pages[1]
    for n, text in enumerate(pages, start=1):
        assert text.startswith("驻村干部请假审批表")
        for expected in (
            f"姓名{form.name}",
            f"驻村身份{form.role}",
            f"派出单位{form.unit}",
            f"所驻村{form.township}{form.village}",
            f"联系电话{form.phone}",
            f"请假类别{form.kind}",
            f"共{form.days}天",
            f"外出去向{form.destination}",
            f"请假事由{form.reason}",
            f"离村期间联系方式{form.contact}",
            f"当前状态：{form.state}",
            f"编号：{form.request_no}",
            f"审批依据：{RULE_SET}",
            f"第{n}页共2页",
            f"打印时间：{PRINTED:%Y-%m-%d%H:%M}",
        ):
            assert expected in text, (n, expected)
    _assert_clean_layout(path)


def test_the_leave_period_is_written_out_with_its_day_count(tmp_path) -> None:
    _, pages = _write(tmp_path, personal_leave_of_first_secretary())
    assert "请假时间自2026年11月2日至2026年11月4日，共3天" in pages[0]


def test_every_chain_step_has_its_box_in_order_with_opinion_signer_and_date(tmp_path) -> None:
    form = training_of_team_member()
    _, pages = _write(tmp_path, form)
    assert len(pages) == 2  # six steps and long remarks: still one page per copy
    for text in pages:
        positions = [text.index(f"第{s.step_no}步{s.body}意见") for s in form.steps]
        assert positions == sorted(positions)
        assert positions[0] == text.index("第1步驻村第一书记意见")  # a team member's first signature
        for step in form.steps:
            assert f"签字：{step.signer}日期：{step.decided_on.year}年{step.decided_on.month}月" in text
            assert flat(step.remark or "") in text  # long remarks wrap, not one character lost
        assert "意见：同意。村内防汛值班" in text
        assert "意见：同意。培训期间每日" in text and "同意。同意。" not in text
        assert BLANK_SIGNATURE not in text


def test_a_pending_request_leaves_the_undecided_boxes_blank_to_sign_by_hand(tmp_path) -> None:
    form = pending_sick_leave()
    _, pages = _write(tmp_path, form)
    for text in pages:
        assert "当前状态：审批中（第2步）" in text
        assert "签字：杨帆日期：2026年11月19日" in text
        assert text.count(BLANK_SIGNATURE) == 4  # 村党支部, 乡镇党委, 县乡村振兴局, 县委组织部
        assert "第2步村党支部意见意见：签字：______________" in text


def test_a_first_secretary_names_the_handover_person_and_a_team_member_prints_a_dash(tmp_path) -> None:
    _, own = _write(tmp_path, personal_leave_of_first_secretary(), "a.pdf")
    _, member = _write(tmp_path, training_of_team_member(), "b.pdf")
    assert "工作交接人李秀英" in own[0]
    assert "工作交接人—" in member[0] and "第1步驻村第一书记意见" in member[0]


def test_the_filing_body_is_noted_only_when_the_band_files_with_it(tmp_path) -> None:
    _, short = _write(tmp_path, personal_leave_of_first_secretary(), "a.pdf")
    _, long = _write(tmp_path, training_of_team_member(), "b.pdf")
    assert all("批准后报县委组织部备案。" in text and "备案经办人：" in text for text in short)
    assert not any("备案经办人" in text for text in long)


def test_the_return_section_is_blank_until_the_return_is_registered(tmp_path) -> None:
    _, back = _write(tmp_path, returned_annual_leave(), "a.pdf")
    _, away = _write(tmp_path, training_of_team_member(), "b.pdf")
    for text in back:
        assert "当前状态：已销假" in text
        assert "销假情况应销假日期2026年11月11日实际销假日期2026年11月10日登记日期2026年11月11日" in text
        assert "备注11月10日晚返村，次日上午到乡镇党委办公室当面销假。" in text
    for text in away:
        assert "应销假日期2026年11月23日实际销假日期登记日期备注销假人（签字）：" in text


def test_after_a_refusal_the_remaining_boxes_say_no_signature_is_needed(tmp_path) -> None:
    form = pending_sick_leave()
    form.steps[1] = LeaveFormStep(
        2, "村党支部", "不同意", "王德富", form.steps[0].decided_on, "村内换届期间不宜离村。"
    )
    form.state = "未批准"
    _, pages = _write(tmp_path, form)
    for text in pages:
        assert "意见：不同意。村内换届期间不宜离村。签字：王德富" in text
        assert text.count("（审批未通过，本步无需签署）") == 3
        assert BLANK_SIGNATURE not in text


def test_six_undecided_steps_still_fit_one_page_per_copy_at_a_legible_size(tmp_path) -> None:
    form = training_of_team_member()
    form.steps = [LeaveFormStep(s.step_no, s.body) for s in form.steps]
    form.state = "审批中（第1步）"
    path, pages = _write(tmp_path, form)
    assert len(pages) == 2 and all(text.count(BLANK_SIGNATURE) == 6 for text in pages)
    assert fitted_copy(form, COPY_TOWNSHIP, register_cjk_fonts())[1] >= 9.0
    _assert_clean_layout(path)


def test_long_remarks_wrap_and_shrink_the_font_only_down_to_8_pt(tmp_path) -> None:
    form = training_of_team_member()
    form.reason *= 3
    form.steps = [
        replace(s, remark=(s.remark or "同意。") + "请严格遵守培训纪律，按时返岗。" * 8) for s in form.steps
    ]
    path, pages = _write(tmp_path, form)
    size = fitted_copy(form, COPY_TOWNSHIP, register_cjk_fonts())[1]
    assert len(pages) == 2 and BODY_SIZES[-1] == 8.0 <= size < BODY_SIZES[0]
    for text in pages:
        assert all(flat(s.remark) in text for s in form.steps) and flat(form.reason) in text
    _assert_clean_layout(path)


def test_remarks_too_long_for_any_size_continue_on_a_second_page_without_losing_a_word(tmp_path) -> None:
    form = training_of_team_member()
    form.steps = [
        replace(s, remark="同意，" + "培训期间每日向村“两委”通报情况并按时返岗，" * 30) for s in form.steps
    ]
    path, pages = _write(tmp_path, form, copies=(COPY_TOWNSHIP,))
    assert len(pages) >= 2
    everything = "".join(pages)
    assert everything.count("通报情况并按时返岗") == 30 * 6
    assert all(s.signer in everything for s in form.steps)
    assert all(f"乡镇存根第{n}页共{len(pages)}页" in text for n, text in enumerate(pages, start=1))
    _assert_clean_layout(path)


def test_several_requests_print_into_one_file_each_in_both_copies(tmp_path) -> None:
    forms = sample_forms()
    path = write_leave_forms_pdf(forms, tmp_path / "批量.pdf")
    pages = _pages(path)
    assert len(pages) == 8
    for n, text in enumerate(pages):
        form = forms[n // 2]
        assert f"姓名{form.name}" in text and f"第{n + 1}页共8页" in text
        assert ("乡镇存根" if n % 2 == 0 else "县委组织部备案联") in text


def test_one_copy_can_be_printed_alone(tmp_path) -> None:
    _, pages = _write(tmp_path, pending_sick_leave(), copies=(COPY_COUNTY,))
    assert len(pages) == 1 and "（第二联县委组织部备案联）" in pages[0]


def test_markup_characters_print_as_typed(tmp_path) -> None:
    form = personal_leave_of_first_secretary()
    form.unit = "县科技&农业局<驻村办>"
    form.reason = "家中有事 <急>\n需回家处理"
    _, pages = _write(tmp_path, form)
    assert "派出单位县科技&农业局<驻村办>" in pages[0] and "家中有事<急>需回家处理" in pages[0]


def test_all_fonts_are_embedded_truetype_subsets(tmp_path) -> None:
    assert shutil.which("pdffonts"), "poppler-utils must be installed for this test"
    path = write_leave_forms_pdf(sample_forms(), tmp_path / "all.pdf")
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert lines[2:], lines
    for line in lines[2:]:
        assert "TrueType" in line and re.search(r"\byes\s+yes\s+yes\b", line), line
        assert not re.search(r"Helvetica|Times|Courier|Symbol|ZapfDingbats", line), line


def test_nothing_to_print_is_refused_and_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch) -> None:
    with pytest.raises(ValueError, match="没有要打印的请假审批表"):
        write_leave_forms_pdf([], tmp_path / "none.pdf")
    with pytest.raises(ValueError, match="请至少选择一联"):
        write_leave_form_pdf(pending_sick_leave(), tmp_path / "none.pdf", copies=())
    path, _ = _write(tmp_path, pending_sick_leave())
    before = path.read_bytes()

    def power_cut(self: Canvas) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(Canvas, "save", power_cut)
    with pytest.raises(OSError, match="power cut"):
        write_leave_form_pdf(training_of_team_member(), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_screenshot_of_the_six_step_form_for_the_readme(tmp_path) -> None:
    path, _ = _write(tmp_path, training_of_team_member())
    png = save_screenshot(path, "leave_form")
    from PIL import Image

    with Image.open(png) as image:
        assert abs(image.width - 595 * 70 / 72) <= 1 and abs(image.height - 842 * 70 / 72) <= 1
        colours = image.convert("L").getcolors(256) or []
        assert len(colours) > 20  # text, grid lines and grey label cells, not a blank page
    assert leave_form_pdf.FORM_TITLE == "驻村干部请假审批表"


def test_a_withdrawn_request_prints_when_and_why_it_was_withdrawn(tmp_path) -> None:
    form = replace(pending_sick_leave(), state="已撤回", withdrawn_on=date(2026, 11, 2),
                   withdraw_reason="村里临时有防汛任务")
    _path, pages = _write(tmp_path, form)
    assert all("当前状态：已撤回（2026-11-02：村里临时有防汛任务）" in flat(page) for page in pages)
