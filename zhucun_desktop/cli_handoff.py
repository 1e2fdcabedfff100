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
from typing import TYPE_CHECKING, Any

from .cli import (
    ENV_PASSWORD,
    EXIT_OK,
    EXIT_REFUSED,
    CliError,
    _open,
    _password_from_tty,
    new_admin_password,
)
from .cli_common import (
    Job,
    command_maker,
    date_option,
    dry_run_option,
    open_and_run,
    output_option,
    subcommands,
    township_named,
    township_option,
)

if TYPE_CHECKING:
    from .handoff.crypto import SiteKeys
    from .services.workspace import Workspace

ENV_KEY_PASSWORD = "ZHUCUN_KEY_PASSWORD"
ENV_SETUP_CODE = "ZHUCUN_SETUP_CODE"


def _keys(ws: Workspace, args: argparse.Namespace) -> SiteKeys:
    from .handoff.keys import unlock_keys

    password = (getattr(args, "key_password", None) or os.environ.get(ENV_KEY_PASSWORD)
                or getattr(args, "password", None) or os.environ.get(ENV_PASSWORD))
    if password is None:
        password = _password_from_tty("数据交换密钥的密码（建立本站点的管理员密码）/ key password: ")
    if password is None:
        raise CliError(f"需要数据交换密钥的密码：请用 --key-password 或环境变量 {ENV_KEY_PASSWORD} 提供",
                       f"the key password is needed: use --key-password or {ENV_KEY_PASSWORD}")
    return unlock_keys(ws, password)


def _refused(exc: Exception) -> Exception:
    return CliError(str(exc), getattr(exc, "english", "package refused"), EXIT_REFUSED)


def _run(args: argparse.Namespace, job: Job) -> int:
    """cli_common's open_and_run, with a refused package (damaged, foreign, replayed…) as exit 1."""

    def refusing(ws: Workspace, args: argparse.Namespace) -> int:
        from .handoff.package import PackageError

        try:
            return job(ws, args)
        except PackageError as exc:
            raise _refused(exc) from exc

    return open_and_run(args, refusing)


def site_setup_package(ws: Workspace, args: argparse.Namespace) -> int:
    """制作乡镇配置包: prints the one-time 配置口令 (shown only now)."""
    from .handoff.setup import create_setup_package

    made = create_setup_package(ws, township_named(ws, args.township), args.output)
    print(f"已制作{made.township_name}的配置包：{made.path}（{made.rows}条记录）/ set-up package written")
    print(f"配置口令 / set-up code: {made.passphrase}")
    print("请把配置口令当面或电话告诉乡镇管理员，不要和配置包放在同一个U盘里；口令只显示这一次。")
    return EXIT_OK


def package_export(ws: Workspace, args: argparse.Namespace) -> int:
    from .handoff.export import export_all, export_package
    from .handoff.sites import list_peers

    keys = _keys(ws, args)
    since = args.since
    if args.township:
        uuid = township_named(ws, args.township)
        peers = [p.site_id for p in list_peers(ws) if p.township_uuid == uuid]
        if not peers:
            raise CliError(f"还没有给“{args.township}”制作配置包，不能向它发送数据包",
                           "no set-up package was made for this township", EXIT_REFUSED)
        results = [export_package(ws, keys, args.output, destination=peers[0], since=since)]
    elif ws.is_county_site:
        results = export_all(ws, keys, args.output, since=since)
    else:
        results = [export_package(ws, keys, args.output, since=since)]
    for r in results:
        print(r.message())
        print(f"written: {r.path}")
    return EXIT_OK


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
    return EXIT_OK


def init_from_setup_command(args: argparse.Namespace) -> int:
    """``zhucun init --db PATH --from-setup FILE``: a township installation from its set-up package."""
    import getpass

    from .handoff.package import PackageError
    from .handoff.setup import init_from_setup
    from .services.maintenance import remove_database_files

    code = args.setup_code or os.environ.get(ENV_SETUP_CODE)
    if code is None and sys.stdin.isatty():
        code = getpass.getpass("配置口令 / set-up code: ")
    if not code:
        raise CliError(f"需要配置口令：请用 --setup-code 或环境变量 {ENV_SETUP_CODE} 提供",
                           f"the set-up code is required: use --setup-code or {ENV_SETUP_CODE}")
    password = new_admin_password(args, "乡镇管理员")
    db = _open(args, create=True)
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
    return EXIT_OK


def register(subparsers: Any, run: Any = None) -> None:
    """Add ``site`` and ``package`` to the ``zhucun`` command's subparsers."""
    command = command_maker(run or _run)

    def key_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--key-password", default=None, metavar="PW",
                         help=f"数据交换密钥的密码（建立本站点的管理员密码；也可用环境变量 {ENV_KEY_PASSWORD}）"
                              " / password that opens this site's keys")

    site = command(subparsers, "site", None, "站点：制作乡镇配置包 / sites and set-up packages")
    p = command(subcommands(site, "site_command"), "setup-package", site_setup_package,
                "为一个乡镇制作配置包（县委组织部）/ make a township's set-up package")
    township_option(p, "乡镇名称 / township name", required=True)
    output_option(p, "FILE", "配置包文件 / output file (.zcsetup)")

    package = command(subparsers, "package", None, "数据包：导出、导入（U盘交换）/ USB packages")
    package_commands = subcommands(package, "package_command")
    p = command(package_commands, "export", package_export,
                "导出数据包到文件夹（U盘）/ write a package into a folder")
    output_option(p, "DIR", "文件夹，例如U盘 / target folder")
    p.add_argument("--since", type=date_option("--since"), default=None, metavar="YYYY-MM-DD",
                   help="导出自该日以来的变动（默认：对方确认收到之后的变动）/ changes since this date")
    township_option(p, "县里：只发给这个乡镇（默认每个乡镇一个数据包）/ county: only this township")
    key_option(p)
    p = command(package_commands, "import", package_import, "导入数据包 / import a package")
    p.add_argument("file", metavar="FILE.zcpkg", help="数据包文件 / package file")
    dry_run_option(p)
    key_option(p)


def add_init_options(parser: argparse.ArgumentParser) -> None:
    """The options ``zhucun init`` gains for a township installation."""
    parser.add_argument("--from-setup", default=None, metavar="FILE",
                        help="用县委组织部制作的配置包建立乡镇数据库 / set up a township from its set-up package")
    parser.add_argument("--setup-code", default=None, metavar="CODE",
                        help=f"配置口令；也可用环境变量 {ENV_SETUP_CODE}，在终端上会提示输入 / set-up code")
