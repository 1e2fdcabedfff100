"""A roster import of N rows (default 10,000) against openpyxl read + raw sqlite3 insert of the same rows.

Ours: `import_roster` on a set-up county database — header detection, normalisation, every §4 and ID rule,
duplicate checks, creation of townships/villages/units, one transaction with audit rows. Baseline: the same
sheet read with openpyxl and its cells inserted with `executemany` into one plain table. Goal: ≤ 3×.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result


def make_sheet(path: Path, n: int, seed: int = 7) -> None:
    from openpyxl import Workbook

    from zhucun_desktop.domain.idcard import check_digit
    from zhucun_desktop.domain.roster_fields import ROSTER_FIELDS

    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.append(["云岭县驻村干部花名册"])
    ws.append([f.header for f in ROSTER_FIELDS])
    used: set[str] = set()
    for i in range(n):
        while True:
            birth = date(rng.randint(1970, 1995), rng.randint(1, 12), rng.randint(1, 28))
            body = f"530102{birth:%Y%m%d}{rng.randint(0, 999):03d}"
            if body not in used:
                used.add(body)
                break
        sex = "男" if int(body[16]) % 2 else "女"
        township = f"第{i % 30 + 1}镇"
        row = {
            "name": f"干部{i:05d}", "sex": sex, "ethnicity": "汉族", "birth_month": f"{birth:%Y.%m}",
            "id_number": body + check_digit(body), "political_status": "中共党员",
            "party_join_date": f"{birth.year + 22}年5月", "work_start_date": f"{birth.year + 21}-07-01",
            "education": "大学本科", "unit": f"县直单位{i % 50}", "position": "科员", "staffing": "在编在岗",
            "role": "第一书记" if i % 4 == 0 else "工作队员", "is_leader": "", "village": f"村{i % 700 // 30}",
            "township": township, "start_date": "2025-05-01", "end_date": "", "batch": "第三批",
            "phone": f"139{i:08d}",
        }
        ws.append([row[f.key] for f in ROSTER_FIELDS])
    wb.save(path)


def baseline(sheet: Path, db: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(sheet, read_only=True)
    rows = [tuple("" if c is None else str(c) for c in r) for r in wb.active.iter_rows(min_row=3, values_only=True)]
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    width = len(rows[0])
    con.execute(f"CREATE TABLE roster ({', '.join(f'c{i} TEXT' for i in range(width))})")
    with con:
        con.executemany(f"INSERT INTO roster VALUES ({', '.join('?' * width)})", rows)
    con.close()


def ours(sheet: Path, folder: Path) -> None:
    from zhucun_desktop.services.accounts import setup_county_site
    from zhucun_desktop.services.roster_import import import_roster
    from zhucun_desktop.services.workspace import Workspace
    from zhucun_desktop.storage.database import open_database

    db = open_database(folder / "county.db")
    try:
        actor = setup_county_site(db, county_name="云岭县", admin_username="admin", admin_password="bench-123")
        t0 = time.perf_counter()
        report = import_roster(Workspace(db, actor), sheet)
        elapsed = time.perf_counter() - t0
        if not report.applied:
            raise SystemExit("import refused: " + "; ".join(e.text for e in report.errors[:5]))
    finally:
        db.close()
    ours.elapsed = elapsed  # type: ignore[attr-defined]


def run(rows: int = 10_000, runs: int = 3) -> Result:
    a, b = [], []
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "roster.xlsx"
        make_sheet(sheet, rows)
        for i in range(runs):
            folder = Path(tmp) / f"o{i}"
            folder.mkdir()
            ours(sheet, folder)
            a.append(ours.elapsed)  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            baseline(sheet, Path(tmp) / f"b{i}.db")
            b.append(time.perf_counter() - t0)
    a.sort()
    b.sort()
    return Result(f"花名册导入 {rows} 行 (roster import)", a[len(a) // 2], b[len(b) // 2], "≤3×")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(run(args.rows, args.runs).line())
