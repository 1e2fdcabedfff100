# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(900, 620)
        self.mainLayout = QVBoxLayout(ImportDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(16, 14, 16, 14)
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(ImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(ImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.createGroup = QGroupBox(ImportDialog)
        self.createGroup.setObjectName(u"createGroup")
        self.createLayout = QHBoxLayout(self.createGroup)
        self.createLayout.setObjectName(u"createLayout")
        self.townshipColumn = QVBoxLayout()
        self.townshipColumn.setObjectName(u"townshipColumn")
        self.newTownshipsLabel = QLabel(self.createGroup)
        self.newTownshipsLabel.setObjectName(u"newTownshipsLabel")

        self.townshipColumn.addWidget(self.newTownshipsLabel)

        self.townshipList = QListWidget(self.createGroup)
        self.townshipList.setObjectName(u"townshipList")
        self.townshipList.setMaximumSize(QSize(16777215, 96))

        self.townshipColumn.addWidget(self.townshipList)


        self.createLayout.addLayout(self.townshipColumn)

        self.villageColumn = QVBoxLayout()
        self.villageColumn.setObjectName(u"villageColumn")
        self.newVillagesLabel = QLabel(self.createGroup)
        self.newVillagesLabel.setObjectName(u"newVillagesLabel")

        self.villageColumn.addWidget(self.newVillagesLabel)

        self.villageList = QListWidget(self.createGroup)
        self.villageList.setObjectName(u"villageList")
        self.villageList.setMaximumSize(QSize(16777215, 96))

        self.villageColumn.addWidget(self.villageList)


        self.createLayout.addLayout(self.villageColumn)

        self.unitColumn = QVBoxLayout()
        self.unitColumn.setObjectName(u"unitColumn")
        self.newUnitsLabel = QLabel(self.createGroup)
        self.newUnitsLabel.setObjectName(u"newUnitsLabel")

        self.unitColumn.addWidget(self.newUnitsLabel)

        self.unitList = QListWidget(self.createGroup)
        self.unitList.setObjectName(u"unitList")
        self.unitList.setMaximumSize(QSize(16777215, 96))

        self.unitColumn.addWidget(self.unitList)


        self.createLayout.addLayout(self.unitColumn)


        self.mainLayout.addWidget(self.createGroup)

        self.problemsGroup = QGroupBox(ImportDialog)
        self.problemsGroup.setObjectName(u"problemsGroup")
        self.problemsLayout = QVBoxLayout(self.problemsGroup)
        self.problemsLayout.setObjectName(u"problemsLayout")
        self.problemTable = QTableView(self.problemsGroup)
        self.problemTable.setObjectName(u"problemTable")
        self.problemTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemTable.setAlternatingRowColors(True)
        self.problemTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemTable.setSortingEnabled(True)
        self.problemTable.setWordWrap(True)

        self.problemsLayout.addWidget(self.problemTable)


        self.mainLayout.addWidget(self.problemsGroup)

        self.resultLabel = QLabel(ImportDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.resultLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.partialButton = QPushButton(ImportDialog)
        self.partialButton.setObjectName(u"partialButton")

        self.buttonLayout.addWidget(self.partialButton)

        self.cancelButton = QPushButton(ImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonLayout)

        self.mainLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.problemTable)
        QWidget.setTabOrder(self.problemTable, self.importButton)
        QWidget.setTabOrder(self.importButton, self.partialButton)
        QWidget.setTabOrder(self.partialButton, self.cancelButton)

        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165\u82b1\u540d\u518c", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"\u82b1\u540d\u518c\u6587\u4ef6", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"\u8bf7\u9009\u62e9 Excel \u6587\u4ef6\uff08.xlsx\uff09", None))
        self.chooseButton.setText(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.summaryLabel.setText(QCoreApplication.translate("ImportDialog", u"\u9009\u62e9\u6587\u4ef6\u540e\uff0c\u5148\u68c0\u67e5\u6bcf\u4e00\u884c\uff0c\u5217\u51fa\u5c06\u8981\u65b0\u589e\u3001\u66f4\u65b0\u7684\u5185\u5bb9\u548c\u53d1\u73b0\u7684\u95ee\u9898\uff1b\u786e\u8ba4\u65e0\u8bef\u540e\u518d\u5bfc\u5165\u3002", None))
        self.createGroup.setTitle(QCoreApplication.translate("ImportDialog", u"\u5c06\u65b0\u5efa\uff08\u8868\u4e2d\u6709\u3001\u7cfb\u7edf\u4e2d\u8fd8\u6ca1\u6709\uff09", None))
        self.newTownshipsLabel.setText(QCoreApplication.translate("ImportDialog", u"\u4e61\u9547", None))
        self.newVillagesLabel.setText(QCoreApplication.translate("ImportDialog", u"\u6751", None))
        self.newUnitsLabel.setText(QCoreApplication.translate("ImportDialog", u"\u6d3e\u51fa\u5355\u4f4d", None))
        self.problemsGroup.setTitle(QCoreApplication.translate("ImportDialog", u"\u95ee\u9898\u6e05\u5355", None))
        self.resultLabel.setText("")
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"\u5bfc\u5165", None))
        self.partialButton.setText(QCoreApplication.translate("ImportDialog", u"\u53ea\u5bfc\u5165\u65e0\u8bef\u7684\u884c", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportDialog", u"\u53d6\u6d88", None))
    # retranslateUi

