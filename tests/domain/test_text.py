"""Cleaning of typed and pasted text: what a Chinese input method produces must compare equal."""

from __future__ import annotations

from zhucun_desktop.domain.text import normalize, normalize_compact, normalize_name


def test_full_width_digits_letters_and_brackets_become_half_width() -> None:
    assert normalize("４４０５２４ｘ") == "440524x"
    assert normalize("第一书记（队长）") == "第一书记(队长)"
    assert normalize("职务：科员") == "职务:科员"


def test_chinese_characters_and_punctuation_outside_the_full_width_ascii_block_are_kept() -> None:
    assert normalize("东风镇。“两委”《通知》、……①") == "东风镇。“两委”《通知》、……①"
    assert normalize("东风镇，新村") == "东风镇,新村"


def test_kangxi_radical_lookalikes_from_pdf_copies_become_ordinary_characters() -> None:
    # U+2F00 KANGXI RADICAL ONE and U+2FBC KANGXI RADICAL HIGH look like 一 and 高 but compare unequal.
    assert normalize("\u2f00\u2fbc") == "一高"


def test_ideographic_and_non_breaking_spaces_collapse_and_ends_are_trimmed() -> None:
    assert normalize("\u3000东风镇\u00a0\u00a0 新村\t") == "东风镇 新村"


def test_invisible_characters_are_removed() -> None:
    assert normalize("张\u200b三\ufeff") == "张三"


def test_empty_and_missing_values_give_empty_text() -> None:
    assert normalize(None) == ""
    assert normalize("\u3000 ") == ""


def test_phone_read_from_a_number_cell_loses_its_float_tail() -> None:
    assert normalize(13912345678.0) == "13912345678"


def test_compact_removes_every_space_inside_id_and_phone_numbers() -> None:
    assert normalize_compact("4405 2418\u30008001\u00a001 0014") == "440524188001010014"
    assert normalize_compact("１３９ １２３４ ５６７８") == "13912345678"


def test_compact_turns_dash_variants_into_a_hyphen() -> None:
    assert normalize_compact("0871—1234567") == "0871-1234567"
    assert normalize_compact("0871－1234567") == "0871-1234567"


def test_chinese_name_padded_with_spaces_is_joined() -> None:
    assert normalize_name("张 三") == "张三"
    assert normalize_name("张\u3000\u3000三") == "张三"
    assert normalize_name(" 欧阳 小 明 ") == "欧阳小明"


def test_minority_name_keeps_one_middle_dot() -> None:
    assert normalize_name("买买提·艾力") == "买买提·艾力"
    assert normalize_name("买买提 · 艾力") == "买买提·艾力"


def test_middle_dot_variants_become_the_middle_dot() -> None:
    for dot in ("•", "・", "．", "･", "."):
        assert normalize_name(f"阿依古丽{dot}吐尔逊") == "阿依古丽·吐尔逊", dot


def test_doubled_or_trailing_dots_are_cleaned() -> None:
    assert normalize_name("阿依古丽··吐尔逊·") == "阿依古丽·吐尔逊"


def test_name_without_chinese_characters_keeps_single_spaces() -> None:
    assert normalize_name("  John   Smith ") == "John Smith"
