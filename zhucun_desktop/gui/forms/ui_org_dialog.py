# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'org_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableWidget, QVBoxLayout, QWidget)

class Ui_OrgDialog(object):
    def setupUi(self, OrgDialog):
        if not OrgDialog.objectName():
            OrgDialog.setObjectName(u"OrgDialog")
        OrgDialog.resize(860, 540)
        self.mainLayout = QVBoxLayout(OrgDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(14, 12, 14, 12)
        self.tabs = QTabWidget(OrgDialog)
        self.tabs.setObjectName(u"tabs")
        self.villagesTab = QWidget()
        self.villagesTab.setObjectName(u"villagesTab")
        self.villagesLayout = QHBoxLayout(self.villagesTab)
        self.villagesLayout.setSpacing(14)
        self.villagesLayout.setObjectName(u"villagesLayout")
        self.villageListLayout = QVBoxLayout()
        self.villageListLayout.setObjectName(u"villageListLayout")
        self.townshipRow = QHBoxLayout()
        self.townshipRow.setObjectName(u"townshipRow")
        self.townshipLabel = QLabel(self.villagesTab)
        self.townshipLabel.setObjectName(u"townshipLabel")

        self.townshipRow.addWidget(self.townshipLabel)

        self.townshipCombo = QComboBox(self.villagesTab)
        self.townshipCombo.setObjectName(u"townshipCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.townshipCombo.sizePolicy().hasHeightForWidth())
        self.townshipCombo.setSizePolicy(sizePolicy)

        self.townshipRow.addWidget(self.townshipCombo)


        self.villageListLayout.addLayout(self.townshipRow)

        self.villageTable = QTableWidget(self.villagesTab)
        self.villageTable.setObjectName(u"villageTable")
        self.villageTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.villageTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.villageTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.villageTable.setAlternatingRowColors(True)

        self.villageListLayout.addWidget(self.villageTable)


        self.villagesLayout.addLayout(self.villageListLayout)

        self.villageEditGroup = QGroupBox(self.villagesTab)
        self.villageEditGroup.setObjectName(u"villageEditGroup")
        self.villageEditLayout = QVBoxLayout(self.villageEditGroup)
        self.villageEditLayout.setObjectName(u"villageEditLayout")
        self.villageForm = QFormLayout()
        self.villageForm.setObjectName(u"villageForm")
        self.villageNameLabel = QLabel(self.villageEditGroup)
        self.villageNameLabel.setObjectName(u"villageNameLabel")

        self.villageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.villageNameLabel)

        self.villageNameEdit = QLineEdit(self.villageEditGroup)
        self.villageNameEdit.setObjectName(u"villageNameEdit")
        self.villageNameEdit.setMaxLength(100)

        self.villageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.villageNameEdit)

        self.categoryLabel = QLabel(self.villageEditGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.villageForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryBox = QWidget(self.villageEditGroup)
        self.categoryBox.setObjectName(u"categoryBox")
        self.categoryLayout = QVBoxLayout(self.categoryBox)
        self.categoryLayout.setObjectName(u"categoryLayout")
        self.categoryLayout.setContentsMargins(0, 0, 0, 0)

        self.villageForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryBox)


        self.villageEditLayout.addLayout(self.villageForm)

        self.villageButtons = QHBoxLayout()
        self.villageButtons.setObjectName(u"villageButtons")
        self.newVillageButton = QPushButton(self.villageEditGroup)
        self.newVillageButton.setObjectName(u"newVillageButton")

        self.villageButtons.addWidget(self.newVillageButton)

        self.saveVillageButton = QPushButton(self.villageEditGroup)
        self.saveVillageButton.setObjectName(u"saveVillageButton")

        self.villageButtons.addWidget(self.saveVillageButton)


        self.villageEditLayout.addLayout(self.villageButtons)

        self.villageSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.villageEditLayout.addItem(self.villageSpacer)


        self.villagesLayout.addWidget(self.villageEditGroup)

        self.tabs.addTab(self.villagesTab, "")
        self.unitsTab = QWidget()
        self.unitsTab.setObjectName(u"unitsTab")
        self.unitsLayout = QHBoxLayout(self.unitsTab)
        self.unitsLayout.setSpacing(14)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.unitTable = QTableWidget(self.unitsTab)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unitTable.setAlternatingRowColors(True)

        self.unitsLayout.addWidget(self.unitTable)

        self.unitEditGroup = QGroupBox(self.unitsTab)
        self.unitEditGroup.setObjectName(u"unitEditGroup")
        self.unitEditLayout = QVBoxLayout(self.unitEditGroup)
        self.unitEditLayout.setObjectName(u"unitEditLayout")
        self.unitForm = QFormLayout()
        self.unitForm.setObjectName(u"unitForm")
        self.unitNameLabel = QLabel(self.unitEditGroup)
        self.unitNameLabel.setObjectName(u"unitNameLabel")

        self.unitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitNameLabel)

        self.unitNameEdit = QLineEdit(self.unitEditGroup)
        self.unitNameEdit.setObjectName(u"unitNameEdit")
        self.unitNameEdit.setMaxLength(200)

        self.unitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unitNameEdit)

        self.unitKindLabel = QLabel(self.unitEditGroup)
        self.unitKindLabel.setObjectName(u"unitKindLabel")

        self.unitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitKindLabel)

        self.unitKindCombo = QComboBox(self.unitEditGroup)
        self.unitKindCombo.setObjectName(u"unitKindCombo")

        self.unitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitKindCombo)

        self.contactLabel = QLabel(self.unitEditGroup)
        self.contactLabel.setObjectName(u"contactLabel")

        self.unitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(self.unitEditGroup)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(50)

        self.unitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.contactPhoneLabel = QLabel(self.unitEditGroup)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.unitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactPhoneLabel)

        self.contactPhoneEdit = QLineEdit(self.unitEditGroup)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")
        self.contactPhoneEdit.setMaxLength(30)

        self.unitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactPhoneEdit)


        self.unitEditLayout.addLayout(self.unitForm)

        self.unitButtons = QHBoxLayout()
        self.unitButtons.setObjectName(u"unitButtons")
        self.newUnitButton = QPushButton(self.unitEditGroup)
        self.newUnitButton.setObjectName(u"newUnitButton")

        self.unitButtons.addWidget(self.newUnitButton)

        self.saveUnitButton = QPushButton(self.unitEditGroup)
        self.saveUnitButton.setObjectName(u"saveUnitButton")

        self.unitButtons.addWidget(self.saveUnitButton)


        self.unitEditLayout.addLayout(self.unitButtons)

        self.unitSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unitEditLayout.addItem(self.unitSpacer)


        self.unitsLayout.addWidget(self.unitEditGroup)

        self.tabs.addTab(self.unitsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.messageLabel = QLabel(OrgDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(OrgDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.townshipLabel.setBuddy(self.townshipCombo)
        self.villageNameLabel.setBuddy(self.villageNameEdit)
        self.unitNameLabel.setBuddy(self.unitNameEdit)
        self.unitKindLabel.setBuddy(self.unitKindCombo)
        self.contactLabel.setBuddy(self.contactEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OrgDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(OrgDialog)
    # setupUi

    def retranslateUi(self, OrgDialog):
        OrgDialog.setWindowTitle(QCoreApplication.translate("OrgDialog", u"\u6751\u548c\u6d3e\u51fa\u5355\u4f4d", None))
        self.townshipLabel.setText(QCoreApplication.translate("OrgDialog", u"\u6240\u5c5e\u4e61\u9547", None))
        self.villageEditGroup.setTitle(QCoreApplication.translate("OrgDialog", u"\u6751\u4fe1\u606f", None))
        self.villageNameLabel.setText(QCoreApplication.translate("OrgDialog", u"\u6751\u540d", None))
        self.categoryLabel.setText(QCoreApplication.translate("OrgDialog", u"\u6751\u7c7b\u522b", None))
        self.newVillageButton.setText(QCoreApplication.translate("OrgDialog", u"\u65b0\u589e\u6751", None))
        self.saveVillageButton.setText(QCoreApplication.translate("OrgDialog", u"\u4fdd\u5b58\u4fee\u6539", None))
        self.tabs.setTabText(self.tabs.indexOf(self.villagesTab), QCoreApplication.translate("OrgDialog", u"\u6751", None))
        self.unitEditGroup.setTitle(QCoreApplication.translate("OrgDialog", u"\u6d3e\u51fa\u5355\u4f4d\u4fe1\u606f", None))
        self.unitNameLabel.setText(QCoreApplication.translate("OrgDialog", u"\u5355\u4f4d\u540d\u79f0", None))
        self.unitKindLabel.setText(QCoreApplication.translate("OrgDialog", u"\u5355\u4f4d\u7c7b\u578b", None))
        self.unitKindCombo.setPlaceholderText(QCoreApplication.translate("OrgDialog", u"\u8bf7\u9009\u62e9", None))
        self.contactLabel.setText(QCoreApplication.translate("OrgDialog", u"\u8054\u7cfb\u4eba", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("OrgDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.newUnitButton.setText(QCoreApplication.translate("OrgDialog", u"\u65b0\u589e\u5355\u4f4d", None))
        self.saveUnitButton.setText(QCoreApplication.translate("OrgDialog", u"\u4fdd\u5b58\u4fee\u6539", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unitsTab), QCoreApplication.translate("OrgDialog", u"\u6d3e\u51fa\u5355\u4f4d", None))
        self.messageLabel.setText("")
    # retranslateUi

