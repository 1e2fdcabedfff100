#!/usr/bin/env python3
"""Build the PyInstaller bundle (packaging/zhucun.spec) and smoke-test it as a clerk's PC would run it.

    python3 tools/build_bundle.py [--skip-build] [--keep]

1. makes the development environment if needed (tools/dev.py) and installs PyInstaller (the ``bundle`` extra);
2. builds dist/zhucun/ (both programs in one folder) and times it;
3. copies the bundle into a folder whose path has Chinese characters and spaces, and from there:
   - ``zhucun demo`` creates a demo database (the schema comes from the Alembic scripts inside the bundle),
   - ``zhucun attendance pdf`` prints a month's table: a PDF with an embedded font (checked with ``pdffonts``),
   - ``zhucun attendance xlsx`` exports it: an XLSX workbook (openpyxl, and Pillow without its unused plug-ins),
   - the USB hand-off: ``site setup-package``, ``init --from-setup``, ``package export`` and the county's
     ``package import`` (signatures, encryption, SHA-256 without Python's OpenSSL modules),
   - on Linux, ``zhucun --icu-self-check`` proves Qt still finds what it asks ICU for in the trimmed ICU data
     (packaging/qt_icu_check.py: pinyin collation, GB18030/GBK/Big5/windows-125x decoding, case mapping,
     Chinese time-zone names, IDNA), loaded from inside the bundle,
   - ``zhucun-desktop --smoke-test`` starts offscreen on that database with a temporary HOME / data folder,
     then with no ``--db`` (the user's data folder), then in portable mode (``portable.txt`` beside it),
   - a second start while the database is locked says who holds it, in Chinese, with no traceback;
4. prints the bundle's size (goal ≤ 150 MB), its largest parts, and exits non-zero if anything failed.

Only the standard library is used, like tools/dev.py, so it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import dev  # tools/dev.py: the virtual environment

WINDOWS = os.name == "nt"
EXE = ".exe" if WINDOWS else ""
SPEC = ROOT / "packaging" / "zhucun.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
SIZE_GOAL_MB = 150
MONTH = "2026-10"


class Failed(Exception):
    pass


PASSED: list[str] = []  # the checks that passed, for the closing line


def step(text: str) -> None:
    print(f"== {text}", flush=True)


def ensure_pyinstaller() -> None:
    dev.ensure_env()
    probe = subprocess.run([str(dev.PY), "-c", "import PyInstaller"], check=False, capture_output=True)
    if probe.returncode != 0:
        step("安装 PyInstaller / installing the bundle extra")
        subprocess.check_call([str(dev.PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[bundle]"])


def build() -> float:
    step(f"PyInstaller {SPEC.relative_to(ROOT)}")
    started = time.perf_counter()
    subprocess.check_call([str(dev.PY), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                           "--distpath", str(DIST), "--workpath", str(BUILD), str(SPEC)], cwd=ROOT)
    return time.perf_counter() - started


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def largest_parts(bundle: Path, count: int = 8) -> str:
    """The biggest files and folders of the bundle (one level into _internal), for the size report."""
    parts = [p for p in bundle.iterdir() if p.name != "_internal"] + list((bundle / "_internal").glob("*"))
    sized = sorted(((folder_mb(p) if p.is_dir() else p.stat().st_size / 1e6, p.name) for p in parts
                    if not p.is_symlink()), reverse=True)
    return ", ".join(f"{name} {mb:.1f}" for mb, name in sized[:count])


def run(args: list[str | Path], env: dict[str, str], *, expect: int = 0, timeout: int = 300) -> str:
    """Run a bundled program; fail on an unexpected exit code or on any traceback; return stdout + stderr."""
    shown = " ".join(str(a) for a in args)
    result = subprocess.run([str(a) for a in args], env=env, capture_output=True, text=True, encoding="utf-8",
                            errors="replace", timeout=timeout, check=False)
    output = result.stdout + result.stderr
    if result.returncode != expect or "Traceback" in output:
        raise Failed(f"{shown}\n  exit {result.returncode} (expected {expect})\n{output[-3000:]}")
    PASSED.append(shown)
    print(f"   ok: {Path(str(args[0])).name} {' '.join(str(a) for a in args[1:3])} …", flush=True)
    return output


def check_pdf(pdf: Path) -> None:
    data = pdf.read_bytes() if pdf.is_file() else b""
    if not data.startswith(b"%PDF"):
        raise Failed(f"{pdf} is not a PDF")
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        if not rows or not all(" yes " in f" {row} " for row in rows):
            raise Failed(f"fonts of {pdf} are not all embedded:\n{fonts}")
    elif b"/FontFile2" not in data:
        raise Failed(f"{pdf} has no embedded TrueType font")
    PASSED.append(f"fonts of {pdf.name}")
    print(f"   ok: {pdf.name} is a PDF with its font embedded ({len(data) // 1024} KB)", flush=True)


def check_xlsx(xlsx: Path) -> None:
    """An XLSX is a ZIP with a workbook and at least one sheet; the month's table names its month."""
    try:
        with zipfile.ZipFile(xlsx) as book:
            names = set(book.namelist())
            text = "".join(book.read(n).decode("utf-8", "replace") for n in names
                           if n.startswith("xl/") and n.endswith(".xml"))
    except (OSError, zipfile.BadZipFile) as exc:
        raise Failed(f"{xlsx} is not an XLSX workbook: {exc}") from exc
    if "xl/workbook.xml" not in names or not any(n.startswith("xl/worksheets/sheet") for n in names):
        raise Failed(f"{xlsx} has no workbook or sheet: {sorted(names)}")
    year, month = MONTH.split("-")
    if f"{int(year)}年{int(month)}月" not in text and MONTH not in text:
        raise Failed(f"{xlsx} does not name the month {MONTH}")
    PASSED.append(f"contents of {xlsx.name}")
    print(f"   ok: {xlsx.name} is a workbook of {sum(n.startswith('xl/worksheets/sheet') for n in names)} "
          f"sheet(s) for {MONTH} ({xlsx.stat().st_size // 1024} KB)", flush=True)


def check_icu(said: str, program: Path) -> None:
    """The self-check's ICU data came from the bundle itself (not a system copy), trimmed where binutils was."""
    line = next((row for row in said.splitlines() if row.startswith("ICU data: ")), "")
    path = Path(line.removeprefix("ICU data: ").rsplit(" (", 1)[0]) if line else None
    if path is None or program.resolve() not in path.resolve().parents:
        raise Failed(f"the ICU data was not loaded from the bundle:\n{said}")
    size = path.stat().st_size / 1e6
    PASSED.append("ICU data loaded from the bundle")
    state = "trimmed" if size < 20 else "NOT trimmed (binutils missing at build time?)"
    print(f"   ok: ICU data from the bundle, {state}: {path.name} {size:.1f} MB", flush=True)


X11_EXTRAS = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0")


DEMO_ADMIN = ("admin", "admin123")  # the demo county's administrator (services/demo/common.py)


def usb_round_trip(cli: Path, county_db: Path, work: Path, env: dict[str, str]) -> None:
    """The hand-off as offices do it, run by the bundle: signatures, encryption and SHA-256 without Python's own
    OpenSSL modules (the spec leaves them out)."""
    user, password = DEMO_ADMIN
    setup, town, stick = work / "东风镇 配置包.zcsetup", work / "东风镇 数据.db", work / "U盘"
    said = run([cli, "--user", user, "--password", password, "site", "setup-package", "--db", county_db,
                "--township", "东风镇", "-o", setup], env)
    code = next((row.split(": ", 1)[1] for row in said.splitlines() if row.startswith("配置口令")), "")
    run([cli, "init", "--db", town, "--from-setup", setup, "--setup-code", code, "--admin", "df",
         "--password", "dongfeng-1"], env)
    run([cli, "package", "export", "--db", town, "-o", stick, "--key-password", "dongfeng-1"], env)
    made = sorted(stick.glob("*.zcpkg"))
    if len(made) != 1:
        raise Failed(f"package export wrote {made} to {stick}")
    said = run([cli, "package", "import", "--db", county_db, made[0], "--key-password", password], env)
    if "已导入第1号数据包（来自东风镇）" not in said:
        raise Failed(f"the county did not import the township's package:\n{said}")
    print("   ok: 配置包 → 乡镇数据库 → 数据包 → 县里导入", flush=True)


def check_x11_plugin(program: Path) -> None:
    """The bundle carries the xcb helper libraries that Qt's X11 platform plugin links to and that desktops often
    lack (without them Qt says only "could not load the Qt platform plugin xcb"), and every other library the
    plugin needs resolves."""
    internal = program / "_internal"
    absent = [name for name in X11_EXTRAS if not (internal / name).is_file()]
    if absent:
        raise Failed(f"the bundle lacks {', '.join(absent)}: install them on the build machine "
                     "(Debian: libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0) and build again")
    plugin = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    said = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False,
                          env=dict(os.environ, LD_LIBRARY_PATH=str(internal))).stdout
    missing = sorted({row.split()[0] for row in said.splitlines() if "not found" in row})
    if missing or not said:
        raise Failed(f"Qt's X11 plugin {plugin.name} cannot find {', '.join(missing) or '(ldd said nothing)'}")
    PASSED.append("X11 plugin's libraries")
    print(f"   ok: {', '.join(X11_EXTRAS)} in the bundle; every library of {plugin.name} resolves", flush=True)


def hold_lock(db: Path):
    """Hold ``<db>.lock`` as a running program does (storage/lock.py: an OS lock, the holder as JSON)."""
    fh = open(f"{db}.lock", "r+b" if Path(f"{db}.lock").exists() else "w+b")  # noqa: SIM115
    holder = {"user": "clerk", "host": "乡镇办公室电脑", "pid": os.getpid(), "display_name": "周文",
              "since": time.strftime("%Y-%m-%dT%H:%M:%S")}
    fh.seek(0)
    fh.truncate()
    fh.write(json.dumps(holder, ensure_ascii=False).encode("utf-8"))
    fh.flush()
    if WINDOWS:
        import msvcrt

        fh.seek(1 << 20)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fh


def smoke_test(bundle: Path, work: Path) -> None:
    """Everything runs from a copy of the bundle in a folder named with Chinese characters and a space."""
    home = work / "用户 目录"
    home.mkdir(parents=True)
    program = work / "驻村 管理程序"
    step(f"copy the bundle to {program}")
    shutil.copytree(bundle, program, symlinks=True)
    cli, gui = program / f"zhucun{EXE}", program / f"zhucun-desktop{EXE}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), USERPROFILE=str(home), LOCALAPPDATA=str(home / "AppData"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"),
               PYTHONIOENCODING="utf-8")
    data = work / "数据 文件夹"
    db = data / "演示 数据库.db"

    step("zhucun demo (schema from the bundled Alembic migrations)")
    run([cli, "demo", "--db", db, "--seed", "2026"], env)
    step(f"zhucun attendance pdf --month {MONTH}")
    pdf = work / f"考勤表 {MONTH}.pdf"
    run([cli, "attendance", "pdf", "--db", db, "--month", MONTH, "-o", pdf], env)
    check_pdf(pdf)
    step(f"zhucun attendance xlsx --month {MONTH}")
    xlsx = work / f"考勤表 {MONTH}.xlsx"
    run([cli, "attendance", "xlsx", "--db", db, "--month", MONTH, "-o", xlsx], env)
    check_xlsx(xlsx)
    step("USB hand-off: set-up package, township database, package export, county import")
    usb_round_trip(cli, db, work, env)
    if sys.platform.startswith("linux"):  # elsewhere Qt uses the system's ICU: nothing of ours to prove
        step("zhucun --icu-self-check (Qt with the trimmed ICU data)")
        said = run([cli, "--icu-self-check"], env)
        print("\n".join(f"      {row}" for row in said.strip().splitlines()), flush=True)
        check_icu(said, program)
        step("Qt's X11 platform plugin has its libraries")
        check_x11_plugin(program)

    step("zhucun-desktop --smoke-test on the demo database")
    run([gui, "--db", db, "--smoke-test"], env)
    step("zhucun-desktop --smoke-test in the user's data folder")
    run([gui, "--smoke-test"], env)
    made = list(home.rglob("zhucun.db"))
    if not made or program in made[0].parents:
        raise Failed(f"no database in the user's data folder {home}: {made}")
    step("zhucun-desktop --smoke-test in portable mode")
    (program / "portable.txt").write_text("便携模式\n", encoding="utf-8")
    run([gui, "--smoke-test"], env)
    if not (program / "zhucun.db").is_file():
        raise Failed("portable mode did not keep the database beside the program")

    step("a second start while the database is in use")
    lock = hold_lock(db)
    try:
        said = run([gui, "--db", db, "--smoke-test"], env, expect=1)
    finally:
        lock.close()
    if "数据库正由" not in said or "周文" not in said:
        raise Failed(f"the second start did not say who holds the database:\n{said}")
    print("   ok: told “数据库正由 周文 … 使用”", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="smoke-test the existing dist/zhucun")
    parser.add_argument("--keep", action="store_true", help="keep the temporary test folder")
    args = parser.parse_args(argv)
    seconds = None
    try:
        if not args.skip_build:
            ensure_pyinstaller()
            seconds = build()
        bundle = DIST / "zhucun"
        if not bundle.is_dir():
            raise Failed(f"{bundle} does not exist: build it first")
        work = Path(tempfile.mkdtemp(prefix="zhucun-bundle-"))
        try:
            smoke_test(bundle, work)
        finally:
            if args.keep:
                print(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    except (Failed, subprocess.CalledProcessError) as exc:
        print(f"BUNDLE FAILED: {exc}", file=sys.stderr, flush=True)
        print(f"bundle: {len(PASSED)} passed, 1 failed", flush=True)
        return 1
    size = folder_mb(bundle)
    verdict = "within" if size <= SIZE_GOAL_MB else "OVER"
    if seconds is not None:
        print(f"bundle build time: {seconds:.0f} s")
    print(f"bundle size: {size:.1f} MB ({verdict} the goal of ≤{SIZE_GOAL_MB} MB) — {bundle}")
    print(f"largest parts (MB): {largest_parts(bundle)}")
    print(f"bundle: {len(PASSED)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
