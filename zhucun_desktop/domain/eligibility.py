"""Who may be posted to a village, and for how long (§4 of the county's measures, DOMAIN.md).

§4 (人岗相适): only in-post staff (在编在岗) are posted; service staff (工勤人员), temporary hires
(临聘人员) and borrowed staff (借用人员) never are. A first secretary must be a full CPC member with at
least one year of party age and at least two years of work experience. Team members are preferably
party members: that is a preference, so it gives a warning and never blocks. A batch serves normally
not less than 2 years (每批次任期一般不少于2年).

Party age is measured from the roster's 入党时间, the only party date the roster holds, and both
dates are usually months (stored as the first day). Note that the 党章 counts 党龄 from the day a
probationary member becomes a full member; where a county reads §4 that strictly, raise
``min_party_years`` in :class:`EligibilityRules` or record the 转正 date as 入党时间.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.dates import add_years, format_month, years_between
from zhucun_desktop.domain.errors import Finding
from zhucun_desktop.domain.roster_fields import FIELD_BY_KEY
from zhucun_desktop.domain.text import normalize_compact

RULE = "§4"
TERM_YEARS = 2
MIN_PARTY_YEARS = 1
MIN_WORK_YEARS = 2

BLOCKED_STAFFING = (terms.STAFFING_SERVICE, terms.STAFFING_TEMPORARY, terms.STAFFING_BORROWED)
PARTY_MEMBERS = (terms.PARTY_MEMBER, terms.PROBATIONARY_MEMBER)

_STAFFING = FIELD_BY_KEY["staffing"].header
_POLITICAL = FIELD_BY_KEY["political_status"].header
_PARTY_JOIN = FIELD_BY_KEY["party_join_date"].header
_WORK_START = FIELD_BY_KEY["work_start_date"].header
_END = FIELD_BY_KEY["end_date"].header


@dataclass(frozen=True)
class EligibilityRules:
    """The §4 thresholds, so that a county administrator's rule set can change them without code."""

    min_party_years: int = MIN_PARTY_YEARS
    min_work_years: int = MIN_WORK_YEARS
    term_years: int = TERM_YEARS


DEFAULT_RULES = EligibilityRules()


def _canonical(value: str | None, synonyms: dict[str, str]) -> str | None:
    text = normalize_compact(value)
    return synonyms.get(text, text) or None


def default_term_end(start: date, *, rules: EligibilityRules = DEFAULT_RULES) -> date:
    """The planned end of a posting: its start plus the term of §4 (每批次任期一般不少于2年)."""
    return add_years(start, rules.term_years)


def check_term_length(
    start: date | None, end: date | None, *, rules: EligibilityRules = DEFAULT_RULES
) -> list[Finding]:
    """A planned term shorter than 2 years is a warning, not a block: §4 says "一般不少于2年", and
    §5 adjustments legitimately end postings early."""
    if start is None or end is None or end <= start or end >= add_years(start, rules.term_years):
        return []
    return [
        Finding.warning(
            _END,
            f"任期不足{rules.term_years}年（{format_month(start)}至{format_month(end)}），"
            f"每批次任期一般不少于{rules.term_years}年（§4）",
            RULE,
        )
    ]


def _first_secretary_findings(
    political_status: str | None,
    party_join_date: date | None,
    work_start_date: date | None,
    on_date: date,
    rules: EligibilityRules,
) -> list[Finding]:
    findings: list[Finding] = []
    if political_status == terms.PROBATIONARY_MEMBER:
        findings.append(
            Finding.error(_POLITICAL, "驻村第一书记须为中共正式党员（§4），预备党员不符合条件", RULE)
        )
    elif political_status != terms.PARTY_MEMBER:
        current = f"当前政治面貌为“{political_status}”" if political_status else "政治面貌未填写"
        findings.append(Finding.error(_POLITICAL, f"驻村第一书记须为中共正式党员（§4），{current}", RULE))

    # Party age only means something for a party member; for others the error above already blocks.
    if political_status in (terms.PARTY_MEMBER, terms.PROBATIONARY_MEMBER, None):
        if party_join_date is None:
            findings.append(
                Finding.error(
                    _PARTY_JOIN,
                    f"未填写入党时间，无法确认党龄满{rules.min_party_years}年（§4驻村第一书记条件）",
                    RULE,
                )
            )
        elif years_between(party_join_date, on_date) < rules.min_party_years:
            findings.append(
                Finding.error(
                    _PARTY_JOIN,
                    f"党龄不足{rules.min_party_years}年（入党时间{format_month(party_join_date)}，"
                    f"驻村开始{format_month(on_date)}），驻村第一书记须党龄满{rules.min_party_years}年（§4）",
                    RULE,
                )
            )

    if work_start_date is None:
        findings.append(
            Finding.error(
                _WORK_START,
                f"未填写参加工作时间，无法确认工作经历满{rules.min_work_years}年（§4驻村第一书记条件）",
                RULE,
            )
        )
    elif years_between(work_start_date, on_date) < rules.min_work_years:
        findings.append(
            Finding.error(
                _WORK_START,
                f"工作经历不足{rules.min_work_years}年（参加工作时间{format_month(work_start_date)}，"
                f"驻村开始{format_month(on_date)}），驻村第一书记须有{rules.min_work_years}年以上工作经历（§4）",
                RULE,
            )
        )
    return findings


def check_posting_eligibility(
    *,
    role: str | None,
    staffing: str | None,
    political_status: str | None,
    party_join_date: date | None,
    work_start_date: date | None,
    on_date: date,
    rules: EligibilityRules = DEFAULT_RULES,
) -> list[Finding]:
    """May this person be posted in this role from ``on_date`` (the posting's start)? §4.

    Errors block the posting: staffing other than 在编在岗 (工勤人员, 临聘人员, 借用人员 are named by
    §4; anything else is not in-post staff either); for a 驻村第一书记, political status other than
    中共党员 (a 预备党员 is not yet a full member), party age under one year or 入党时间 missing, work
    experience under two years or 参加工作时间 missing. A 工作队员 who is not a party member
    (中共党员 or 中共预备党员) gets a warning: §4 prefers party members, it does not require them.

    Values are expected canonical (terms.py); common synonyms such as "预备党员" are also understood.
    """
    role = _canonical(role, terms.ROLE_SYNONYMS)
    staffing = _canonical(staffing, terms.STAFFING_SYNONYMS)
    political_status = _canonical(political_status, terms.POLITICAL_SYNONYMS)

    findings: list[Finding] = []
    if staffing in BLOCKED_STAFFING:
        findings.append(Finding.error(_STAFFING, f"{staffing}不得选派驻村，须为在编在岗人员（§4）", RULE))
    elif staffing is None:
        findings.append(Finding.error(_STAFFING, "未填写编制性质，只有在编在岗人员可以选派驻村（§4）", RULE))
    elif staffing != terms.STAFFING_IN_POST:
        findings.append(
            Finding.error(_STAFFING, f"编制性质“{staffing}”不是在编在岗，不得选派驻村（§4）", RULE)
        )

    if role == terms.ROLE_FIRST_SECRETARY:
        findings += _first_secretary_findings(
            political_status, party_join_date, work_start_date, on_date, rules
        )
    elif role == terms.ROLE_TEAM_MEMBER and political_status not in PARTY_MEMBERS:
        current = f"当前政治面貌为“{political_status}”" if political_status else "政治面貌未填写"
        findings.append(Finding.warning(_POLITICAL, f"工作队员优先选派党员（§4），{current}", RULE))
    return findings
