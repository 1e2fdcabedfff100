# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_RosterPage(object):
    def setupUi(self, RosterPage):
        if not RosterPage.objectName():
            RosterPage.setObjectName(u"RosterPage")
        RosterPage.resize(1200, 700)
        self.mainLayout = QVBoxLayout(RosterPage)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(8, 4, 8, 6)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(6)
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(RosterPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(200, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.townshipCombo = QComboBox(RosterPage)
        self.townshipCombo.setObjectName(u"townshipCombo")

        self.filterLayout.addWidget(self.townshipCombo)

        self.villageCombo = QComboBox(RosterPage)
        self.villageCombo.setObjectName(u"villageCombo")

        self.filterLayout.addWidget(self.villageCombo)

        self.roleCombo = QComboBox(RosterPage)
        self.roleCombo.setObjectName(u"roleCombo")

        self.filterLayout.addWidget(self.roleCombo)

        self.unitCombo = QComboBox(RosterPage)
        self.unitCombo.setObjectName(u"unitCombo")

        self.filterLayout.addWidget(self.unitCombo)

        self.batchCombo = QComboBox(RosterPage)
        self.batchCombo.setObjectName(u"batchCombo")

        self.filterLayout.addWidget(self.batchCombo)

        self.statusLabel = QLabel(RosterPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(RosterPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.resetButton = QPushButton(RosterPage)
        self.resetButton.setObjectName(u"resetButton")

        self.filterLayout.addWidget(self.resetButton)

        self.filterSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.mainLayout.addLayout(self.filterLayout)

        self.tableView = QTableView(RosterPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setSortingEnabled(True)
        self.tableView.setWordWrap(False)

        self.mainLayout.addWidget(self.tableView)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.countLabel = QLabel(RosterPage)
        self.countLabel.setObjectName(u"countLabel")

        self.footerLayout.addWidget(self.countLabel)

        self.footerSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.hintLabel = QLabel(RosterPage)
        self.hintLabel.setObjectName(u"hintLabel")

        self.footerLayout.addWidget(self.hintLabel)


        self.mainLayout.addLayout(self.footerLayout)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.townshipCombo)
        QWidget.setTabOrder(self.townshipCombo, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.batchCombo)
        QWidget.setTabOrder(self.batchCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.resetButton)
        QWidget.setTabOrder(self.resetButton, self.tableView)

        self.retranslateUi(RosterPage)

        QMetaObject.connectSlotsByName(RosterPage)
    # setupUi

    def retranslateUi(self, RosterPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RosterPage", u"\u641c\u7d22\u59d3\u540d/\u8eab\u4efd\u8bc1\u53f7/\u7535\u8bdd/\u5355\u4f4d/\u6751", None))
#if QT_CONFIG(tooltip)
        self.townshipCombo.setToolTip(QCoreApplication.translate("RosterPage", u"\u6240\u5c5e\u4e61\u9547", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.villageCombo.setToolTip(QCoreApplication.translate("RosterPage", u"\u6240\u9a7b\u6751", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.roleCombo.setToolTip(QCoreApplication.translate("RosterPage", u"\u9a7b\u6751\u89d2\u8272", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.unitCombo.setToolTip(QCoreApplication.translate("RosterPage", u"\u6d3e\u51fa\u5355\u4f4d", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.batchCombo.setToolTip(QCoreApplication.translate("RosterPage", u"\u6279\u6b21", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(QCoreApplication.translate("RosterPage", u"\u72b6\u6001", None))
        self.resetButton.setText(QCoreApplication.translate("RosterPage", u"\u6e05\u9664\u7b5b\u9009", None))
        self.countLabel.setText(QCoreApplication.translate("RosterPage", u"\u5171 0 \u4eba", None))
        self.hintLabel.setText(QCoreApplication.translate("RosterPage", u"\u53cc\u51fb\u4e00\u884c\u6253\u5f00\u4eba\u5458\u4fe1\u606f", None))
        pass
    # retranslateUi

