"""A county's year from USB packages: 30 townships × 70 cadres × 365 days of attendance, plus leave requests and
their township signatures, imported from 30 signed, encrypted packages — against raw sqlite3 ``executemany`` of
the same rows into plain tables in the same run. Goal: ≤ 3× and < 10 s.

Ours (timed): ``import_many`` on the county database — one backup, then per package: signature check, hash,
decryption, gunzip, JSON, every value checked against its column, ownership / version / foreign-key / natural-key
checks, the bulk upsert, the package log and one audit row, one transaction each. Baseline: the same rows (already
in SQLite's stored form) inserted by raw sqlite3 ``executemany`` into the same tables of a copy of the same
county database (same indexes: uuid key, owner, time stamp, person and day, township and day, posting), one
transaction, no checks at all. For scale the run also prints the same rows into plain tables with only the uuid key.
The packages are made as a township's export makes them (``package.build`` with the township's key).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import uuid as uuid_mod
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result

PASSWORD = "bench-123"
TABLES = ("attendance_days", "leave_requests", "leave_steps")


def _county(folder: Path, townships: int, cadres: int) -> dict:
    from zhucun_desktop.domain import terms
    from zhucun_desktop.handoff.crypto import SiteKeys
    from zhucun_desktop.handoff.keys import unlock_keys
    from zhucun_desktop.services.accounts import setup_county_site
    from zhucun_desktop.services.workspace import Workspace
    from zhucun_desktop.storage.database import open_database
    from zhucun_desktop.storage.models import Person, Posting, Site, Township, Village

    db = open_database(folder / "county.db")
    ws = Workspace(db, setup_county_site(db, county_name="云岭县", admin_username="admin", admin_password=PASSWORD))
    county_site = ws.site_id
    towns = []
    with ws.transaction("基准数据") as s:
        county_uuid = ws.site()["county_uuid"]
        for t in range(townships):
            town = Township(county_uuid=county_uuid, name=f"第{t + 1}镇")
            s.add(town)
            s.flush()
            village = Village(township_uuid=town.uuid, name="中心村", categories=[])
            s.add(village)
            s.flush()
            keys = SiteKeys.generate()
            site = Site(name=town.name, kind=terms.SITE_KIND_TOWNSHIP, county_uuid=county_uuid,
                        township_uuid=town.uuid, sign_public_key=keys.sign_public, box_public_key=keys.box_public)
            s.add(site)
            s.flush()
            posts = []
            for c in range(cadres):
                person = Person(name=f"干部{t}-{c}", id_number=f"{t:03d}{c:03d}" + "0" * 12)
                s.add(person)
                s.flush()
                post = Posting(uuid=str(uuid_mod.uuid4()), person_uuid=person.uuid, village_uuid=village.uuid, township_uuid=town.uuid,
                               role=terms.ROLE_TEAM_MEMBER, start_date=date(2025, 1, 1))
                s.add(post)
                posts.append((person.uuid, post.uuid))
            s.flush()
            towns.append({"name": town.name, "uuid": town.uuid, "site": site.site_id, "keys": keys,
                          "posts": posts})
    with ws.read() as s:
        me = s.get(Site, county_site)
        box = me.box_public_key
    county_keys = unlock_keys(ws, PASSWORD)
    db.close()
    return {"site": county_site, "county_uuid": county_uuid, "box": box, "keys": county_keys, "towns": towns}


def _rows(town: dict, days: int) -> dict[str, tuple[list[str], list[list]]]:
    """One township's year as its export would carry it (JSON values: ISO dates, true/false)."""
    stamp = datetime(2026, 1, 2, 8, 0).isoformat()
    site, tu = town["site"], town["uuid"]
    base = ["uuid", "origin_site", "version", "updated_at", "deleted"]
    att_cols = [*base, "person_uuid", "posting_uuid", "township_uuid", "day", "code", "source", "note"]
    req_cols = [*base, "person_uuid", "posting_uuid", "township_uuid", "kind", "start_date", "end_date", "days",
                "destination", "reason", "contact", "handover_person_uuid", "rule_set_uuid", "rule_set_number",
                "chain", "state", "extends_uuid", "filed_on"]
    step_cols = [*base, "request_uuid", "step_no", "body", "signer", "decision", "decided_on", "remark"]
    att, reqs, steps = [], [], []
    first = date(2025, 1, 1)
    for i, (person, post) in enumerate(town["posts"]):
        for d in range(days):
            day = (first + timedelta(days=d)).isoformat()
            att.append([str(uuid_mod.uuid4()), site, 1, stamp, False, person, post, tu, day,
                        "√" if d % 7 else "事", "manual", None])
        for k in range(4):
            start = first + timedelta(days=30 * k + i % 20)
            req = str(uuid_mod.uuid4())
            reqs.append([req, site, 1, stamp, False, person, post, tu, "事假", start.isoformat(),
                         (start + timedelta(days=1)).isoformat(), 2, "昆明", "家中有事", "13900000000", None, None,
                         1, ["村党支部", "乡镇党委"], "已批准", None, start.isoformat()])
            for no, body in enumerate(("村党支部", "乡镇党委"), start=1):
                steps.append([str(uuid_mod.uuid4()), site, 1, stamp, False, req, no, body, "签字人", "同意",
                              start.isoformat(), None])
    return {"attendance_days": (att_cols, att), "leave_requests": (req_cols, reqs), "leave_steps": (step_cols, steps)}


def make_packages(folder: Path, county: dict, days: int) -> tuple[list[Path], dict]:
    from zhucun_desktop import __version__
    from zhucun_desktop.handoff import package as pkg
    from zhucun_desktop.storage.migrate import head_revision

    paths, all_rows = [], {t: [] for t in TABLES}
    for town in county["towns"]:
        rows = _rows(town, days)
        header = {
            "format": pkg.FORMAT, "format_version": pkg.FORMAT_VERSION, "kind": "data",
            "program_version": __version__, "schema_revision": head_revision(),
            "package_id": str(uuid_mod.uuid4()), "created_at": datetime(2026, 1, 2).isoformat(),
            "county_uuid": county["county_uuid"], "sequence": 1,
            "source": {"site_id": town["site"], "name": town["name"], "kind": "township"},
            "destination": {"site_id": county["site"], "name": "云岭县", "kind": "county"},
            "period": {"from": None, "to": datetime(2026, 1, 2).isoformat()},
            "counts": {t: len(r) for t, (_, r) in rows.items()},
        }
        payload = {"tables": {t: {"columns": c, "rows": r} for t, (c, r) in rows.items()}, "receipts": []}
        path = folder / f"{town['name']}_至_云岭县_000001.zcpkg"
        path.write_bytes(pkg.build(header, payload, town["keys"], county["box"]))
        paths.append(path)
        for t, (cols, r) in rows.items():
            all_rows[t].append((cols, r))
    return paths, all_rows


def _stored(rows: dict) -> dict[str, tuple[list[str], list[list]]]:
    """The rows in SQLite's stored form (what the baseline inserts without any checking)."""

    from zhucun_desktop.handoff.tables import decode_columns

    out = {}
    for table, parts in rows.items():
        cols = parts[0][0]
        out[table] = (cols, [r for _c, part in parts for r in decode_columns(table, cols, part)])
    return out


def baseline_same_schema(stored: dict, template_db: Path, db: Path) -> None:
    """Raw sqlite3: the county database as it was, plain INSERT executemany into the real tables (same
    indexes), WAL and synchronous=FULL, one transaction. This is the ratio's baseline."""
    import shutil

    shutil.copyfile(template_db, db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("BEGIN")
    for table, (cols, part) in stored.items():
        con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", part)
    con.execute("COMMIT")
    con.close()


def baseline_plain(stored: dict, db: Path) -> None:
    """For scale only: the same rows into plain tables with just the uuid key."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("BEGIN")
    for table, (cols, part) in stored.items():
        con.execute(f"CREATE TABLE {table} ({', '.join(c + (' PRIMARY KEY' if c == 'uuid' else '') for c in cols)})")
        con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(cols))})", part)
    con.execute("COMMIT")
    con.close()


def ours(county_db: Path, county: dict, paths: list[Path]) -> float:
    from zhucun_desktop.handoff.importer import import_many
    from zhucun_desktop.services.accounts import authenticate
    from zhucun_desktop.services.workspace import Workspace
    from zhucun_desktop.storage.database import open_database

    db = open_database(county_db)
    try:
        ws = Workspace(db, authenticate(db, "admin", PASSWORD))
        t0 = time.perf_counter()
        results = import_many(ws, county["keys"], paths)
        elapsed = time.perf_counter() - t0
    finally:
        db.close()
    bad = [r for r in results if not getattr(r, "applied", False)]
    if bad:
        raise SystemExit(f"import refused: {bad[:3]}")
    rejected = sum(r.preview.totals()["rejected"] for r in results)
    if rejected:
        first = next(x for r in results for x in r.preview.rejections)
        raise SystemExit(f"{rejected} rows rejected, e.g. {first.table}: {first.reason}")
    return elapsed


def run(townships: int = 30, cadres: int = 70, days: int = 365, runs: int = 1) -> Result:
    import shutil

    a, b, c = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template"
        template.mkdir()
        county = _county(template, townships, cadres)
        paths, rows = make_packages(folder, county, days)
        stored = _stored(rows)
        total = sum(len(part) for _cols, part in stored.values())
        for i in range(runs):
            work = folder / f"o{i}"
            work.mkdir()
            shutil.copyfile(template / "county.db", work / "county.db")
            a.append(ours(work / "county.db", county, paths))
            t0 = time.perf_counter()
            baseline_same_schema(stored, template / "county.db", folder / f"b{i}.db")
            b.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            baseline_plain(stored, folder / f"p{i}.db")
            c.append(time.perf_counter() - t0)
    a.sort()
    b.sort()
    c.sort()
    result = Result(f"数据包导入 {townships}镇×{cadres}人×{days}天 (package import)", a[len(a) // 2],
                    b[len(b) // 2], "≤3×, <10 s")
    result.rows = total  # type: ignore[attr-defined]
    result.plain = c[len(c) // 2]  # type: ignore[attr-defined]
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--townships", type=int, default=30)
    parser.add_argument("--cadres", type=int, default=70)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    r = run(args.townships, args.cadres, args.days, args.runs)
    print(r.line())
    print(f"rows {r.rows}: ours {r.rows / r.ours:,.0f} rows/s, baseline {r.rows / r.baseline:,.0f} rows/s; "
          f"plain tables without indexes {r.plain * 1000:.0f} ms ({r.ours / r.plain:.1f}×)")
