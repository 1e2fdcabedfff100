# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(560, 480)
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(FirstRunDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(10)
        self.countyLabel = QLabel(FirstRunDialog)
        self.countyLabel.setObjectName(u"countyLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.countyLabel)

        self.countyEdit = QLineEdit(FirstRunDialog)
        self.countyEdit.setObjectName(u"countyEdit")
        self.countyEdit.setMaxLength(50)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.countyEdit)

        self.usernameLabel = QLabel(FirstRunDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(FirstRunDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(50)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.displayNameLabel = QLabel(FirstRunDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayNameEdit = QLineEdit(FirstRunDialog)
        self.displayNameEdit.setObjectName(u"displayNameEdit")
        self.displayNameEdit.setMaxLength(50)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.displayNameEdit)

        self.passwordLabel = QLabel(FirstRunDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(FirstRunDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.confirmLabel = QLabel(FirstRunDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(FirstRunDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.noteLabel = QLabel(FirstRunDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setStyleSheet(u"color: #555555;")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.okButton = QPushButton(FirstRunDialog)
        self.okButton.setObjectName(u"okButton")

        self.buttonLayout.addWidget(self.okButton)

        self.quitButton = QPushButton(FirstRunDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.quitButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.countyLabel.setBuddy(self.countyEdit)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.displayNameLabel.setBuddy(self.displayNameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.countyEdit, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.displayNameEdit)
        QWidget.setTabOrder(self.displayNameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.confirmEdit)
        QWidget.setTabOrder(self.confirmEdit, self.okButton)
        QWidget.setTabOrder(self.okButton, self.quitButton)

        self.retranslateUi(FirstRunDialog)

        self.okButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u9996\u6b21\u8bbe\u7f6e", None))
        self.titleLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u9996\u6b21\u8bbe\u7f6e\uff1a\u5efa\u7acb\u53bf\u59d4\u7ec4\u7ec7\u90e8\u7684\u7ad9\u70b9", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u8fd9\u53f0\u7535\u8111\u4e0a\u8fd8\u6ca1\u6709\u6570\u636e\u3002\u8bf7\u586b\u5199\u672c\u53bf\u7684\u540d\u79f0\uff0c\u5e76\u5efa\u7acb\u7b2c\u4e00\u4e2a\u7ba1\u7406\u5458\u8d26\u53f7\uff08\u53bf\u59d4\u7ec4\u7ec7\u90e8\u7ba1\u7406\u5458\uff09\u3002\u4ee5\u540e\u53ef\u4ee5\u7528\u8fd9\u4e2a\u8d26\u53f7\u4e3a\u5176\u4ed6\u540c\u5fd7\u5efa\u7acb\u8d26\u53f7\u3002", None))
        self.countyLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u53bf\u540d(&C)\uff1a", None))
        self.countyEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1a\u67d0\u67d0\u53bf", None))
        self.usernameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u7528\u6237\u540d(&U)\uff1a", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u767b\u5f55\u65f6\u4f7f\u7528\uff0c\u4f8b\u5982 admin", None))
        self.displayNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.displayNameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u7684\u771f\u5b9e\u59d3\u540d", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u5bc6\u7801(&P)\uff1a", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u81f3\u5c116\u4f4d", None))
        self.confirmLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u786e\u8ba4\u5bc6\u7801(&R)\uff1a", None))
        self.confirmEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u518d\u8f93\u5165\u4e00\u6b21\u5bc6\u7801", None))
        self.errorLabel.setText("")
        self.noteLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u8bf4\u660e\uff1a\u8fd9\u91cc\u53ea\u7528\u4e8e\u53bf\u59d4\u7ec4\u7ec7\u90e8\u7684\u7535\u8111\u3002\u4e61\u9547\u7684\u7535\u8111\u4e0d\u5728\u8fd9\u91cc\u8bbe\u7f6e\u2014\u2014\u4e61\u9547\u7684\u5b89\u88c5\u5c06\u4ece\u53bf\u59d4\u7ec4\u7ec7\u90e8\u63d0\u4f9b\u7684\u8bbe\u7f6e\u5305\uff08\u6570\u636e\u4ea4\u6362\uff09\u5f00\u59cb\u3002", None))
        self.okButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u5b8c\u6210\u8bbe\u7f6e", None))
        self.quitButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u9000\u51fa", None))
    # retranslateUi

