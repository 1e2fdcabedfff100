"""Chinese words for the program's internal names, shown on screen: backup reasons, tables and their fields.

Field names reuse the roster's column headers (``domain.roster_fields``) so that a field is called the same in the
roster, its printouts and the audit log. Unknown names are shown as they are rather than guessed.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from ..domain.roster_fields import ROSTER_FIELDS

BACKUP_REASONS = {
    "start": "启动时",
    "daily": "每日",
    "migrate": "升级前",
    "import": "导入前",
    "restore": "恢复前",
    "manual": "手动",
}

TABLES = {
    "sites": "站点",
    "counties": "县",
    "townships": "乡镇",
    "villages": "村",
    "dispatch_units": "派出单位",
    "persons": "人员",
    "teams": "工作队",
    "postings": "驻村记录",
    "adjustments": "动态调整",
    "rule_sets": "规则设置",
    "calendar_days": "节假日安排",
    "calendar_years": "节假日年度",
    "attendance_codes": "考勤符号",
    "attendance_days": "考勤",
    "attendance_months": "月度考勤表",
    "month_seal_events": "考勤表封存记录",
    "leave_requests": "请假",
    "leave_steps": "请假审批",
    "leave_returns": "销假",
    "activities": "活动登记",
    "assessments": "考核",
    "incidents": "重大事项",
    "ledger_rows": "负面清单及整改台账",
    "ledger_verifications": "台账核查",
    "spot_checks": "抽查",
    "spot_check_results": "抽查结果",
    "inspections": "督查",
    "inspection_findings": "督查发现问题",
    "circulars": "通报",
    "attachments": "附件",
    "users": "账号",
    "package_log": "数据交换记录",
    "conflicts": "数据冲突",
}

_COMMON_FIELDS = {
    "uuid": "记录编号",
    "origin_site": "建立单位（站点）",
    "version": "版本",
    "updated_at": "修改时间",
    "deleted": "已删除",
    "name": "名称",
    "note": "备注",
    "kind": "类型",
    "state": "状态",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "township_uuid": "所属乡镇",
    "village_uuid": "所驻村",
    "person_uuid": "人员",
    "posting_uuid": "驻村记录",
    "county_uuid": "所属县",
    "unit_uuid": "派出单位",
    "reason": "原因",
    "created_at": "建立时间",
}

_ROSTER = {f.key: f.header for f in ROSTER_FIELDS}

FIELDS: dict[str, dict[str, str]] = {
    "persons": {**_ROSTER, "birth_date": "出生日期", "unit_uuid": "派出单位"},
    "postings": {
        "role": "驻村角色", "is_leader": "是否队长", "start_date": "驻村开始时间", "term_end_date": "任期届满时间",
        "end_date": "离岗日期", "end_reason": "离岗原因", "batch": "批次", "team_uuid": "工作队",
        "predecessor_uuid": "接替的驻村记录",
    },
    "townships": {"name": "乡镇名称", "secretary_name": "乡镇党委书记", "organizer_name": "组织委员"},
    "villages": {"name": "村名", "categories": "村类别"},
    "dispatch_units": {"name": "派出单位名称", "kind": "单位类型", "contact_person": "联系人",
                       "contact_phone": "联系电话"},
    "counties": {"name": "县名"},
    "sites": {"name": "单位名称", "kind": "站点类型", "is_self": "本机站点", "site_id": "站点编号"},
    "users": {"id": "编号", "username": "用户名", "display_name": "姓名", "role": "角色", "password_hash": "密码",
              "active": "启用", "last_login_at": "最近登录"},
    "rule_sets": {"name": "规则名称", "number": "版本号", "active": "正在使用", "data": "规则内容"},
    "attendance_codes": {"code": "考勤符号", "label": "含义", "category": "类别", "in_post": "计为在岗",
                         "sort": "排序"},
}


def table_label(table: str) -> str:
    return TABLES.get(table, table)


def field_label(table: str, key: str) -> str:
    return FIELDS.get(table, {}).get(key) or _COMMON_FIELDS.get(key) or key


def backup_reason_label(reason: str) -> str:
    return BACKUP_REASONS.get(reason, reason)


def date_text(value: date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def datetime_text(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def utc_datetime_text(value: datetime | None) -> str:
    """A time the database stores in UTC (last login), shown in the PC's local time."""
    if value is None:
        return ""
    return datetime_text(value.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None))


def size_text(size: int) -> str:
    """A file size as a clerk reads it: 1.2 MB, 350 KB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
