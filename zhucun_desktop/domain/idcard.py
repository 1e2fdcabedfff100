"""公民身份号码 (GB 11643-1999): reading, checking, and what it tells about the person.

The 身份证号 is the one value that identifies a cadre across townships, the county and years of
postings, so a wrong one either splits one person into two or merges two people. It is checked fully:
18 characters, a real birth date, and the ISO 7064 MOD 11-2 check digit. Birth date and sex are
derived from it, and the roster's 性别 and 出生年月 must agree with them (DOMAIN.md, roster fields).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zhucun_desktop.domain.dates import format_month, years_between
from zhucun_desktop.domain.errors import Finding, RuleViolation
from zhucun_desktop.domain.roster_fields import FIELD_BY_KEY
from zhucun_desktop.domain.text import normalize_compact

FIELD = FIELD_BY_KEY["id_number"].header  # "身份证号"
RULE = "GB 11643-1999"
LENGTH = 18
MAX_AGE = 100

# GB 11643-1999 §8.2: weights 2^(i-1) mod 11 for positions 18..2, check value (12 - sum mod 11) mod 11.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


@dataclass(frozen=True)
class IdInfo:
    """What a valid 身份证号 says: the number as stored (upper-case X), birth date, sex, 行政区划代码."""

    number: str
    birth_date: date
    sex: str
    region_code: str

    @property
    def birth_month(self) -> date:
        """出生年月 as the roster keeps it: the first day of the birth month."""
        return self.birth_date.replace(day=1)


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2): "0".."9" or "X"."""
    if len(first17) != LENGTH - 1 or not (first17.isascii() and first17.isdigit()):
        raise ValueError(f"check_digit needs 17 ASCII digits, got {first17!r}")
    total = sum(int(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _fail(message: str) -> RuleViolation:
    return RuleViolation(FIELD, message, RULE)


def parse_id_number(raw: object, *, today: date | None = None) -> IdInfo:
    """Check a 身份证号 as typed and return what it encodes.

    Full-width digits, spaces and a lower-case x are accepted (Chinese input methods produce them).
    Refused, with a message the clerk can act on: an empty cell; a 15-digit number of the first
    generation (replaced by 18-digit numbers, which the roster and the insurer need); any other
    length; letters other than a final X; a birth date that does not exist, lies in the future, or
    more than 100 years back; a wrong check digit (usually one mistyped digit).
    """
    today = today or date.today()
    if isinstance(raw, float) and raw >= 1e14:
        # Excel keeps 15 significant digits: the last digits of the number are already lost.
        raise _fail("被Excel存成了数字，后几位已丢失，请把该列设为“文本”格式后重新填写")
    number = normalize_compact(raw).upper()
    if not number:
        raise _fail("不能为空")
    if len(number) == 15 and number.isdigit():
        raise _fail("15位旧身份证号码不再使用，请填写18位号码")
    if len(number) != LENGTH:
        raise _fail(f"应为18位，实际填写了{len(number)}位（“{number}”）")
    for i, ch in enumerate(number[:-1]):
        if not "0" <= ch <= "9":
            raise _fail(f"第{i + 1}位“{ch}”不是数字，前17位只能是数字")
    if not ("0" <= number[-1] <= "9" or number[-1] == "X"):
        raise _fail(f"第18位“{number[-1]}”无效，最后一位只能是数字或X")

    birth_text = number[6:14]
    try:
        birth = date(int(birth_text[:4]), int(birth_text[4:6]), int(birth_text[6:]))
    except ValueError:
        raise _fail(f"出生日期{birth_text}不存在，请核对号码") from None

    expected = check_digit(number[:17])
    if number[17] != expected:
        raise _fail(f"校验码错误，应为{expected}（填写的是{number[17]}），请核对号码是否抄错")
    if birth > today:
        raise _fail(f"出生日期{birth_text}晚于今天，请核对号码")
    if years_between(birth, today) > MAX_AGE:
        raise _fail(f"出生日期{birth_text}距今超过{MAX_AGE}年，请核对号码")

    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return IdInfo(number=number, birth_date=birth, sex=sex, region_code=number[:6])


def check_consistency(info: IdInfo, sex: str | None = None, birth: date | None = None) -> list[Finding]:
    """The entered 性别 and 出生年月 must agree with the 身份证号.

    出生年月 is a month on the forms, so only year and month are compared. A disagreement is an
    error: one of the two values is wrong and the clerk must find out which.
    """
    findings: list[Finding] = []
    if sex and sex != info.sex:
        findings.append(
            Finding.error(
                FIELD_BY_KEY["sex"].header,
                f"与身份证号不一致：身份证号显示为“{info.sex}”，填写的是“{sex}”",
                RULE,
            )
        )
    if birth is not None and (birth.year, birth.month) != (info.birth_date.year, info.birth_date.month):
        findings.append(
            Finding.error(
                FIELD_BY_KEY["birth_month"].header,
                f"与身份证号不一致：身份证号显示为{format_month(info.birth_date)}，填写的是{format_month(birth)}",
                RULE,
            )
        )
    return findings


def age_on(info: IdInfo, on: date) -> int:
    """Full years of age on a date (§4 eligibility, age limits of other rule sets such as 003's ≤30)."""
    return years_between(info.birth_date, on)
