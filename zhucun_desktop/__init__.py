"""zhucun_desktop — 驻村第一书记和工作队管理系统."""

__version__ = "0.1.0"
APP_NAME = "驻村第一书记和工作队管理系统"
