"""Start the program: options, fonts, the database (with a Chinese answer to every storage fault), sign-in.

    zhucun-desktop [--db PATH] [--demo] [--smoke-test]

The database lives in the user's data folder (``platformdirs``), or beside the program when a frozen build has a
``portable.txt`` next to its executable (a copy run from a USB stick keeps its data there; a portable copy in a
read-only folder is told so and offered the user's data folder instead).

Start-up speed: the first thing on screen is 登录, shown and painted before the storage layer (SQLAlchemy and
the models, most of a second on an old PC) is imported; the database opens, and the main window's modules load,
while the clerk types the password. Heavy modules (Alembic, reportlab, openpyxl, the pages' printing) are
imported only when used.

Nothing reaches the clerk as a traceback (gui/crash.py): storage faults get their own Chinese message,
anything unexpected the "程序出错" dialog with a copy-able detail and a log file beside the data.
``--smoke-test`` never waits for a click: its messages go to stderr and it exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .crash import (  # noqa: F401 - crash_text, make_excepthook, write_error_log: used through this module too
    LOG_FILE_NAME,
    crash_text,
    make_excepthook,
    report_unexpected,
    tell_headless,
    warn,
    write_error_log,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from ..services.workspace import Actor, Workspace
    from ..storage.database import Database
    from .login import LoginDialog

APP_DIR_NAME = "zhucun_desktop"
DB_FILE_NAME = "zhucun.db"
DEMO_FILE_NAME = "demo.db"
PORTABLE_MARKER = "portable.txt"
DEMO_SEED = 2026

_translators: list = []  # installed QTranslators, kept alive for the life of the process


# ---------------------------------------------------------------- where the data lives ------------------------


def user_data_dir() -> Path:
    """The user's own data folder (Windows ``%LOCALAPPDATA%\\zhucun_desktop``, Linux ``~/.local/share/...``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def portable_dir() -> Path | None:
    """The program's own folder when a frozen build has ``portable.txt`` beside its executable, else None."""
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        if (exe_dir / PORTABLE_MARKER).is_file():
            return exe_dir
    return None


def data_dir() -> Path:
    """Beside the executable in a portable frozen build, else the user's data folder."""
    return portable_dir() or user_data_dir()


def default_db_path(demo: bool = False) -> Path:
    """The working database; the demonstration database is a separate file, so ``--demo`` never fills the real
    one with invented people."""
    return data_dir() / (DEMO_FILE_NAME if demo else DB_FILE_NAME)


def folder_is_writable(folder: Path) -> bool:
    """Try it: a real file is created and removed (permission bits, read-only media and ACLs all count)."""
    import tempfile  # not at module level: only a portable start probes, and start-up time counts

    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".zhucun-probe-", delete=True):
            return True
    except OSError:
        return False


def portable_read_only_text(folder: Path, fallback: Path) -> str:
    return (f"程序文件夹旁边有 {PORTABLE_MARKER}（便携模式：数据库和备份保存在程序旁边），"
            f"但这个文件夹是只读的，无法保存数据：\n{folder}\n\n"
            f"可以改用本机的用户数据文件夹：\n{fallback}\n\n"
            "如果要继续使用便携模式，请把整个程序文件夹复制到可写的位置（例如U盘或“文档”）后再运行。")


def choose_data_dir(*, headless: bool = False) -> Path | None:
    """The folder for the default database; a read-only portable folder is explained and the user's data
    folder offered (None when the clerk chose 退出, or in a smoke test, which cannot ask)."""
    portable = portable_dir()
    if portable is None or folder_is_writable(portable):
        return data_dir()
    fallback = user_data_dir()
    text = portable_read_only_text(portable, fallback)
    if headless:
        tell_headless("便携模式无法使用", text)
        return None
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "便携模式无法使用", text)
    use_user = box.addButton("改用用户数据文件夹", QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(use_user)
    box.setEscapeButton(quit_button)
    box.exec()
    return fallback if box.clickedButton() is use_user else None


def error_log_path(db_arg: str | None = None) -> Path:
    """Where unexpected errors are logged: beside the database the clerk works on."""
    return (Path(db_arg).expanduser().absolute().parent if db_arg else data_dir()) / LOG_FILE_NAME


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


def set_window_icon(app: QApplication) -> None:
    """The 驻 icon on every window and in the task bar (the .exe carries the same icon as a resource)."""
    from PySide6.QtGui import QIcon

    from .. import resource_file

    icon = resource_file("icons", "zhucun.png")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))


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


def open_with_messages(path: Path, *, headless: bool = False) -> Database | None:
    """Open the database, or explain in Chinese why not (locked, damaged, too new, read-only, disk full)."""
    from ..storage.backup import backup_dir_for
    from ..storage.database import open_database, restore_database
    from ..storage.errors import DatabaseCorruptError, StorageError
    from . import messages

    while True:
        try:
            return open_database(path)
        except DatabaseCorruptError as exc:
            if headless:
                tell_headless("数据库已损坏", exc.message)
                return None
            choice = _corrupt_choice(exc, path)
            if choice == "restore":
                try:
                    saved = restore_database(path, exc.newest_backup)
                except StorageError as again:
                    messages.warn(None, "恢复没有完成", again.message)
                    return None
                note = f"损坏的文件已另存为 {saved.name}。" if saved is not None else ""
                messages.inform(None, "已恢复", f"已从备份 {exc.newest_backup.name} 恢复数据库。{note}")
                continue
            if choice == "folder":
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                folder = backup_dir_for(path)
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder if folder.is_dir() else path.parent)))
            return None
        except StorageError as exc:
            warn("无法打开数据库", exc.message, headless)
            return None


def restore_from_backup(ws: Workspace, backup_path: Path) -> Path | None:
    """Replace the open database's content with a backup and go on working on it (系统设置 → 数据备份).

    ``Database.restore`` closes the engine, saves the current content as a 恢复前 backup, restores and reopens —
    all while keeping the lock, so no other program can open the file half-way. Returns that safety copy.
    """
    safety = ws.db.restore(backup_path)
    ws.forget_site()
    return safety


def build_demo_with_progress(path: Path, *, headless: bool = False) -> bool:
    """Build the demonstration database, telling the clerk to wait (it takes a few seconds)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ..services.demo import build_demo
    from ..services.errors import ServiceError
    from ..storage.errors import StorageError

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
        warn("无法建立演示数据库", exc.message, headless)
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


def show_painted(widget: QWidget) -> None:
    """Show ``widget`` and have it painted now, before the caller goes on with slow work (the window system may
    take a moment to map it; half a second at most is waited for that)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    if widget.layout() is not None:
        widget.layout().activate()  # sized before it is shown, as on a desktop (offscreen Qt warns otherwise)
    widget.show()
    QApplication.processEvents()
    handle = widget.windowHandle()
    deadline = time.monotonic() + 0.5
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    widget.repaint()
    QApplication.processEvents()


def show_login_first(*, demo: bool) -> LoginDialog:
    """登录 on screen before the storage layer is even imported: the clerk starts typing while the database opens
    (nothing typed is lost: key presses wait in the queue until :func:`sign_in` runs the dialog)."""
    from .login import LoginDialog

    dialog = LoginDialog(None, username="admin" if demo else "")
    show_painted(dialog)
    return dialog


def sign_in(db: Database, *, demo: bool, login: LoginDialog | None = None) -> Actor | None:
    """首次设置 on a new database, else 登录 (``login`` when it is already on screen); None when the clerk chose
    退出."""
    from ..services.accounts import site_is_set_up
    from ..services.workspace import SYSTEM, Workspace
    from .login import FirstRunDialog, LoginDialog

    if not site_is_set_up(db):
        if login is not None:
            login.close()
        first = FirstRunDialog(db)
        return first.actor if first.exec() else None
    site = Workspace(db, SYSTEM).site() or {}
    hint = demo_hint() if demo else ""
    if login is None:
        login = LoginDialog(db, site_name=site.get("name", ""), username="admin" if demo else "", hint=hint)
    else:
        login.attach(db, site_name=site.get("name", ""), hint=hint)
    return login.actor if login.exec() else None


def _smoke_note(text: str) -> None:
    """A milestone of ``--smoke-test`` on stderr (the start-up benchmark times them)."""
    tell_headless("启动自检", text)


def _has_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _ensure_std_streams() -> None:
    """A windowed build (no console) has no stdout/stderr: argparse and print must not fail on None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process's life


def database_path(args: argparse.Namespace) -> Path | None:
    """``--db``, else the default file in the data folder; None when there is nowhere to keep it."""
    if args.db:
        return Path(args.db).expanduser()
    folder = choose_data_dir(headless=args.smoke_test)
    return None if folder is None else folder / (DEMO_FILE_NAME if args.demo else DB_FILE_NAME)


def main(argv: list[str] | None = None) -> int:
    _ensure_std_streams()
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from .. import APP_NAME
    from .fonts import install_app_font

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    set_window_icon(app)
    install_app_font(app)
    install_translations(app)
    path = database_path(args)
    if path is None:
        return 1
    log_file = path.absolute().parent / LOG_FILE_NAME
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(log_file)
    try:
        return _run(app, args, path)
    except Exception as exc:  # noqa: BLE001 - outside the event loop: the same dialog, then quit
        report_unexpected(log_file, type(exc), exc, exc.__traceback__, wait=True, headless=args.smoke_test)
        return 3
    finally:
        sys.excepthook = previous_hook


def _run(app: QApplication, args: argparse.Namespace, path: Path) -> int:
    headless = args.smoke_test
    if args.demo and not _has_data(path) and not build_demo_with_progress(path, headless=headless):
        return 1
    # A new file gets 首次设置, not 登录: there is nobody to sign in yet.
    login = show_login_first(demo=args.demo) if _has_data(path) else None
    if login is not None and headless:
        _smoke_note("登录窗口已显示")
    db = open_with_messages(path, headless=headless)
    if db is None:
        if login is not None:
            login.close()
        return 1
    try:
        from ..domain import terms
        from ..services.workspace import Actor, Workspace
        from .main_window import MainWindow  # imported while the clerk types

        if args.smoke_test:
            # A read-only actor instead of a password: the smoke test must never change the database.
            if login is not None:
                login.close()
            window = MainWindow(Workspace(db, Actor("smoke-test", "启动自检", terms.USER_ROLE_COUNTY_VIEWER)))
            show_painted(window)
            _smoke_note("主窗口已显示")
            window.close()
            return 0
        actor = sign_in(db, demo=args.demo, login=login)
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
