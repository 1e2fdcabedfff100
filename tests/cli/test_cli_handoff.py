"""``zhucun site setup-package``, ``zhucun init --from-setup``, ``zhucun package export|import``: the USB hand-off
from the command line, with cli.py's contract (0 done, 1 refused with the reason, 2 environment)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.cli.cli_support import zhucun
from tests.handoff.conftest import COUNTY_PASSWORD, TOWN_PASSWORD, Pair, open_pair
from tests.handoff.conftest import _template as handoff_template
from tests.handoff.test_roundtrip import enter_october
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.models import AttendanceDay, PackageLog


@pytest.fixture
def closed(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The hand-off tests' county and township with October entered, both closed for the CLI to open."""
    pair = open_pair(handoff_template(tmp_path_factory), tmp_path)
    try:
        enter_october(pair)
    finally:
        pair.close()
    return pair


def count(path: Path, model) -> int:
    with open_database(path) as db, db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_township_is_set_up_from_the_countys_package_with_the_code_read_out(closed: Pair, tmp_path: Path,
                                                                                capsys) -> None:
    county = closed.county.db.path
    setup = tmp_path / "西山乡_配置包.zcsetup"
    assert zhucun("site", "setup-package", "--db", str(county), "--township", "西山乡", "-o", str(setup)) == 0
    out = capsys.readouterr().out
    code = next(line.split(": ")[1] for line in out.splitlines() if line.startswith("配置口令"))
    assert "西山乡的配置包" in out and len(code) == 19
    town = tmp_path / "xishan.db"
    assert zhucun("init", "--db", str(town), "--from-setup", str(setup), "--setup-code", "WRONG-CODE",
                  "--admin", "xs", "--password", "west-2026") == 1
    assert "配置口令不正确" in capsys.readouterr().err
    assert not town.exists()  # nothing half-made left behind
    assert zhucun("init", "--db", str(town), "--from-setup", str(setup), "--setup-code", code,
                  "--admin", "xs", "--password", "west-2026") == 0
    assert "乡镇领导" in capsys.readouterr().out


def test_export_preview_import_and_a_second_import_from_the_command_line(closed: Pair, tmp_path: Path,
                                                                          capsys) -> None:
    county, town = closed.county.db.path, closed.town.db.path
    stick = tmp_path / "usb"
    assert zhucun("package", "export", "--db", str(town), "-o", str(stick), "--key-password", TOWN_PASSWORD) == 0
    assert "可以安全拔出U盘" in capsys.readouterr().out
    [made] = stick.glob("*.zcpkg")
    assert made.name == "东风镇_至_示例县_000001.zcpkg"

    assert zhucun("package", "import", "--db", str(county), str(made), "--dry-run",
                  "--key-password", COUNTY_PASSWORD) == 0
    out = capsys.readouterr().out
    assert "考勤登记：新增93 更新0 未变0 拒绝0" in out and "数据库未改动" in out
    assert count(county, AttendanceDay) == 0

    assert zhucun("package", "import", "--db", str(county), str(made), "--key-password", COUNTY_PASSWORD) == 0
    assert "已导入第1号数据包（来自东风镇）" in capsys.readouterr().out
    assert count(county, AttendanceDay) == 93
    assert zhucun("package", "import", "--db", str(county), str(made), "--key-password", COUNTY_PASSWORD) == 0
    assert "未作任何更改" in capsys.readouterr().out
    assert count(county, PackageLog) == 2  # the set-up package out, this one in


def test_a_damaged_package_is_refused_with_exit_1_and_a_wrong_key_password_with_exit_2(
        closed: Pair, tmp_path: Path, capsys) -> None:
    county, town = closed.county.db.path, closed.town.db.path
    stick = tmp_path / "usb"
    zhucun("package", "export", "--db", str(town), "-o", str(stick), "--key-password", TOWN_PASSWORD)
    [made] = stick.glob("*.zcpkg")
    capsys.readouterr()
    cut = tmp_path / "cut.zcpkg"
    cut.write_bytes(made.read_bytes()[:500])
    assert zhucun("package", "import", "--db", str(county), str(cut), "--key-password", COUNTY_PASSWORD) == 1
    err = capsys.readouterr().err
    assert "数据包文件已损坏或不完整" in err and "/ the package file is damaged or truncated" in err
    assert zhucun("package", "import", "--db", str(county), str(made), "--key-password", "wrong") == 2
    assert "密码不正确" in capsys.readouterr().err
    assert count(county, AttendanceDay) == 0


def test_the_county_exports_one_package_per_township_it_has_set_up(closed: Pair, tmp_path: Path, capsys) -> None:
    county = closed.county.db.path
    stick = tmp_path / "usb"
    assert zhucun("package", "export", "--db", str(county), "-o", str(stick), "--since", "2026-01-01",
                  "--key-password", COUNTY_PASSWORD) == 0
    assert [p.name for p in stick.glob("*.zcpkg")] == ["示例县_至_东风镇_000002.zcpkg"]
    assert zhucun("package", "export", "--db", str(county), "-o", str(stick), "--since", "2026-13-01",
                  "--key-password", COUNTY_PASSWORD) == 2
    assert "--since 应写成 年-月-日" in capsys.readouterr().err
