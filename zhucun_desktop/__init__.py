"""zhucun_desktop — 驻村第一书记和工作队管理系统."""

from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "驻村第一书记和工作队管理系统"


def resource_file(*parts: str) -> Path | None:
    """A file under ``zhucun_desktop/resources/`` on disk, None when it is missing.

    A checkout, an installed wheel and the PyInstaller bundle all keep the package's layout on disk, so a path
    beside this module finds it (cheaper at start than ``importlib.resources``, which the PDF fonts still use).
    """
    path = Path(__file__).resolve().parent.joinpath("resources", *parts)
    return path if path.is_file() else None
