"""导出Excel… and 打印花名册…: the roster as the screen filters it, through the same services as the CLI."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...services.roster import RosterFilter
from ...services.roster_export import export_roster_pdf, export_roster_xlsx
from ...services.workspace import Workspace
from ..messages import inform, report_error, warn
from ..pdf_preview import PdfPreviewDialog
from ..widgets import busy as _busy
from ..widgets import done as _done


def default_name(extension: str) -> str:
    return f"驻村干部花名册_{date.today():%Y-%m-%d}.{extension}"


def export_excel(parent: QWidget, ws: Workspace, flt: RosterFilter) -> Path | None:
    start = str(Path.home() / default_name("xlsx"))
    target, _ = QFileDialog.getSaveFileName(parent, "导出Excel", start, "Excel 文件 (*.xlsx)")
    if not target:
        return None
    path = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
    _busy()
    try:
        count = export_roster_xlsx(ws, path, flt)
    except PermissionError:
        _done()
        warn(parent, "没有导出", f"无法写入“{path.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后再导出。")
        return None
    except Exception as exc:  # noqa: BLE001 - every failure is told in Chinese; nothing half-written stays open
        _done()
        report_error(parent, exc, "没有导出")
        return None
    _done()
    inform(parent, "已导出", f"已导出 {count} 条驻村记录到：\n{path}")
    return path


def print_roster(parent: QWidget, ws: Workspace, flt: RosterFilter) -> None:
    """Write the PDF to a temporary folder, preview it, and remove it when the preview closes."""
    folder = Path(tempfile.mkdtemp(prefix="zhucun-print-"))
    pdf = folder / default_name("pdf")
    _busy()
    try:
        export_roster_pdf(ws, pdf, flt)
    except Exception as exc:  # noqa: BLE001
        _done()
        report_error(parent, exc, "无法生成花名册")
        return
    _done()
    dialog = PdfPreviewDialog(pdf, parent, title="打印花名册", suggested_name=pdf.name)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
        _remove(folder)


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        try:
            child.unlink()
        except OSError:
            pass  # Windows may still hold the file for a moment; the temp folder is cleaned by the system
    try:
        folder.rmdir()
    except OSError:
        pass
