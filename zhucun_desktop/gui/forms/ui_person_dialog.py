# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QVBoxLayout, QWidget)

from zhucun_desktop.gui.roster.date_field import DateField

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.resize(860, 600)
        self.mainLayout = QVBoxLayout(PersonDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(16, 14, 16, 14)
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(28)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.leftForm.setHorizontalSpacing(8)
        self.leftForm.setVerticalSpacing(7)
        self.nameLabel = QLabel(PersonDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(PersonDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.idLabel = QLabel(PersonDialog)
        self.idLabel.setObjectName(u"idLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.idEdit = QLineEdit(PersonDialog)
        self.idEdit.setObjectName(u"idEdit")
        self.idEdit.setMaxLength(24)

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idEdit)

        self.idInfoLabel = QLabel(PersonDialog)
        self.idInfoLabel.setObjectName(u"idInfoLabel")
        self.idInfoLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.idInfoLabel.setWordWrap(True)

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idInfoLabel)

        self.sexLabel = QLabel(PersonDialog)
        self.sexLabel.setObjectName(u"sexLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexCombo = QComboBox(PersonDialog)
        self.sexCombo.setObjectName(u"sexCombo")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.birthLabel = QLabel(PersonDialog)
        self.birthLabel.setObjectName(u"birthLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birthLabel)

        self.birthEdit = QLineEdit(PersonDialog)
        self.birthEdit.setObjectName(u"birthEdit")
        self.birthEdit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.birthEdit.setReadOnly(True)

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.birthEdit)

        self.ethnicityLabel = QLabel(PersonDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicityCombo = QComboBox(PersonDialog)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")
        self.ethnicityCombo.setEditable(True)

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ethnicityCombo)

        self.politicalLabel = QLabel(PersonDialog)
        self.politicalLabel.setObjectName(u"politicalLabel")

        self.leftForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.politicalLabel)

        self.politicalCombo = QComboBox(PersonDialog)
        self.politicalCombo.setObjectName(u"politicalCombo")

        self.leftForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.politicalCombo)

        self.partyDateLabel = QLabel(PersonDialog)
        self.partyDateLabel.setObjectName(u"partyDateLabel")

        self.leftForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.partyDateLabel)

        self.partyDateEdit = DateField(PersonDialog)
        self.partyDateEdit.setObjectName(u"partyDateEdit")

        self.leftForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.partyDateEdit)

        self.workDateLabel = QLabel(PersonDialog)
        self.workDateLabel.setObjectName(u"workDateLabel")

        self.leftForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.workDateLabel)

        self.workDateEdit = DateField(PersonDialog)
        self.workDateEdit.setObjectName(u"workDateEdit")

        self.leftForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.workDateEdit)


        self.leftColumn.addLayout(self.leftForm)

        self.leftSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columnsLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.rightForm.setHorizontalSpacing(8)
        self.rightForm.setVerticalSpacing(7)
        self.educationLabel = QLabel(PersonDialog)
        self.educationLabel.setObjectName(u"educationLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.educationCombo = QComboBox(PersonDialog)
        self.educationCombo.setObjectName(u"educationCombo")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.educationCombo)

        self.unitLabel = QLabel(PersonDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(PersonDialog)
        self.unitCombo.setObjectName(u"unitCombo")
        self.unitCombo.setEditable(True)
        self.unitCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.positionLabel = QLabel(PersonDialog)
        self.positionLabel.setObjectName(u"positionLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionEdit = QLineEdit(PersonDialog)
        self.positionEdit.setObjectName(u"positionEdit")
        self.positionEdit.setMaxLength(100)

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.staffingLabel = QLabel(PersonDialog)
        self.staffingLabel.setObjectName(u"staffingLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.staffingLabel)

        self.staffingCombo = QComboBox(PersonDialog)
        self.staffingCombo.setObjectName(u"staffingCombo")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.staffingCombo)

        self.phoneLabel = QLabel(PersonDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(PersonDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.noteLabel = QLabel(PersonDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.rightForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(PersonDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 64))
        self.noteEdit.setTabChangesFocus(True)

        self.rightForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.rightColumn.addLayout(self.rightForm)

        self.rightSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columnsLayout.addLayout(self.rightColumn)

        self.columnsLayout.setStretch(0, 1)
        self.columnsLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.columnsLayout)

        self.errorLabel = QLabel(PersonDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.postingGroup = QGroupBox(PersonDialog)
        self.postingGroup.setObjectName(u"postingGroup")
        self.postingGroup.setCheckable(True)
        self.postingLayout = QVBoxLayout(self.postingGroup)
        self.postingLayout.setObjectName(u"postingLayout")
        self.postingLayout.setContentsMargins(10, 6, 10, 6)

        self.mainLayout.addWidget(self.postingGroup)

        self.historyGroup = QGroupBox(PersonDialog)
        self.historyGroup.setObjectName(u"historyGroup")
        self.historyLayout = QVBoxLayout(self.historyGroup)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableWidget(self.historyGroup)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyTable.setAlternatingRowColors(True)

        self.historyLayout.addWidget(self.historyTable)

        self.historyButtons = QHBoxLayout()
        self.historyButtons.setObjectName(u"historyButtons")
        self.addPostingButton = QPushButton(self.historyGroup)
        self.addPostingButton.setObjectName(u"addPostingButton")

        self.historyButtons.addWidget(self.addPostingButton)

        self.endPostingButton = QPushButton(self.historyGroup)
        self.endPostingButton.setObjectName(u"endPostingButton")

        self.historyButtons.addWidget(self.endPostingButton)

        self.historySpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.historyButtons.addItem(self.historySpacer)


        self.historyLayout.addLayout(self.historyButtons)


        self.mainLayout.addWidget(self.historyGroup)

        self.buttonBox = QDialogButtonBox(PersonDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idLabel.setBuddy(self.idEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.politicalLabel.setBuddy(self.politicalCombo)
        self.partyDateLabel.setBuddy(self.partyDateEdit)
        self.workDateLabel.setBuddy(self.workDateEdit)
        self.educationLabel.setBuddy(self.educationCombo)
        self.unitLabel.setBuddy(self.unitCombo)
        self.positionLabel.setBuddy(self.positionEdit)
        self.staffingLabel.setBuddy(self.staffingCombo)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.idEdit)
        QWidget.setTabOrder(self.idEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.politicalCombo)
        QWidget.setTabOrder(self.politicalCombo, self.partyDateEdit)
        QWidget.setTabOrder(self.partyDateEdit, self.workDateEdit)
        QWidget.setTabOrder(self.workDateEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.staffingCombo)
        QWidget.setTabOrder(self.staffingCombo, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.postingGroup)
        QWidget.setTabOrder(self.postingGroup, self.historyTable)
        QWidget.setTabOrder(self.historyTable, self.addPostingButton)
        QWidget.setTabOrder(self.addPostingButton, self.endPostingButton)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"\u4eba\u5458\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("PersonDialog", u"\u59d3\u540d", None))
        self.idLabel.setText(QCoreApplication.translate("PersonDialog", u"\u8eab\u4efd\u8bc1\u53f7", None))
        self.idEdit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"18\u4f4d\uff0c\u6700\u540e\u4e00\u4f4d\u53ef\u4ee5\u662fX", None))
        self.idInfoLabel.setText("")
        self.sexLabel.setText(QCoreApplication.translate("PersonDialog", u"\u6027\u522b", None))
        self.sexCombo.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u6309\u8eab\u4efd\u8bc1\u53f7\u81ea\u52a8\u586b\u5199", None))
        self.birthLabel.setText(QCoreApplication.translate("PersonDialog", u"\u51fa\u751f\u5e74\u6708", None))
        self.birthEdit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u7531\u8eab\u4efd\u8bc1\u53f7\u5f97\u51fa", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("PersonDialog", u"\u6c11\u65cf", None))
        self.politicalLabel.setText(QCoreApplication.translate("PersonDialog", u"\u653f\u6cbb\u9762\u8c8c", None))
        self.politicalCombo.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u8bf7\u9009\u62e9", None))
        self.partyDateLabel.setText(QCoreApplication.translate("PersonDialog", u"\u5165\u515a\u65f6\u95f4", None))
        self.workDateLabel.setText(QCoreApplication.translate("PersonDialog", u"\u53c2\u52a0\u5de5\u4f5c\u65f6\u95f4", None))
        self.educationLabel.setText(QCoreApplication.translate("PersonDialog", u"\u5b66\u5386", None))
        self.educationCombo.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u8bf7\u9009\u62e9", None))
        self.unitLabel.setText(QCoreApplication.translate("PersonDialog", u"\u6d3e\u51fa\u5355\u4f4d", None))
        self.positionLabel.setText(QCoreApplication.translate("PersonDialog", u"\u804c\u52a1\u804c\u7ea7", None))
        self.staffingLabel.setText(QCoreApplication.translate("PersonDialog", u"\u7f16\u5236\u6027\u8d28", None))
        self.phoneLabel.setText(QCoreApplication.translate("PersonDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.noteLabel.setText(QCoreApplication.translate("PersonDialog", u"\u5907\u6ce8", None))
        self.errorLabel.setText("")
        self.postingGroup.setTitle(QCoreApplication.translate("PersonDialog", u"\u9a7b\u6751\u4fe1\u606f\uff08\u540c\u65f6\u767b\u8bb0\u9a7b\u6751\uff09", None))
        self.historyGroup.setTitle(QCoreApplication.translate("PersonDialog", u"\u9a7b\u6751\u7ecf\u5386", None))
        self.addPostingButton.setText(QCoreApplication.translate("PersonDialog", u"\u65b0\u589e\u9a7b\u6751\u2026", None))
        self.endPostingButton.setText(QCoreApplication.translate("PersonDialog", u"\u767b\u8bb0\u79bb\u5c97\u2026", None))
    # retranslateUi

