"""``zhucun site …``, ``zhucun package …`` and ``zhucun init --from-setup``: the USB hand-off from the command
line, through the same functions as the 数据交换 screen (zhucun_desktop.handoff).

Wired into :mod:`zhucun_desktop.cli` by ``register(commands)``. cli.py's contract: exit 0 done, 1 refused (a
damaged, foreign, replayed or wrongly addressed package; a wrong 配置口令), 2 usage or environment (a wrong
password for the keys); each error one ``中文 / English`` line.

The site's private keys open with the password of the administrator who set the site up: ``--key-password``,
else the environment variable ``ZHUCUN_KEY_PASSWORD``, else ``--password`` / ``ZHUCUN_PASSWORD`` of ``--user``,
else a prompt on a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .handoff.crypto import SiteKeys
    from .services.workspace import Workspace

ENV_KEY_PASSWORD = "ZHUCUN_KEY_PASSWORD"
ENV_SETUP_CODE = "ZHUCUN_SETUP_CODE"


def _cli() -> Any:
    from . import cli

    return cli


def _keys(ws: Workspace, args: argparse.Namespace) -> SiteKeys:
    from .handoff.keys import unlock_keys

    cli = _cli()
    password = (getattr(args, "key_password", None) or os.environ.get(ENV_KEY_PASSWORD)
                or getattr(args, "password", None) or os.environ.get(cli.ENV_PASSWORD))
    if password is None:
        password = cli._password_from_tty("数据交换密钥的密码（建立本站点的管理员密码）/ key password: ")
    if password is None:
        raise cli.CliError(f"需要数据交换密钥的密码：请用 --key-password 或环境变量 {ENV_KEY_PASSWORD} 提供",
                           f"the key password is needed: use --key-password or {ENV_KEY_PASSWORD}")
    return unlock_keys(ws, password)


def _refused(exc: Exception) -> Exception:
    cli = _cli()
    return cli.CliError(str(exc), getattr(exc, "english", "package refused"), cli.EXIT_REFUSED)


def _run(args: argparse.Namespace, job: Any) -> int:
    from .handoff.package import PackageError

    cli = _cli()
    with cli._open(args) as db:
        ws = cli._workspace(db, args)
        try:
            return job(ws, args)
        except PackageError as exc:
            raise _refused(exc) from exc


def _township_uuid(ws: Workspace, name: str) -> str:
    from .domain.text import normalize
    from .services.org import list_townships

    for t in list_townships(ws):
        if t.name == normalize(name):
            return t.uuid
    cli = _cli()
    raise cli.CliError(f"没有名为“{name}”的乡镇", f"no township named {name!r}", cli.EXIT_REFUSED)


def site_setup_package(ws: Workspace, args: argparse.Namespace) -> int:
    """制作乡镇配置包: prints the one-time 配置口令 (shown only now)."""
    from .handoff.setup import create_setup_package

    made = create_setup_package(ws, _township_uuid(ws, args.township), args.output)
    print(f"已制作{made.township_name}的配置包：{made.path}（{made.rows}条记录）/ set-up package written")
    print(f"配置口令 / set-up code: {made.passphrase}")
    print("请把配置口令当面或电话告诉乡镇管理员，不要和配置包放在同一个U盘里；口令只显示这一次。")
    return 0


def package_export(ws: Workspace, args: argparse.Namespace) -> int:
    from .handoff.export import export_all, export_package
    from .handoff.sites import list_peers

    keys = _keys(ws, args)
    since = date.fromisoformat(args.since) if args.since else None
    if args.township:
        uuid = _township_uuid(ws, args.township)
        peers = [p.site_id for p in list_peers(ws) if p.township_uuid == uuid]
        if not peers:
            cli = _cli()
            raise cli.CliError(f"还没有给“{args.township}”制作配置包，不能向它发送数据包",
                               "no set-up package was made for this township", cli.EXIT_REFUSED)
        results = [export_package(ws, keys, args.output, destination=peers[0], since=since)]
    elif ws.is_county_site:
        results = export_all(ws, keys, args.output, since=since)
    else:
        results = [export_package(ws, keys, args.output, since=since)]
    for r in results:
        print(r.message())
        print(f"written: {r.path}")
    return 0


def package_import(ws: Workspace, args: argparse.Namespace) -> int:
    from .handoff.importer import import_package

    keys = _keys(ws, args)
    result = import_package(ws, keys, args.file, dry_run=args.dry_run)
    lines = result.preview.lines()
    print(("预览（未写入数据库）：" if args.dry_run else "导入：") + str(args.file))
    for line in lines[1:] if result.preview.already_imported_at is None else []:
        print(line)
    print(result.message)
    if result.backup_path:
        print(f"导入前的备份：{result.backup_path}")
    return 0


def _since(text: str) -> str:
    try:
        date.fromisoformat(text)
    except ValueError:
        cli = _cli()
        raise cli.CliError(f"--since 应写成 年-月-日，例如 2026-10-01，而不是“{text}”",
                           f"--since must be YYYY-MM-DD, not {text!r}") from None
    return text


def init_from_setup_command(args: argparse.Namespace) -> int:
    """``zhucun init --db PATH --from-setup FILE``: a township installation from its set-up package."""
    import getpass

    from .handoff.package import PackageError
    from .handoff.setup import init_from_setup
    from .services.maintenance import remove_database_files

    cli = _cli()
    code = args.setup_code or os.environ.get(ENV_SETUP_CODE)
    if code is None and sys.stdin.isatty():
        code = getpass.getpass("配置口令 / set-up code: ")
    if not code:
        raise cli.CliError(f"需要配置口令：请用 --setup-code 或环境变量 {ENV_SETUP_CODE} 提供",
                           f"the set-up code is required: use --setup-code or {ENV_SETUP_CODE}")
    password = args.admin_password or os.environ.get(cli.ENV_ADMIN_PASSWORD)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(f"乡镇管理员 {args.admin} 的密码 / administrator password: ")
        if getpass.getpass("再输入一次 / repeat: ") != password:
            raise cli.CliError("两次输入的密码不一致", "the passwords do not match", cli.EXIT_REFUSED)
    if password is None:
        raise cli.CliError(f"需要乡镇管理员密码：请用 --password 或环境变量 {cli.ENV_ADMIN_PASSWORD} 提供",
                           f"administrator password required: use --password or {cli.ENV_ADMIN_PASSWORD}")
    db = cli._open(args, create=True)
    done = False
    try:
        actor = init_from_setup(db, args.from_setup, code, admin_username=args.admin, admin_password=password,
                                admin_display_name=args.display_name or "")
        done = True
        print(f"已用配置包建立乡镇数据库：{db.path}；管理员账号：{actor.username}（乡镇领导）")
        print(f"township database created: {db.path}")
    except PackageError as exc:
        raise _refused(exc) from exc
    finally:
        created, path = db.created, db.path
        db.close()
        if created and not done and path is not None:
            remove_database_files(path)
    return 0


def register(subparsers: Any, run: Any = None) -> None:
    """Add ``site`` and ``package`` to the ``zhucun`` command's subparsers."""
    cli = _cli()
    runner = run or _run
    identity = cli._identity_options()
    fmt = argparse.RawDescriptionHelpFormatter

    def command(owner: Any, name: str, job: Any, help_text: str) -> argparse.ArgumentParser:
        sub = owner.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                               parents=[identity])
        if job is not None:
            sub.set_defaults(func=lambda args: runner(args, job))
            sub.add_argument("--db", required=True, metavar="PATH", help="数据库文件 / database file")
        return sub

    def key_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--key-password", default=None, metavar="PW",
                         help=f"数据交换密钥的密码（建立本站点的管理员密码；也可用环境变量 {ENV_KEY_PASSWORD}）"
                              " / password that opens this site's keys")

    site = command(subparsers, "site", None, "站点：制作乡镇配置包 / sites and set-up packages")
    site_commands = site.add_subparsers(dest="site_command", metavar="子命令", required=True)
    p = command(site_commands, "setup-package", site_setup_package,
                "为一个乡镇制作配置包（县委组织部）/ make a township's set-up package")
    p.add_argument("--township", required=True, metavar="NAME", help="乡镇名称 / township name")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="配置包文件 / output file (.zcsetup)")

    package = command(subparsers, "package", None, "数据包：导出、导入（U盘交换）/ USB packages")
    package_commands = package.add_subparsers(dest="package_command", metavar="子命令", required=True)
    p = command(package_commands, "export", package_export,
                "导出数据包到文件夹（U盘）/ write a package into a folder")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="文件夹，例如U盘 / target folder")
    p.add_argument("--since", type=_since, default=None, metavar="YYYY-MM-DD",
                   help="导出自该日以来的变动（默认：对方确认收到之后的变动）/ changes since this date")
    p.add_argument("--township", default=None, metavar="NAME",
                   help="县里：只发给这个乡镇（默认每个乡镇一个数据包）/ county: only this township")
    key_option(p)
    p = command(package_commands, "import", package_import, "导入数据包 / import a package")
    p.add_argument("file", metavar="FILE.zcpkg", help="数据包文件 / package file")
    p.add_argument("--dry-run", action="store_true", help="只检查和预览，不写入 / check and preview only")
    key_option(p)


def add_init_options(parser: argparse.ArgumentParser) -> None:
    """The options ``zhucun init`` gains for a township installation."""
    parser.add_argument("--from-setup", default=None, metavar="FILE",
                        help="用县委组织部制作的配置包建立乡镇数据库 / set up a township from its set-up package")
    parser.add_argument("--setup-code", default=None, metavar="CODE",
                        help=f"配置口令；也可用环境变量 {ENV_SETUP_CODE}，在终端上会提示输入 / set-up code")
