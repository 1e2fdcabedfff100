"""Columns of the roster (花名册): the canonical header, the key used in code, and the synonyms clerks use.

Import, export, the GUI table and the PDF all read this list, so a column is named once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RosterField:
    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


ROSTER_FIELDS: tuple[RosterField, ...] = (
    RosterField("name", "姓名", ("干部姓名", "人员姓名"), required=True),
    RosterField("sex", "性别"),
    RosterField("ethnicity", "民族"),
    RosterField("birth_month", "出生年月", ("出生日期", "出生年月日")),
    RosterField("id_number", "身份证号", ("身份证号码", "公民身份号码", "身份证", "公民身份证号码"), required=True),
    RosterField("political_status", "政治面貌"),
    RosterField("party_join_date", "入党时间", ("入党日期", "入党年月")),
    RosterField("work_start_date", "参加工作时间", ("参加工作日期", "参工时间", "工作时间")),
    RosterField("education", "学历", ("文化程度", "最高学历")),
    RosterField("unit", "派出单位", ("选派单位", "原单位", "工作单位"), required=True),
    RosterField("position", "职务职级", ("职务", "现任职务", "职务（职级）", "职务(职级)")),
    RosterField("staffing", "编制性质", ("编制类型", "人员性质", "身份性质"), required=True),
    RosterField("role", "驻村角色", ("驻村身份", "驻村职务", "身份"), required=True),
    RosterField("is_leader", "是否队长", ("队长",)),
    RosterField("village", "所驻村", ("驻村村名", "派驻村", "驻村名称", "所驻村名", "村名"), required=True),
    RosterField("township", "所属乡镇", ("乡镇", "乡镇名称", "所在乡镇"), required=True),
    RosterField("start_date", "驻村开始时间", ("驻村时间", "到村时间", "驻村起始时间", "开始时间"), required=True),
    RosterField("end_date", "驻村结束时间", ("期满时间", "结束时间", "任期结束时间")),
    RosterField("batch", "批次", ("选派批次",)),
    RosterField("phone", "联系电话", ("手机号码", "手机号", "电话", "联系方式")),
)

FIELD_BY_KEY = {f.key: f for f in ROSTER_FIELDS}
