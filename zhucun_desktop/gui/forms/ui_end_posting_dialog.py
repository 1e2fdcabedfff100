# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'end_posting_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from zhucun_desktop.gui.roster.date_field import DateField

class Ui_EndPostingDialog(object):
    def setupUi(self, EndPostingDialog):
        if not EndPostingDialog.objectName():
            EndPostingDialog.setObjectName(u"EndPostingDialog")
        EndPostingDialog.resize(440, 240)
        self.mainLayout = QVBoxLayout(EndPostingDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(18, 14, 18, 14)
        self.postingLabel = QLabel(EndPostingDialog)
        self.postingLabel.setObjectName(u"postingLabel")
        self.postingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.postingLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.endDateLabel = QLabel(EndPostingDialog)
        self.endDateLabel.setObjectName(u"endDateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.endDateLabel)

        self.endDateEdit = DateField(EndPostingDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.endDateEdit)

        self.reasonLabel = QLabel(EndPostingDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(EndPostingDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonCombo)


        self.mainLayout.addLayout(self.form)

        self.hintLabel = QLabel(EndPostingDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(EndPostingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(EndPostingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.endDateLabel.setBuddy(self.endDateEdit)
        self.reasonLabel.setBuddy(self.reasonCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EndPostingDialog)

        QMetaObject.connectSlotsByName(EndPostingDialog)
    # setupUi

    def retranslateUi(self, EndPostingDialog):
        EndPostingDialog.setWindowTitle(QCoreApplication.translate("EndPostingDialog", u"\u767b\u8bb0\u79bb\u5c97", None))
        self.postingLabel.setText("")
        self.endDateLabel.setText(QCoreApplication.translate("EndPostingDialog", u"\u79bb\u5c97\u65e5\u671f", None))
        self.reasonLabel.setText(QCoreApplication.translate("EndPostingDialog", u"\u79bb\u5c97\u539f\u56e0", None))
        self.reasonCombo.setPlaceholderText(QCoreApplication.translate("EndPostingDialog", u"\u8bf7\u9009\u62e9", None))
        self.hintLabel.setText(QCoreApplication.translate("EndPostingDialog", u"\u79bb\u5c97\u65e5\u671f\u586b\u6700\u540e\u4e00\u5929\u5728\u5c97\u7684\u65e5\u671f\u3002\u6309\u89c4\u5b9a\uff0c\u63a5\u4efb\u4eba\u5458\u786e\u5b9a\u540e\u6709\u534a\u4e2a\u6708\u8fc7\u6e21\u671f\uff0c\u8fc7\u6e21\u671f\u6ee1\u65b9\u53ef\u79bb\u5c97\uff08\u00a76\uff09\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

