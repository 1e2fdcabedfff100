"""Nothing reaches the clerk as a traceback: storage faults and refusals get their own Chinese message, anything
unexpected the "程序出错" dialog with a copy-able detail and a log file beside the data. Headless runs (the smoke
test) write the same words to stderr instead of waiting for a click.

Imported at start (``gui/app.py``), so only the standard library is imported at module level.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

LOG_FILE_NAME = "zhucun-error.log"
_open_dialogs: list = []  # non-blocking error dialogs, kept alive until closed


def tell_headless(title: str, text: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    if stream is not None:
        stream.write(f"{title}：{text}\n")
        stream.flush()


def warn(title: str, text: str, headless: bool) -> None:
    if headless:
        tell_headless(title, text)
        return
    from . import messages

    messages.warn(None, title, text)


def write_error_log(log_file: Path, details: str) -> Path | None:
    """Append ``details`` to the log; the temporary folder when the data folder cannot be written (full disk,
    read-only). Returns where it went, None when nowhere could take it."""
    stamp = datetime.now().isoformat(timespec="seconds")
    import tempfile

    for target in (log_file, Path(tempfile.gettempdir()) / LOG_FILE_NAME):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a", encoding="utf-8") as fh:
                fh.write(f"==== {stamp}\n{details}\n")
            return target
        except OSError:
            continue
    return None


def crash_text(logged: Path | None) -> str:
    where = (f"错误经过已记录在：{logged}\n请把这个文件（或下面“显示详细信息”里的内容）交给技术支持。"
             if logged is not None else "错误经过无法写入日志文件（磁盘已满或只读）：请复制下面的详细信息交给技术支持。")
    return f"程序出现了一个意外错误，刚才的操作可能没有完成；已经保存的数据不受影响。\n\n{where}"


def show_crash_dialog(text: str, details: str, *, wait: bool = False):
    """The "程序出错" dialog: a short Chinese sentence, the traceback under 显示详细信息 (selectable), and a
    button that copies it. Shown without blocking (``open``) from inside the event loop; ``wait`` blocks, for
    errors before or after it runs."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "程序出错", text)
    box.setDetailedText(details)
    copy = box.addButton("复制错误信息", QMessageBox.ButtonRole.ActionRole)
    ok = box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    copy.clicked.disconnect()  # keep the box open: copying is not an answer
    copy.clicked.connect(lambda: QApplication.clipboard().setText(f"{text}\n\n{details}"))
    box.setDefaultButton(ok)
    if wait:
        box.exec()
        return box
    _open_dialogs.append(box)
    box.finished.connect(lambda _result: _open_dialogs.remove(box) if box in _open_dialogs else None)
    box.open()
    return box


def report_unexpected(log_file: Path, exc_type: type[BaseException], exc: BaseException,
                      tb: TracebackType | None, *, wait: bool = False, headless: bool = False) -> None:
    """Log the traceback and tell the clerk in Chinese; a StorageError or ServiceError (the environment or a
    refusal, not a bug) shows its own message and logs nothing."""
    from ..services.errors import ServiceError
    from ..storage.errors import StorageError, classify_operational_error

    known = exc if isinstance(exc, (StorageError, ServiceError)) else classify_operational_error(exc)
    if known is not None:
        warn("出错了", known.message, headless)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    logged = write_error_log(log_file, details)
    if sys.__stderr__ is not None:
        sys.__stderr__.write(details)
    if headless:
        tell_headless("程序出错", crash_text(logged))
        return
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        show_crash_dialog(crash_text(logged), details, wait=wait)


def make_excepthook(log_file: Path) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """``sys.excepthook`` for the GUI: an exception escaping a Qt slot reaches the clerk as the "程序出错"
    dialog (or a storage fault's own message), never as a traceback; the event loop goes on."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report_unexpected(log_file, exc_type, exc, tb)

    return hook
