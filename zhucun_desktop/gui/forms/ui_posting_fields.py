# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'posting_fields.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QSizePolicy,
    QWidget)

from zhucun_desktop.gui.roster.date_field import DateField

class Ui_PostingFields(object):
    def setupUi(self, PostingFields):
        if not PostingFields.objectName():
            PostingFields.setObjectName(u"PostingFields")
        PostingFields.resize(760, 120)
        self.columnsLayout = QHBoxLayout(PostingFields)
        self.columnsLayout.setSpacing(28)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 0, 0, 0)
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.leftForm.setHorizontalSpacing(8)
        self.leftForm.setVerticalSpacing(7)
        self.townshipLabel = QLabel(PostingFields)
        self.townshipLabel.setObjectName(u"townshipLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.townshipLabel)

        self.townshipCombo = QComboBox(PostingFields)
        self.townshipCombo.setObjectName(u"townshipCombo")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.townshipCombo)

        self.villageLabel = QLabel(PostingFields)
        self.villageLabel.setObjectName(u"villageLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.villageCombo = QComboBox(PostingFields)
        self.villageCombo.setObjectName(u"villageCombo")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.villageCombo)

        self.roleLabel = QLabel(PostingFields)
        self.roleLabel.setObjectName(u"roleLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleLayout = QHBoxLayout()
        self.roleLayout.setObjectName(u"roleLayout")
        self.roleCombo = QComboBox(PostingFields)
        self.roleCombo.setObjectName(u"roleCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.roleCombo.sizePolicy().hasHeightForWidth())
        self.roleCombo.setSizePolicy(sizePolicy)

        self.roleLayout.addWidget(self.roleCombo)

        self.leaderCheck = QCheckBox(PostingFields)
        self.leaderCheck.setObjectName(u"leaderCheck")

        self.roleLayout.addWidget(self.leaderCheck)


        self.leftForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.roleLayout)


        self.columnsLayout.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.rightForm.setHorizontalSpacing(8)
        self.rightForm.setVerticalSpacing(7)
        self.startLabel = QLabel(PostingFields)
        self.startLabel.setObjectName(u"startLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startEdit = DateField(PostingFields)
        self.startEdit.setObjectName(u"startEdit")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.startEdit)

        self.termEndLabel = QLabel(PostingFields)
        self.termEndLabel.setObjectName(u"termEndLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.termEndLabel)

        self.termEndEdit = DateField(PostingFields)
        self.termEndEdit.setObjectName(u"termEndEdit")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.termEndEdit)

        self.batchLabel = QLabel(PostingFields)
        self.batchLabel.setObjectName(u"batchLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.batchLabel)

        self.batchCombo = QComboBox(PostingFields)
        self.batchCombo.setObjectName(u"batchCombo")
        self.batchCombo.setEditable(True)
        self.batchCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.batchCombo)


        self.columnsLayout.addLayout(self.rightForm)

#if QT_CONFIG(shortcut)
        self.townshipLabel.setBuddy(self.townshipCombo)
        self.villageLabel.setBuddy(self.villageCombo)
        self.roleLabel.setBuddy(self.roleCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.termEndLabel.setBuddy(self.termEndEdit)
        self.batchLabel.setBuddy(self.batchCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.townshipCombo, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.leaderCheck)
        QWidget.setTabOrder(self.leaderCheck, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.termEndEdit)
        QWidget.setTabOrder(self.termEndEdit, self.batchCombo)

        self.retranslateUi(PostingFields)

        QMetaObject.connectSlotsByName(PostingFields)
    # setupUi

    def retranslateUi(self, PostingFields):
        self.townshipLabel.setText(QCoreApplication.translate("PostingFields", u"\u6240\u5c5e\u4e61\u9547", None))
        self.townshipCombo.setPlaceholderText(QCoreApplication.translate("PostingFields", u"\u8bf7\u9009\u62e9\u4e61\u9547", None))
        self.villageLabel.setText(QCoreApplication.translate("PostingFields", u"\u6240\u9a7b\u6751", None))
        self.villageCombo.setPlaceholderText(QCoreApplication.translate("PostingFields", u"\u8bf7\u9009\u62e9\u6751", None))
        self.roleLabel.setText(QCoreApplication.translate("PostingFields", u"\u9a7b\u6751\u89d2\u8272", None))
        self.leaderCheck.setText(QCoreApplication.translate("PostingFields", u"\u961f\u957f", None))
        self.startLabel.setText(QCoreApplication.translate("PostingFields", u"\u9a7b\u6751\u5f00\u59cb\u65f6\u95f4", None))
        self.termEndLabel.setText(QCoreApplication.translate("PostingFields", u"\u9a7b\u6751\u7ed3\u675f\u65f6\u95f4", None))
        self.batchLabel.setText(QCoreApplication.translate("PostingFields", u"\u6279\u6b21", None))
        pass
    # retranslateUi

