"""Checking one roster (花名册) record before it is saved or imported.

The import, the GUI form and the USB merge all validate a person with :func:`validate_person_fields`,
so a row is judged the same way wherever it comes from (DESIGN.md: bad input gets a clear message
naming the field and the rule). Values are keyed by ``roster_fields.ROSTER_FIELDS`` keys and already
converted to Python values; the ``canonical_*`` helpers here turn what clerks write ("第一书记",
"预备党员", "√") into the terms of terms.py first. Each finding names the column by its header.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.dates import format_month, parse_date
from zhucun_desktop.domain.eligibility import check_posting_eligibility, check_term_length
from zhucun_desktop.domain.errors import Finding, RuleViolation
from zhucun_desktop.domain.idcard import IdInfo, check_consistency, parse_id_number
from zhucun_desktop.domain.roster_fields import FIELD_BY_KEY, ROSTER_FIELDS
from zhucun_desktop.domain.text import normalize, normalize_compact

MIN_WORKING_AGE = 16  # 劳动法: no employment under 16
MIN_PARTY_AGE = 18  # 党章: members are admitted from 18

_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(?:\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(?:-\d{1,6})?$")
_PHONE_SEPARATORS = re.compile(r"[/,;、，；]|或")

_TRUE = {"是", "√", "✓", "✔", "☑", "1", "TRUE", "T", "YES", "Y", "对", "队长"}
_FALSE = {"否", "×", "✗", "✘", "0", "FALSE", "F", "NO", "N", "不是", "无"}

_SEXES = {
    "男": "男",
    "男性": "男",
    "M": "男",
    "MALE": "男",
    "女": "女",
    "女性": "女",
    "F": "女",
    "FEMALE": "女",
}

_POLITICAL_KEYWORDS = (
    ("预备党员", terms.PROBATIONARY_MEMBER),  # first: "中国共产党预备党员" is not a full member (§4)
    ("共产党", terms.PARTY_MEMBER),
    ("中共党员", terms.PARTY_MEMBER),
    ("共青团", terms.LEAGUE_MEMBER),
    ("青年团", terms.LEAGUE_MEMBER),
    ("无党派", "无党派人士"),
)
_DEMOCRATIC_PARTIES = ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟")

_DATE_KEYS = ("birth_month", "party_join_date", "work_start_date", "start_date", "end_date")
_FIELD_ORDER = {f.header: i for i, f in enumerate(ROSTER_FIELDS)}


def _header(key: str) -> str:
    return FIELD_BY_KEY[key].header


def canonical_sex(value: object) -> str | None:
    """性别 as "男" or "女" ("男性", "M" and "F" are also written); unrecognised values come back cleaned."""
    text = normalize_compact(value)
    if not text:
        return None
    return _SEXES.get(text.upper(), text)


def canonical_role(value: object) -> str | None:
    """驻村角色 in the words of §4: "驻村第一书记" or "工作队员". ``None`` for an empty cell; an
    unrecognised value is returned cleaned but unchanged, so that validation can show it."""
    text = normalize_compact(value)
    if not text:
        return None
    if text in terms.ROLE_SYNONYMS:
        return terms.ROLE_SYNONYMS[text]
    if "第一书记" in text:  # "第一书记兼工作队长", "驻村第一书记（队长）"
        return terms.ROLE_FIRST_SECRETARY
    if text.endswith("队员"):
        return terms.ROLE_TEAM_MEMBER
    return text


def canonical_staffing(value: object) -> str | None:
    """编制性质 as one of terms.STAFFING_TYPES (§4). Variants of the three excluded kinds ("工勤编制",
    "临时聘用", "借调") map to them; only an exact "在编在岗"/"在编" is in-post staff, because a wrong
    guess there would let an ineligible person through. Unrecognised values come back cleaned."""
    text = normalize_compact(value)
    if not text:
        return None
    if text in terms.STAFFING_SYNONYMS:
        return terms.STAFFING_SYNONYMS[text]
    if "工勤" in text:
        return terms.STAFFING_SERVICE
    if "临聘" in text or "临时聘用" in text or "编外聘用" in text:
        return terms.STAFFING_TEMPORARY
    if "借用" in text or "借调" in text:
        return terms.STAFFING_BORROWED
    return text


def canonical_political_status(value: object) -> str | None:
    """政治面貌 as one of terms.POLITICAL_STATUSES; 预备党员 stays distinct from 中共党员 (§4)."""
    text = normalize_compact(value)
    if not text:
        return None
    if text in terms.POLITICAL_SYNONYMS:
        return terms.POLITICAL_SYNONYMS[text]
    for keyword, status in _POLITICAL_KEYWORDS:
        if keyword in text:
            return status
    if any(p in text for p in _DEMOCRATIC_PARTIES):
        return "民主党派"
    return text


def canonical_bool(value: object, *, field: str = "是否队长") -> bool | None:
    """A yes/no cell (是否队长): 是/否, √/×, 1/0, true/false, yes/no; ``None`` when empty.

    Raises :class:`RuleViolation` for anything else rather than guessing a team leader.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = normalize_compact(value).upper()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise RuleViolation(field, f"无法识别“{value}”，请填写“是”或“否”")


def is_valid_phone(value: object) -> bool:
    """An 11-digit mainland mobile (1[3-9]…) or a landline with area code such as 0871-1234567.
    Several numbers in one cell ("139…/0871-…") must each be valid."""
    text = normalize_compact(value)
    parts = [p for p in _PHONE_SEPARATORS.split(text) if p]
    return bool(parts) and all(_MOBILE.match(p) or _LANDLINE.match(p) for p in parts)


def _months(d: date) -> int:
    return d.year * 12 + d.month - 1


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not normalize(value))


def _check_choice(key: str, value: object, allowed: tuple[str, ...], findings: list[Finding]) -> None:
    if not _empty(value) and value not in allowed:
        findings.append(Finding.error(_header(key), f"“{value}”不是规定的值，应为：{'、'.join(allowed)}"))


def _dates(values: Mapping[str, object], findings: list[Finding]) -> dict[str, date | None]:
    """Dates as ``date``; a value still in text form is read here, and an unreadable one reported."""
    result: dict[str, date | None] = {}
    for key in _DATE_KEYS:
        try:
            result[key] = parse_date(values.get(key), field=_header(key))
        except RuleViolation as exc:
            findings.append(exc.to_finding())
            result[key] = None
    return result


def _life_order(birth: date, dates: dict[str, date | None], findings: list[Finding]) -> None:
    """入党时间 and 参加工作时间 must come after birth, and work at 16 or later. Forms give these as
    months, so whole months are compared: a clerk's month must not be turned into an error by a day."""
    joined = dates["party_join_date"]
    if joined is not None:
        if _months(joined) <= _months(birth):
            findings.append(
                Finding.error(
                    _header("party_join_date"),
                    f"入党时间{format_month(joined)}不晚于出生年月{format_month(birth)}，请核对",
                )
            )
        elif _months(joined) - _months(birth) < MIN_PARTY_AGE * 12:
            findings.append(
                Finding.warning(
                    _header("party_join_date"),
                    f"入党时不满{MIN_PARTY_AGE}岁（出生{format_month(birth)}，入党{format_month(joined)}），请核对",
                )
            )
    started = dates["work_start_date"]
    if started is not None:
        if _months(started) <= _months(birth):
            findings.append(
                Finding.error(
                    _header("work_start_date"),
                    f"参加工作时间{format_month(started)}不晚于出生年月{format_month(birth)}，请核对",
                )
            )
        elif _months(started) - _months(birth) < MIN_WORKING_AGE * 12:
            findings.append(
                Finding.error(
                    _header("work_start_date"),
                    f"参加工作时不满{MIN_WORKING_AGE}岁（出生{format_month(birth)}，"
                    f"参加工作{format_month(started)}），请核对",
                )
            )


def validate_person_fields(values: Mapping[str, object], *, today: date | None = None) -> list[Finding]:
    """Every problem of one roster record, errors and warnings, ordered by roster column.

    Checks: required columns present; 性别, 驻村角色, 编制性质, 政治面貌 are canonical terms; the
    身份证号 is valid (GB 11643-1999) and agrees with 性别 and 出生年月; 驻村结束时间 is after
    驻村开始时间 (a term under 2 years is a §4 warning); 入党时间 and 参加工作时间 come after birth, work
    at 16 or later; 联系电话 looks like a phone number (a warning); and the §4 eligibility for the
    role, judged on the posting's start date (or ``today`` when it is missing).
    """
    today = today or date.today()
    findings: list[Finding] = []

    for field in ROSTER_FIELDS:
        if field.required and _empty(values.get(field.key)):
            findings.append(Finding.error(field.header, "必须填写"))

    sex = values.get("sex")
    _check_choice("sex", sex, terms.SEXES, findings)
    _check_choice("role", values.get("role"), terms.ROLES, findings)
    _check_choice("staffing", values.get("staffing"), terms.STAFFING_TYPES, findings)
    _check_choice("political_status", values.get("political_status"), terms.POLITICAL_STATUSES, findings)

    dates = _dates(values, findings)

    info: IdInfo | None = None
    if not _empty(values.get("id_number")):
        try:
            info = parse_id_number(values.get("id_number"), today=today)
        except RuleViolation as exc:
            findings.append(exc.to_finding())
    if info is not None:
        findings += check_consistency(
            info, sex=sex if sex in terms.SEXES else None, birth=dates["birth_month"]
        )

    birth = info.birth_date if info is not None else dates["birth_month"]
    if birth is not None:
        _life_order(birth, dates, findings)

    start, end = dates["start_date"], dates["end_date"]
    if start is not None and end is not None and end <= start:
        findings.append(
            Finding.error(
                _header("end_date"), f"驻村结束时间{end.isoformat()}应晚于驻村开始时间{start.isoformat()}"
            )
        )
    findings += check_term_length(start, end)

    phone = values.get("phone")
    if not _empty(phone) and not is_valid_phone(phone):
        findings.append(
            Finding.warning(
                _header("phone"),
                f"“{normalize(phone)}”不像11位手机号或带区号的固定电话（如0871-1234567），请核对",
            )
        )

    # A column already in error (say 编制性质 "事业编制") is not reported a second time by §4.
    in_error = {f.field for f in findings if f.is_error}
    eligibility = check_posting_eligibility(
        role=values.get("role") if values.get("role") in terms.ROLES else None,
        staffing=values.get("staffing"),
        political_status=values.get("political_status"),
        party_join_date=dates["party_join_date"],
        work_start_date=dates["work_start_date"],
        on_date=start or today,
    )
    findings += [f for f in eligibility if f.field not in in_error]

    return sorted(findings, key=lambda f: _FIELD_ORDER.get(f.field, len(_FIELD_ORDER)))
