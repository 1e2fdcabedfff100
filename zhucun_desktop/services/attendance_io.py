"""The attendance table on paper and in Excel, and the village placard (§7).

§7: the month's table (考勤表) is printed, signed by the township party secretary and filed with the county;
some townships keep it in Excel and send the file instead of typing it in, so the XLSX written here reads back
in unchanged. §7 also asks for a placard (挂牌公示) in each village: name, position, contact and today's
whereabouts (去向), which come from that day's attendance code. The reports layer draws; this module gathers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ..domain.attendance_rules import ABSENT, IN_POST, LEAVE, OFFICIAL, REST, month_days
from ..domain.errors import RuleViolation
from ..domain.text import normalize_compact
from ..reports.attendance_data import AttendanceSheet, AttendanceSheetRow, Placard, PlacardEntry
from ..storage.models import AttendanceDay, Person, Posting, Village
from .attendance import (
    CellChange,
    PostedCadre,
    bad_code_message,
    code_defs,
    code_reader,
    day_label,
    edit_month,
    load_cadres,
    load_codes,
    month_grid,
    month_key,
    refuse_if_locked,
    row_codes,
    township_name,
)
from .errors import NotFound, ServiceError
from .org import county_name, list_townships
from .workspace import Workspace

# ------------------------------------------------------------------------------------------------ the table


def attendance_sheet(ws: Workspace, township_uuid: str, year: int, month: int, *, filler: str = "",
                     printed_at: datetime | None = None) -> AttendanceSheet:
    """The printed 考勤表 of one township's month: the grid as the writers need it (§7)."""
    grid = month_grid(ws, township_uuid, year, month)
    rows = [AttendanceSheetRow(name=r.name, id_number=r.id_number, role=r.role, village=r.village_name,
                               is_leader=r.is_leader, codes=list(r.codes), editable=list(r.editable),
                               in_post_days=r.totals.in_post_days,
                               working_days_in_post=r.totals.working_days_in_post,
                               by_code=dict(r.totals.by_code), absent_days=r.totals.absent_days)
            for r in grid.rows]
    return AttendanceSheet(
        county=county_name(ws), township=grid.township_name, year=year, month=month, days=grid.days,
        day_kinds=grid.day_kinds, rows=rows, legend=[(c.code, c.label) for c in grid.codes], state=grid.state,
        content_hash=grid.content_hash, sealed_at=grid.sealed_at, due=grid.due, filler=filler,
        printed_at=printed_at or datetime.now())


def _sheets(ws: Workspace, year: int, month: int, township_uuid: str | None, filler: str
            ) -> list[AttendanceSheet]:
    """One sheet per township: the one asked for, or every township the user may see that had cadres."""
    if township_uuid is not None:
        sheets = [attendance_sheet(ws, township_uuid, year, month, filler=filler)]
    else:
        sheets = [attendance_sheet(ws, t.uuid, year, month, filler=filler) for t in list_townships(ws)]
    sheets = [sh for sh in sheets if sh.rows]
    if not sheets:
        raise ServiceError(f"{year}年{month}月没有在岗的驻村干部，没有可导出的考勤表。")
    return sheets


def export_attendance_pdf(ws: Workspace, path: str | Path, year: int, month: int,
                          township_uuid: str | None = None, *, filler: str = "") -> int:
    """The 考勤表 PDF to sign and stamp (§7); returns the page count."""
    from ..reports.attendance_pdf import render_attendance_pdf

    return render_attendance_pdf(_sheets(ws, year, month, township_uuid, filler), path)


def export_attendance_xlsx(ws: Workspace, path: str | Path, year: int, month: int,
                           township_uuid: str | None = None, *, filler: str = "") -> int:
    """The 考勤表 as XLSX (one sheet per township), readable back by :func:`import_attendance_xlsx`;
    returns the number of cadre rows."""
    from ..reports.attendance_xlsx import write_attendance_xlsx

    sheets = _sheets(ws, year, month, township_uuid, filler)
    write_attendance_xlsx(sheets, path)
    return sum(len(sh.rows) for sh in sheets)


# ------------------------------------------------------------------------------------------------ import


@dataclass
class AttendanceImportReport:
    """What an attendance XLSX would change (dry run) or changed; ``errors`` non-empty: nothing taken."""

    file: str
    rows_total: int = 0
    persons: int = 0
    changed: int = 0
    unchanged: int = 0
    kept: int = 0  # registered days left blank in the file: kept, a blank never erases
    not_in_file: list[str] = field(default_factory=list)  # cadres of the month the file does not list
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    applied: bool = False
    backup_path: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        parts = [f"共{self.rows_total}行", f"{self.persons}人", f"修改{self.changed}格",
                 f"未变{self.unchanged}格"]
        if self.kept:
            parts.append(f"文件中留空、保留原登记{self.kept}格")
        if self.not_in_file:
            parts.append(f"文件中没有{len(self.not_in_file)}人（未改动）")
        if self.errors:
            parts.append(f"有问题{len(self.errors)}处，未导入")
        return "，".join(parts)


def _day_of(key: object, year: int, month: int) -> date | None:
    if isinstance(key, datetime):
        key = key.date()
    if isinstance(key, date):
        return key if (key.year, key.month) == (year, month) else None
    try:
        return date(year, month, int(key))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _plan_import(ws: Workspace, township_uuid: str, year: int, month: int, path: Path,
                 report: AttendanceImportReport) -> list[CellChange]:
    """Read the file and work out every cell to change; every problem goes into ``report.errors``."""
    from ..reports.attendance_xlsx import read_attendance_xlsx

    try:
        parsed = read_attendance_xlsx(path, year=year, month=month)
    except RuleViolation as exc:
        report.errors.append(str(exc))
        return []
    except OSError as exc:
        raise ServiceError(f"考勤表文件：无法读取“{path}”（{exc.strerror or exc}）。") from exc
    report.errors.extend(str(e) for e in parsed.errors)
    report.rows_total = len(parsed.rows)
    days = month_days(year, month)
    with ws.read() as s:
        name = township_name(s, township_uuid)
        refuse_if_locked(s, township_uuid, year, month)
        cadres = load_cadres(s, township_uuid, year, month)
        codes = load_codes(s, township_uuid, year, month)
        defs = code_defs(s)
    read = code_reader(defs)
    by_id: dict[str, list] = {}
    for c in cadres:
        by_id.setdefault(c.id_number, []).append(c)
    wanted: dict[tuple[str, date], tuple[PostedCadre, str, int]] = {}  # (person, day) -> (row, code, line)
    seen: set[str] = set()
    for row in parsed.rows:
        id_number = normalize_compact(row.id_number).upper()
        postings = by_id.get(id_number)
        if not postings:
            report.errors.append(f"第{row.row_number}行：身份证号{id_number or '（空）'}不是{name}"
                                 f"{year}年{month}月在岗的驻村干部")
            continue
        seen.add(id_number)
        if row.name and row.name != postings[0].name:
            report.warnings.append(f"第{row.row_number}行：姓名“{row.name}”与身份证号登记的"
                                   f"“{postings[0].name}”不一致，按身份证号导入")
        for key, raw in row.codes.items():
            d = _day_of(key, year, month)
            where = f"第{row.row_number}行 第{d.day if d else key}日"
            try:
                code = read(raw)
            except RuleViolation:
                report.errors.append(f"{where}：{bad_code_message(raw, defs)}")
                continue
            if d is None or code is None:
                if d is None:
                    report.errors.append(f"{where}：不是{year}年{month}月的日期")
                continue
            cadre = next((c for c in postings if c.inside(d)), None)
            earlier = wanted.get((postings[0].person_uuid, d))
            if cadre is None:
                report.errors.append(f"{where}：不在驻村期内")
            elif earlier is not None and earlier[1] != code:
                report.errors.append(f"{where}：与第{earlier[2]}行同一天的“{earlier[1]}”不一致")
            else:
                wanted[(cadre.person_uuid, d)] = (cadre, code, row.row_number)
    report.persons = len(seen)
    report.not_in_file = [c.name for c in cadres if c.id_number not in seen]
    report.kept = sum(1 for c in cadres if c.id_number in seen for d, old in row_codes(c, days, codes).items()
                      if old and (c.person_uuid, d) not in wanted)
    changes = []
    for (person, d), (cadre, code, _) in sorted(wanted.items()):
        if codes.get((person, d)) == code:
            report.unchanged += 1
        else:
            changes.append(CellChange(cadre.posting_uuid, d, code, f"{cadre.name} {day_label(d)}"))
            report.changed += 1
    return changes


def import_attendance_xlsx(ws: Workspace, township_uuid: str, year: int, month: int, path: str | Path, *,
                           dry_run: bool = False) -> AttendanceImportReport:
    """Take a township's month from its XLSX (the exported layout), matching people by 身份证号 among the
    month's postings. A code in the file replaces the day's; a blank never erases a registered day (a clerk's
    half-filled copy must not wipe the grid: clearing is done in the grid); cadres not in the file are left
    as they are. Any bad row or cell and nothing is taken; a backup is made before applying, and the cells
    go through the same checks as a paste (the month must not be sealed, §7)."""
    ws.check_township(township_uuid)
    month_key(year, month)
    path = Path(path)
    report = AttendanceImportReport(file=path.name)
    try:
        changes = _plan_import(ws, township_uuid, year, month, path, report)
    except ServiceError as exc:  # e.g. the month is sealed
        report.errors.append(exc.message)
        return report
    if report.errors or dry_run or not changes:
        return report
    report.backup_path = ws.backup_before("import")
    edit_month(ws, township_uuid, year, month, lambda _ctx: changes, source="import", action="导入考勤表")
    report.applied = True
    return report


# ------------------------------------------------------------------------------------------------ placard

PLACARD_LOOKAHEAD_DAYS = 62


def whereabouts(category: str | None, label: str, until: date | None) -> str:
    """去向 from the day's code (§7 挂牌公示): 在村, 公出, 请假（事假，至11月25日）, 轮休, 未在岗, 未登记."""
    if category is None:
        return "未登记"
    if category == LEAVE:
        return f"请假（{label}，至{day_label(until)}）" if until else f"请假（{label}）"
    return {IN_POST: "在村", OFFICIAL: "公出", REST: "轮休", ABSENT: "未在岗"}.get(category, label)


def placard(ws: Workspace, village_uuid: str, on: date) -> Placard:
    """The village's 挂牌公示 for day ``on``: every cadre in post that day, 队长 and first secretary first."""
    with ws.read() as s:
        village = s.get(Village, village_uuid)
        if village is None or village.deleted:
            raise NotFound("村不存在或已删除。")
        ws.check_township(village.township_uuid)
        tname = township_name(s, village.township_uuid)
        cadres = load_cadres(s, village.township_uuid, on.year, on.month, village_uuid=village_uuid)
        cadres = [c for c in cadres if c.inside(on)]
        person_uuids = [c.person_uuid for c in cadres]
        q = (select(AttendanceDay.person_uuid, AttendanceDay.day, AttendanceDay.code)
             .where(AttendanceDay.person_uuid.in_(person_uuids), AttendanceDay.deleted.is_(False),
                    AttendanceDay.day >= on, AttendanceDay.day <= on + timedelta(PLACARD_LOOKAHEAD_DAYS)))
        codes = {(p, d): code for p, d, code in s.execute(q)} if person_uuids else {}
        defs = {c.code: c for c in code_defs(s)}
    entries = []
    for c in cadres:
        code = codes.get((c.person_uuid, on))
        definition = defs.get(code) if code else None
        until = on
        while codes.get((c.person_uuid, until + timedelta(days=1))) == code and code:
            until += timedelta(days=1)
        text = whereabouts(definition.category if definition else None,
                           definition.label if definition else "", until if until > on else None)
        entries.append(PlacardEntry(c.name, c.role, c.is_leader, c.phone, text))
    return Placard(tname, village.name, on, entries)


def export_placard_pdf(ws: Workspace, path: str | Path, on: date, *, village_uuid: str | None = None,
                       township_uuid: str | None = None) -> int:
    """Placards of one village, or of every village (of a township, or that the user may see) with cadres in
    post on ``on``; returns how many were drawn."""
    from ..reports.placard_pdf import render_placard_pdf

    if village_uuid is not None:
        placards = [placard(ws, village_uuid, on)]
    else:
        if township_uuid is not None:
            ws.check_township(township_uuid)
        with ws.read() as s:
            q = (select(Village.uuid).join(Posting, Posting.village_uuid == Village.uuid)
                 .join(Person, Person.uuid == Posting.person_uuid)
                 .where(Village.deleted.is_(False), Posting.deleted.is_(False), Person.deleted.is_(False))
                 .distinct())
            if township_uuid is not None:
                q = q.where(Village.township_uuid == township_uuid)
            elif not ws.actor.is_county:
                q = q.where(Village.township_uuid == ws.actor.township_uuid)
            uuids = list(s.scalars(q))
        placards = [p for p in (placard(ws, u, on) for u in uuids) if p.entries]
        placards.sort(key=lambda p: (p.township, p.village))
    if not any(p.entries for p in placards):
        raise ServiceError(f"{on.year}年{on.month}月{on.day}日没有在岗的驻村干部，没有可打印的公示牌。")
    render_placard_pdf(placards, path)
    return len(placards)

