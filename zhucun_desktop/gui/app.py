"""Start the program: options, fonts, the database (with a Chinese answer to every storage fault), sign-in.

    zhucun-desktop [--db PATH] [--demo] [--smoke-test]

The database lives in the user's data folder (``platformdirs``), or beside the program when a frozen build has a
``portable.txt`` next to its executable (a copy run from a USB stick keeps its data there). Heavy modules
(reportlab, openpyxl, the pages' printing) are imported only when used, so the window appears quickly.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ..services.workspace import Actor, Workspace
    from ..storage.database import Database

APP_DIR_NAME = "zhucun_desktop"
DB_FILE_NAME = "zhucun.db"
DEMO_FILE_NAME = "demo.db"
LOG_FILE_NAME = "zhucun-error.log"
PORTABLE_MARKER = "portable.txt"
DEMO_SEED = 2026

_translators: list = []  # installed QTranslators, kept alive for the life of the process


# ---------------------------------------------------------------- where the data lives ------------------------


def data_dir() -> Path:
    """Beside the executable in a portable frozen build, else the user's data folder."""
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        if (exe_dir / PORTABLE_MARKER).is_file():
            return exe_dir
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path(demo: bool = False) -> Path:
    """The working database; the demonstration database is a separate file, so ``--demo`` never fills the real
    one with invented people."""
    return data_dir() / (DEMO_FILE_NAME if demo else DB_FILE_NAME)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zhucun-desktop", description="驻村第一书记和工作队管理系统")
    parser.add_argument("--db", metavar="PATH", help="数据库文件 (database file)")
    parser.add_argument("--demo", action="store_true", help="使用演示数据 (build and open a demo database)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="启动、打开数据库、建立主窗口后退出 (start, open, build the window, quit 0)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- Qt set-up ----------------------------------


def install_translations(app: QApplication) -> None:
    """Qt's own words (右键菜单 复制/粘贴, 日历) in Chinese; the translator is kept alive on the app."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if _translators:
        return
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _translators.append(translator)


def make_excepthook(log_file: Path) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A short Chinese message for the clerk, the traceback in ``log_file`` for whoever supports them.

    A StorageError or ServiceError that escapes a page is the environment or a refusal, not a bug: its own
    Chinese message is shown and nothing is logged.
    """

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QApplication

        from ..services.errors import ServiceError
        from ..storage.errors import StorageError, classify_operational_error

        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        known = exc if isinstance(exc, (StorageError, ServiceError)) else classify_operational_error(exc)
        if known is not None:
            text = known.message
        else:
            text = ("程序出现了一个意外错误，刚才的操作可能没有完成；已经保存的数据不受影响。\n\n"
                    f"错误经过已记录在：{log_file}\n请把这个文件交给技术支持。")
            stamp = datetime.now().isoformat(timespec="seconds")
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            try:
                log_file.parent.mkdir(parents=True, exist_ok=True)
                with log_file.open("a", encoding="utf-8") as fh:
                    fh.write(f"==== {stamp}\n{details}\n")
            except OSError:
                pass  # nowhere to write: the message still appears
            if sys.__stderr__ is not None:
                sys.__stderr__.write(details)
        if QApplication.instance() is not None:
            from .messages import warn

            warn(None, "出错了", text)

    return hook


# ---------------------------------------------------------------- opening the database -----------------------


def _corrupt_choice(exc, path: Path) -> str:
    """Ask what to do with a damaged database: "restore", "folder" or "quit"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "数据库已损坏", exc.message)
    restore = box.addButton("从最近的备份恢复", QMessageBox.ButtonRole.AcceptRole) if exc.newest_backup else None
    folder = box.addButton("打开备份文件夹", QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if restore is not None and clicked is restore else "folder" if clicked is folder else "quit"


def open_with_messages(path: Path) -> Database | None:
    """Open the database, or explain in Chinese why not (locked, damaged, too new, read-only, disk full)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from ..storage.backup import backup_dir_for
    from ..storage.database import open_database, restore_database
    from ..storage.errors import DatabaseCorruptError, StorageError
    from .messages import inform, warn

    while True:
        try:
            return open_database(path)
        except DatabaseCorruptError as exc:
            choice = _corrupt_choice(exc, path)
            if choice == "restore":
                try:
                    saved = restore_database(path, exc.newest_backup)
                except StorageError as again:
                    warn(None, "恢复没有完成", again.message)
                    return None
                note = f"损坏的文件已另存为 {saved.name}。" if saved is not None else ""
                inform(None, "已恢复", f"已从备份 {exc.newest_backup.name} 恢复数据库。{note}")
                continue
            if choice == "folder":
                folder = backup_dir_for(path)
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder if folder.is_dir() else path.parent)))
            return None
        except StorageError as exc:
            warn(None, "无法打开数据库", exc.message)
            return None


def restore_from_backup(ws: Workspace, backup_path: Path) -> Path | None:
    """Replace the open database's content with a backup and go on working on it (系统设置 → 数据备份).

    ``Database.restore`` closes the engine, saves the current content as a 恢复前 backup, restores and reopens —
    all while keeping the lock, so no other program can open the file half-way. Returns that safety copy.
    """
    safety = ws.db.restore(backup_path)
    ws.forget_site()
    return safety


def build_demo_with_progress(path: Path) -> bool:
    """Build the demonstration database, telling the clerk to wait (it takes a few seconds)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ..services.demo import build_demo
    from ..services.errors import ServiceError
    from ..storage.errors import StorageError
    from .messages import warn

    progress = QProgressDialog("正在建立演示数据库，请稍候……", "", 0, 0)
    progress.setWindowTitle("演示数据")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()
    QApplication.processEvents()
    try:
        build_demo(path, seed=DEMO_SEED)
    except (StorageError, ServiceError) as exc:
        progress.close()
        warn(None, "无法建立演示数据库", exc.message)
        return False
    progress.close()
    return True


def demo_hint() -> str:
    """The demo accounts for the login dialog: the county's in full, the townships' in one line."""
    from ..domain import terms
    from ..services.demo import DEMO_ACCOUNTS

    county = [a for a in DEMO_ACCOUNTS if a[2] in terms.USER_ROLES]
    townships = [a for a in DEMO_ACCOUNTS if a[2] not in terms.USER_ROLES]
    lines = [f"{username} / {password}（{label}）" for username, password, label in county]
    if townships:
        lines.append(f"{'、'.join(a[0] for a in townships[:2])} 等{len(townships)}个乡镇账号 / {townships[0][1]}")
    return "演示数据库的账号（用户名 / 密码）：\n" + "\n".join(lines)


# ---------------------------------------------------------------- sign-in and main ---------------------------


def sign_in(db: Database, *, demo: bool) -> Actor | None:
    """首次设置 on a new database, else 登录; None when the clerk chose 退出."""
    from ..services.accounts import site_is_set_up
    from ..services.workspace import SYSTEM, Workspace
    from .login import FirstRunDialog, LoginDialog

    if not site_is_set_up(db):
        first = FirstRunDialog(db)
        return first.actor if first.exec() else None
    site = Workspace(db, SYSTEM).site() or {}
    dialog = LoginDialog(db, site_name=site.get("name", ""), username="admin" if demo else "",
                         hint=demo_hint() if demo else "")
    return dialog.actor if dialog.exec() else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from .. import APP_NAME
    from .fonts import install_app_font

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    install_app_font(app)
    install_translations(app)
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(data_dir() / LOG_FILE_NAME)
    try:
        return _run(app, args)
    finally:
        sys.excepthook = previous_hook


def _run(app: QApplication, args: argparse.Namespace) -> int:
    from ..domain import terms
    from ..services.workspace import Actor, Workspace

    path = Path(args.db).expanduser() if args.db else default_db_path(demo=args.demo)
    if args.demo and not (path.is_file() and path.stat().st_size > 0) and not build_demo_with_progress(path):
        return 1
    db = open_with_messages(path)
    if db is None:
        return 1
    try:
        from .main_window import MainWindow

        if args.smoke_test:
            # A read-only actor: the smoke test must never change the database it is pointed at.
            ws = Workspace(db, Actor("smoke-test", "启动自检", terms.USER_ROLE_COUNTY_VIEWER))
            window = MainWindow(ws)
            window.layout().activate()  # sized before it is shown, as on a desktop (offscreen Qt warns otherwise)
            window.show()
            app.processEvents()
            window.close()
            return 0
        actor = sign_in(db, demo=args.demo)
        if actor is None:
            return 0
        if db.lock is not None:
            db.lock.set_display_name(actor.display_name)
        window = MainWindow(Workspace(db, actor))
        screen = app.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is not None and (available.width() < window.width() or available.height() < window.height()):
            window.showMaximized()  # an old 1366×768 screen: use all of it rather than hang off the edge
        else:
            window.show()
        return app.exec()
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
