"""``zhucun``: the program's headless jobs, through the same services as the GUI (DESIGN.md, "Interfaces that
tests and users can script").

The contract scripts rely on: exit 0 when the job is done; 1 when the input was refused (every reason on stderr,
e.g. each bad roster row as ``第N行 字段：原因``); 2 for a usage or environment error (bad arguments, a database that
is locked, damaged, read-only, missing or from a newer program, a wrong password); 3 for an internal error (a bug:
a traceback follows). Every error is one line, ``中文 / English``.

Only argparse is imported at start: the services, SQLAlchemy, openpyxl and reportlab are imported by the command
that needs them, so ``zhucun --help`` answers at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from .services.workspace import Workspace
    from .storage.database import Database

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_ENVIRONMENT = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130

ENV_USER = "ZHUCUN_USER"
ENV_PASSWORD = "ZHUCUN_PASSWORD"
ENV_ADMIN_PASSWORD = "ZHUCUN_ADMIN_PASSWORD"
LOCK_NAME = "zhucun 命令行"

DESCRIPTION = """\
驻村第一书记和工作队管理系统 — 命令行工具 (command-line tool of zhucun_desktop)

身份 / acting user:
  默认以内置的“系统”身份运行，拥有县委组织部管理员的权限：命令行由管理员在自己的电脑上使用。
  加 --user 和 --password（或环境变量 ZHUCUN_USER、ZHUCUN_PASSWORD）则以该账号的身份和权限运行，
  例如乡镇账号只能导入、导出本乡镇的花名册。
  By default the CLI acts as the built-in system actor with county-administrator rights (it is run by the
  administrator on their own machine). --user/--password (or ZHUCUN_USER/ZHUCUN_PASSWORD) act as a named
  account with that account's role and township."""

EPILOG = """\
退出码 / exit codes:
  0  成功 / done
  1  输入被拒绝，原因见标准错误输出 / input refused, reasons on stderr
  2  用法或环境错误（参数有误、数据库被占用、损坏、只读、找不到、版本更新、密码错误）
     / usage or environment error (bad arguments; database locked, damaged, read-only, missing or too new;
     wrong password)
  3  程序内部错误，请把输出发给技术支持 / internal error (a bug), please send the output to support

例子 / examples:
  zhucun init --db county.db --county 云岭县 --admin admin
  zhucun demo --db demo.db
  zhucun roster import --db county.db 花名册.xlsx --dry-run
  zhucun check --db county.db --json"""


class CliError(Exception):
    """A refusal or environment problem found by the CLI itself, with its exit code."""

    def __init__(self, chinese: str, english: str, code: int = EXIT_ENVIRONMENT) -> None:
        super().__init__(chinese)
        self.chinese = chinese
        self.english = english
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one ``中文 / English`` line and exit code 2, without exiting."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"命令行参数有误（{message}），运行 zhucun --help 查看用法", f"usage error: {message}")


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in str(text).splitlines() if part.strip())


def _error(chinese: str, english: str) -> None:
    print(f"{_one_line(chinese)} / {_one_line(english)}", file=sys.stderr)


def _say(text: str = "") -> None:
    print(text)


# ---------------------------------------------------------------- shared steps ---------------------------------


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    from .storage.database import open_database

    return open_database(args.db, create=create, display_name=LOCK_NAME)


def _password_from_tty(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(prompt)


def _workspace(db: Database, args: argparse.Namespace, *, needs_site: bool = True) -> Workspace:
    """The system actor, or the named user after checking the password (``--user`` / ``ZHUCUN_USER``)."""
    from .services.accounts import authenticate, site_is_set_up
    from .services.workspace import SYSTEM, Workspace

    if needs_site and not site_is_set_up(db):
        raise CliError("数据库还没有初始化，请先运行 zhucun init（或 zhucun demo 建立演示数据库）",
                       "the database is not set up yet: run zhucun init first")
    user = getattr(args, "user", None) or os.environ.get(ENV_USER)
    if not user:
        return Workspace(db, SYSTEM)
    password = getattr(args, "password", None) or os.environ.get(ENV_PASSWORD)
    if password is None:
        password = _password_from_tty(f"账号 {user} 的密码 / password: ")
    if password is None:
        raise CliError(f"以账号 {user} 运行需要密码：请用 --password 或环境变量 {ENV_PASSWORD} 提供",
                       f"a password is needed for user {user}: use --password or {ENV_PASSWORD}")
    return Workspace(db, authenticate(db, user, password))


def _named_user_check(args: argparse.Namespace, *, admin: bool) -> None:
    """For the file-level jobs (backup, restore): a named user's password (and role) is checked first."""
    if not (getattr(args, "user", None) or os.environ.get(ENV_USER)):
        return
    with _open(args) as db:
        ws = _workspace(db, args, needs_site=False)
        if admin:
            ws.require_admin()


def _roster_filter(args: argparse.Namespace) -> Any:
    from .services.roster import STATUS_ALL, RosterFilter

    return RosterFilter(status=STATUS_ALL) if args.all else None


# ---------------------------------------------------------------- commands -------------------------------------


def new_admin_password(args: argparse.Namespace, who: str) -> str:
    """The new administrator's password for ``init``: --password, the environment, or asked twice on a
    terminal; ``who`` names the account in the prompt and the message (管理员 / 乡镇管理员)."""
    password = args.admin_password or os.environ.get(ENV_ADMIN_PASSWORD)
    if password is None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"{who} {args.admin} 的密码 / administrator password: ")
        if getpass.getpass("再输入一次 / repeat: ") != password:
            raise CliError("两次输入的密码不一致", "the passwords do not match", EXIT_REFUSED)
    if password is None:
        raise CliError(f"需要{who}密码：请用 --password 或环境变量 {ENV_ADMIN_PASSWORD} 提供",
                       f"administrator password required: use --password or {ENV_ADMIN_PASSWORD}")
    return password


def cmd_init(args: argparse.Namespace) -> int:
    """首次设置: the county, its site and the administrator (the GUI's 首次设置 dialog does the same); with
    ``--from-setup`` a township installation from the county's set-up package instead."""
    if getattr(args, "from_setup", None):
        from .cli_handoff import init_from_setup_command

        return init_from_setup_command(args)
    if not args.county:
        raise CliError("需要 --county（新建县级数据库）或 --from-setup（用配置包建立乡镇数据库）",
                       "--county or --from-setup is required")
    password = new_admin_password(args, "管理员")
    from .services.accounts import setup_county_site

    db = _open(args, create=True)
    done = False
    try:
        setup_county_site(db, county_name=args.county, admin_username=args.admin, admin_password=password,
                          admin_display_name=args.display_name or "管理员")
        done = True
        _say(f"已建立{args.county.strip()}的数据库：{db.path}；管理员账号：{args.admin.strip()}")
        _say(f"database created: {db.path}")
    finally:
        created, path = db.created, db.path
        db.close()
        if created and not done and path is not None:
            from .services.maintenance import remove_database_files

            remove_database_files(path)  # a half-made database would only be in the way of the next init
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """A demonstration county (云岭县) built through the services; refused on a file that already has data."""
    from .services.demo import build_demo

    summary = build_demo(args.db, seed=args.seed)
    _say(f"演示数据库已建立：{summary.path} / demo database built")
    for line in summary.lines():
        _say(line)
    return EXIT_OK


def cmd_roster_import(args: argparse.Namespace) -> int:
    """导入花名册: every bad row reported; nothing written while any row is bad, unless --partial."""
    from .services.roster_import import import_roster

    with _open(args) as db:
        ws = _workspace(db, args)
        report = import_roster(ws, args.file, partial=args.partial, dry_run=args.dry_run)
    sheet_errors = [e for e in report.errors if not e.row]
    for issue in sheet_errors:
        _error(issue.text, "the spreadsheet cannot be read")
    if sheet_errors:
        return EXIT_REFUSED
    _say(("预览（未写入数据库）：" if args.dry_run else "导入：") + str(args.file))
    _say(report.summary())
    for issue in report.warnings:
        _say(f"提示 {issue.text}")
    for issue in report.errors:
        print(issue.text, file=sys.stderr)
    bad = len(report.bad_rows)
    if report.applied:
        if bad:
            _say(f"已导入无误的{report.good_rows}行；上面列出的{bad}行没有导入，改正后可再次导入"
                 f" / imported {report.good_rows} good rows, {bad} bad rows skipped")
        else:
            _say(f"已导入{report.good_rows}行 / imported {report.good_rows} rows")
        if report.backup_path:
            _say(f"导入前的备份：{report.backup_path}")
        return EXIT_OK
    if bad and not (args.partial and report.good_rows):
        if args.partial:
            _error("没有可以导入的行，未导入任何数据", "no row can be imported, nothing was imported")
        else:
            _error(f"有{bad}行有问题，未导入任何数据：请改正后重新导入，或加 --partial 只导入无误的行",
                   f"{bad} bad rows, nothing imported: fix them, or use --partial to import only the good rows")
        return EXIT_REFUSED
    if args.dry_run:
        _say(f"预览完毕，可以导入{report.good_rows}行，数据库未改动 / dry run: {report.good_rows} rows would be "
             "imported, nothing written")
    else:
        _say("表中没有数据行，数据库未改动 / no data rows, nothing written")
    return EXIT_OK


def cmd_roster_export(args: argparse.Namespace) -> int:
    """导出花名册 (XLSX): the same columns the import reads."""
    from .services.roster_export import export_roster_xlsx

    with _open(args) as db:
        ws = _workspace(db, args)
        count = export_roster_xlsx(ws, args.file, _roster_filter(args))
    _say(f"已导出{count}行到 {args.file} / exported {count} rows")
    return EXIT_OK


def cmd_roster_pdf(args: argparse.Namespace) -> int:
    """打印花名册 (PDF, A4, fonts embedded)."""
    from .services.roster_export import export_roster_pdf

    with _open(args) as db:
        ws = _workspace(db, args)
        count = export_roster_pdf(ws, args.output, _roster_filter(args))
    _say(f"已生成花名册PDF（{count}人）：{args.output} / roster PDF written ({count} rows)")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """完整性检查 and row counts; ``--json`` for scripts."""
    import json

    from .services.maintenance import COUNT_LABELS, check_database

    with _open(args) as db:
        _workspace(db, args, needs_site=False)
        report = check_database(db)
    if args.json:
        _say(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        _say(f"数据库：{args.db}")
        _say(f"完整性检查：{'正常' if report.ok else report.integrity} / integrity: {report.integrity}")
        for key, count in report.counts.items():
            _say(f"  {COUNT_LABELS.get(key, key)}（{key}）：{count}")
    if not report.ok:
        _error("数据库完整性检查发现问题，请从最近的备份恢复（zhucun restore），或联系技术支持",
               f"integrity check failed: {report.integrity}")
        return EXIT_ENVIRONMENT
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """立即备份: works even while the program has the database open (SQLite's backup API)."""
    from .services.maintenance import backup_file

    _named_user_check(args, admin=False)
    made = backup_file(args.db)
    _say(f"已备份到 {made} / backup written")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """从备份恢复: refused while the program has the database open; the current content is kept as a backup."""
    from .services.maintenance import restore_file

    _named_user_check(args, admin=True)
    safety = restore_file(args.db, args.backup)
    _say(f"已从备份恢复：{args.backup} / restored")
    if safety is not None:
        _say(f"恢复前的数据已另存为：{safety} / the previous content was saved as a backup")
    return EXIT_OK


# ---------------------------------------------------------------- parser and main ------------------------------


def _identity_options() -> argparse.ArgumentParser:
    """--user/--password, accepted before or after the command (defaults suppressed so neither overwrites)."""
    p = _Parser(add_help=False)
    p.add_argument("--user", default=argparse.SUPPRESS,
                   help=f"以该账号身份运行 / act as this account (env {ENV_USER})")
    p.add_argument("--password", default=argparse.SUPPRESS,
                   help=f"该账号的密码 / its password (env {ENV_PASSWORD}; prompted on a terminal)")
    return p


def build_parser() -> argparse.ArgumentParser:
    identity = _identity_options()
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog="zhucun", description=DESCRIPTION, epilog=EPILOG, formatter_class=fmt,
                     parents=[identity])
    from . import __version__

    parser.add_argument("--version", action="version", version=f"zhucun {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="命令", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int] | None, help_text: str, *,
                owner: Any = commands, with_identity: bool = True) -> argparse.ArgumentParser:
        sub = owner.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                               parents=[identity] if with_identity else [])
        if func is not None:
            sub.set_defaults(func=func)
        return sub

    def db_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--db", required=True, metavar="PATH", help="数据库文件 / database file")

    p = command("init", cmd_init, "新建数据库并完成首次设置 / create and set up a county database",
                with_identity=False)
    db_option(p)
    p.add_argument("--county", default=None, metavar="NAME", help="县名，例如 云岭县 / county name")
    p.add_argument("--admin", default="admin", metavar="USER", help="管理员用户名（默认 admin）/ admin user name")
    p.add_argument("--display-name", default=None, metavar="NAME", help="管理员姓名 / admin display name")
    p.add_argument("--password", dest="admin_password", default=None, metavar="PW",
                   help=f"管理员密码；也可用环境变量 {ENV_ADMIN_PASSWORD}，在终端上会提示输入 / admin password")
    from .cli_handoff import add_init_options

    add_init_options(p)

    p = command("demo", cmd_demo, "建立演示数据库（云岭县）/ build the demo database")
    db_option(p)
    p.add_argument("--seed", type=int, default=2026, metavar="N",
                   help="随机种子，相同种子得到相同数据 / random seed (same seed, same data)")

    roster = command("roster", None, "花名册：导入、导出、打印 / roster jobs")
    roster_commands = roster.add_subparsers(dest="roster_command", metavar="子命令", required=True)
    p = command("import", cmd_roster_import, "导入花名册 XLSX / import a roster spreadsheet",
                owner=roster_commands)
    db_option(p)
    p.add_argument("file", metavar="FILE.xlsx", help="花名册文件 / roster spreadsheet")
    p.add_argument("--partial", action="store_true",
                   help="只导入无误的行，列出其余的行 / import exactly the good rows, list the others")
    p.add_argument("--dry-run", action="store_true", help="只检查和预览，不写入 / check and preview only")
    p = command("export", cmd_roster_export, "导出花名册 XLSX / export the roster to XLSX", owner=roster_commands)
    db_option(p)
    p.add_argument("file", metavar="FILE.xlsx", help="导出的文件 / output file")
    p.add_argument("--all", action="store_true", help="包括已离岗和未到岗的人员 / include all postings")
    p = command("pdf", cmd_roster_pdf, "打印花名册 PDF / print the roster to PDF", owner=roster_commands)
    db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF 文件 / output file")
    p.add_argument("--all", action="store_true", help="包括已离岗和未到岗的人员 / include all postings")

    p = command("check", cmd_check, "检查数据库完整性并统计记录数 / integrity check and row counts")
    db_option(p)
    p.add_argument("--json", action="store_true", help='输出 JSON / print {"integrity": ..., "counts": {...}}')

    p = command("backup", cmd_backup, "立即备份数据库 / back up the database now")
    db_option(p)

    p = command("restore", cmd_restore, "从备份恢复数据库 / restore the database from a backup")
    db_option(p)
    p.add_argument("backup", metavar="BACKUP", help="备份文件 / backup file")

    from .cli_attendance import register as register_attendance

    register_attendance(commands, None)
    from .cli_leave import register as register_leave

    register_leave(commands, None)
    from .cli_supervision import register as register_supervision

    register_supervision(commands, None)
    from .cli_handoff import register as register_handoff

    register_handoff(commands)
    return parser


def _tolerant_streams() -> None:
    """A console in a legacy code page must not turn a Chinese message into a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot be reconfigured
                pass


def _service_english(exc: Exception) -> str:
    from .services.errors import NotFound, PermissionDenied, ValidationFailed

    if isinstance(exc, ValidationFailed):
        return "input refused"
    if isinstance(exc, PermissionDenied):
        return "permission denied"
    if isinstance(exc, NotFound):
        return "not found"
    return "request refused"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 done, 1 input refused, 2 usage/environment, 3 bug)."""
    _tolerant_streams()
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(list(argv) if argv is not None else None)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_ENVIRONMENT
        return int(args.func(args))
    except CliError as exc:
        _error(exc.chinese, exc.english)
        return exc.code
    except KeyboardInterrupt:
        _error("已中断", "interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - sorted in _report: refusals and environment faults are not bugs
        return _report(exc)


def _report(exc: Exception) -> int:
    from .services.errors import AuthError, ServiceError
    from .storage.errors import StorageError, classify_operational_error

    if isinstance(exc, StorageError):
        _error(exc.message, exc.english)
        return EXIT_ENVIRONMENT
    if isinstance(exc, AuthError):
        _error(exc.message, "wrong user name or password")
        return EXIT_ENVIRONMENT
    if isinstance(exc, ServiceError):
        _error(exc.message, _service_english(exc))
        return EXIT_REFUSED
    if isinstance(exc, OSError):  # the roster file or the export target; the database's own are StorageError
        where = f"“{exc.filename}”" if exc.filename else ""
        _error(f"无法读写文件{where}：{exc.strerror or exc}", f"file error: {exc}")
        return EXIT_ENVIRONMENT
    mapped = classify_operational_error(exc)
    if mapped is not None:
        _error(mapped.message, mapped.english)
        return EXIT_ENVIRONMENT
    import traceback

    traceback.print_exc()
    _error("程序内部错误，请把上面的信息发给技术支持", f"internal error: {type(exc).__name__}: {exc}")
    return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
