"""规则设置: the county administrator's versions of the rule set, and the editor of its leave section (§8).

DOMAIN.md "Rule sets": counties and programmes differ, so the thresholds and the chains of who signs are data
that the administrator changes here, never in code. A change is never made to a version in use: 另存为新版本并启用
stores a new numbered version and makes it the active one (each leave request keeps the version it was decided
under). The problems of the edited values are listed live, in the words of ``domain.leave_rules``; saving is
refused while there are any. 载入预设 fills the editor with the shipped default (000's measures) or 003's
programme, to be checked and saved like any edit. Other accounts see the rules, read-only, with the reason.
"""

from __future__ import annotations

import copy
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import terms
from ...services import rule_sets
from ...services.defaults import load_rule_file
from ...services.workspace import Workspace
from ..labels import utc_datetime_text
from ..leave.rule_editor import TierTable
from ..messages import confirm
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR, service_message
from ..table_model import RowsTableModel, fit_columns, fit_rows, make_table_view, select_first

NO_FIRST_STEP = "（不需要）"
VERSION_ROWS = 5


class VersionsModel(RowsTableModel[Any]):
    COL_NAME = 0
    COL_NUMBER = 1
    COL_ACTIVE = 2
    COL_CREATED = 3
    HEADERS = ("名称", "版本", "状态", "最后修改")

    def text(self, row: Any, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_NUMBER:
            return f"第{row.number}版"
        if column == self.COL_ACTIVE:
            return "启用中" if row.active else ""
        return utc_datetime_text(row.updated_at) if row.updated_at else ""


class RuleSetsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.editable = ws.actor.is_admin and ws.is_county_site
        self._base: dict[str, Any] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = VersionsModel()
        self.view = make_table_view(self.model)
        self.activate_button = QPushButton("启用所选版本")
        self.preset_combo = QComboBox()
        for key, text in rule_sets.PRESET_LABELS.items():
            self.preset_combo.addItem(text, key)
        self.preset_button = QPushButton("载入预设")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_editor()
        versions_row = QHBoxLayout()
        versions_row.addWidget(self.activate_button)
        versions_row.addSpacing(24)
        versions_row.addWidget(QLabel("预设："))
        versions_row.addWidget(self.preset_combo)
        versions_row.addWidget(self.preset_button)
        versions_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addLayout(versions_row)
        layout.addWidget(self.editor_group, 1)
        layout.addWidget(self.status_label)
        self.activate_button.clicked.connect(self.activate_selected)
        self.preset_button.clicked.connect(lambda: self.load_preset(self.preset_combo.currentData()))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._set_intro()
        self.refresh()

    def _build_editor(self) -> None:
        self.editor_group = QGroupBox("请假审批规则（§8）")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("新版本的名称，如“XX县驻村管理若干措施（2027年修订）”")
        self.tiers = TierTable()
        self.first_step_combo = QComboBox()
        self.first_step_combo.setEditable(True)
        self.first_step_combo.addItems([terms.ROLE_FIRST_SECRETARY, NO_FIRST_STEP])
        self.first_step_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 8) + 40)
        self.handover_check = QCheckBox("第一书记请假须明确工作交接人")
        self.min_remaining_spin = QSpinBox()
        self.min_remaining_spin.setRange(0, 20)
        self.min_remaining_spin.setSuffix(" 人")
        self.return_spin = QSpinBox()
        self.return_spin.setRange(1, 30)
        self.return_spin.setSuffix(" 个工作日")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("工作队员请假第一步签字", self.first_step_combo)
        form.addRow("", self.handover_check)
        form.addRow("至少在村人数", self.min_remaining_spin)
        form.addRow("销假期限（工作日）", self.return_spin)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton("另存为新版本并启用")
        save_row = QHBoxLayout()
        save_row.addWidget(self.problems_label, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("名称"))
        name_row.addWidget(self.name_edit, 1)
        layout = QVBoxLayout(self.editor_group)
        layout.addLayout(name_row)
        layout.addWidget(QLabel("审批档次：按请假天数（自然日，含周末和节假日）从少到多；"
                                "天数上限含本数，最后一档留空表示不设上限"))
        layout.addWidget(self.tiers, 1)
        layout.addLayout(form)
        layout.addLayout(save_row)
        self.tiers.changed.connect(self._check)
        self.first_step_combo.currentTextChanged.connect(lambda _t: self._check())
        self.handover_check.toggled.connect(lambda _b: self._check())
        self.min_remaining_spin.valueChanged.connect(lambda _v: self._check())
        self.return_spin.valueChanged.connect(lambda _v: self._check())
        self.name_edit.textChanged.connect(lambda _t: self._check())
        self.save_button.clicked.connect(self.save)

    def _set_intro(self) -> None:
        if self.editable:
            self.intro.setText("请假审批的天数档次、签字顺序和在村人数等规则在这里调整，不需要修改程序。"
                               "修改后另存为新版本并启用：已经提交的请假仍按提交时的版本审批。")
            return
        reason = ("只有县委组织部管理员可以修改规则" if self.ws.actor.is_county or self.ws.is_county_site
                  else "规则由县委组织部统一制定，随数据交换下发到乡镇")
        self.intro.setText(f"{reason}；这里只能查看当前启用的规则。")
        self.intro.setStyleSheet(f"color: {HINT_COLOR}")
        self.name_edit.setReadOnly(True)
        self.tiers.set_read_only(True)
        for widget in (self.first_step_combo, self.handover_check, self.min_remaining_spin, self.return_spin):
            widget.setEnabled(False)
        for widget in (self.save_button, self.activate_button, self.preset_combo, self.preset_button):
            widget.setVisible(False)

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            versions = rule_sets.list_rule_sets(self.ws)
            active = rule_sets.active_rule_set(self.ws)
        except Exception as exc:  # noqa: BLE001 - told in Chinese; the tab stays usable
            self.say(f"无法读取规则：{service_message(exc)}")
            return
        self.model.set_rows(versions)
        fit_columns(self.view)
        fit_rows(self.view, VERSION_ROWS)
        self.load_data(dict(active.data), f"{active.name}（第{active.number}版）")
        self._update_buttons()

    def load_data(self, data: dict[str, Any], shown_as: str) -> None:
        """Fill the editor from a whole rule set (its other sections are kept as they are on save)."""
        self._base = copy.deepcopy(data)
        leave = self._base.get("leave") or {}
        self.editor_group.setTitle(f"请假审批规则（§8）—— {shown_as}")
        self.name_edit.setText(str(self._base.get("name") or ""))
        self.tiers.set_tiers(list(leave.get("tiers") or []))
        first = leave.get("team_member_first_step", terms.ROLE_FIRST_SECRETARY)
        self.first_step_combo.setCurrentText(first or NO_FIRST_STEP)
        self.handover_check.setChecked(bool(leave.get("first_secretary_needs_handover", True)))
        self.min_remaining_spin.setValue(int(leave.get("min_remaining_in_village", 2)))
        self.return_spin.setValue(int(leave.get("return_within_working_days", 1)))
        self._check()

    def leave_data(self) -> dict[str, Any]:
        """The edited ``"leave"`` section, in the JSON shape of ``resources/rules/*.json``."""
        first = self.first_step_combo.currentText().strip()
        leave = dict(self._base.get("leave") or {})
        leave.update({
            "counting": leave.get("counting", "calendar_days"),
            "tiers": self.tiers.tiers(),
            "team_member_first_step": None if first in ("", NO_FIRST_STEP) else first,
            "first_secretary_needs_handover": self.handover_check.isChecked(),
            "min_remaining_in_village": self.min_remaining_spin.value(),
            "return_within_working_days": self.return_spin.value(),
        })
        return leave

    def rule_set_data(self) -> dict[str, Any]:
        data = copy.deepcopy(self._base)
        data["name"] = self.name_edit.text().strip()
        data["leave"] = self.leave_data()
        return data

    def problems(self) -> list[str]:
        """What keeps the edited rules from being saved: the service's own check, so the list and a refusal
        on 保存 never disagree."""
        return rule_sets.rule_set_problems(self.name_edit.text(), self.rule_set_data())

    def _check(self) -> None:
        if not self.editable:
            self.problems_label.clear()
            return
        found = self.problems()
        if found:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in found)
            self.problems_label.setText(f'<span style="color:{ERROR_COLOR}">还不能保存：</span>'
                                        f'<ul style="color:{ERROR_COLOR}; margin:0">{items}</ul>')
        else:
            self.problems_label.setText(f'<span style="color:{OK_COLOR}">规则完整，可以保存。</span>')
        self.save_button.setEnabled(not found)

    def selected_version(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_version(self, uuid: str) -> None:
        select_first(self.view, self.model, lambda v: v.uuid == uuid)

    def _update_buttons(self) -> None:
        selected = self.selected_version()
        self.activate_button.setEnabled(self.editable and selected is not None and not selected.active)

    def say(self, text: str, ok: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {OK_COLOR if ok else ERROR_COLOR}")
        self.status_label.setText(text)

    # -- actions --------------------------------------------------------------------------------------------
    def save(self) -> None:
        if self.problems():
            self._check()
            return
        name = self.name_edit.text().strip()
        try:
            saved = rule_sets.save_rule_set(self.ws, name, self.rule_set_data())
        except Exception as exc:  # noqa: BLE001 - the service's Chinese reason; nothing was stored
            self.say(f"没有保存：{service_message(exc)}")
            return
        self.refresh()
        self.select_version(saved.uuid)
        self.say(f"已保存为“{saved.name}”第{saved.number}版并启用；此后提交的请假按新规则审批。", True)

    def activate_selected(self) -> None:
        version = self.selected_version()
        if version is None or version.active:
            return
        if not confirm(self, "启用规则版本", f"启用“{version.name}”第{version.number}版？\n\n"
                       "此后提交的请假按这一版审批；已经提交的请假不受影响。", yes="启用", no="取消"):
            return
        try:
            rule_sets.activate_rule_set(self.ws, version.uuid)
        except Exception as exc:  # noqa: BLE001
            self.say(f"没有启用：{service_message(exc)}")
            return
        self.refresh()
        self.select_version(version.uuid)
        self.say(f"已启用“{version.name}”第{version.number}版。", True)

    def load_preset(self, preset: str) -> None:
        """Fill the editor with a shipped preset; it is stored only by 另存为新版本并启用."""
        data = load_rule_file(rule_sets.PRESETS[preset])
        self.load_data(data, f"预设：{data.get('name', preset)}（未保存）")
        self.say("已载入预设，请检查后点“另存为新版本并启用”。", True)
