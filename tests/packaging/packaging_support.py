"""Loading the build scripts in packaging/ for their tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_packaging_module(name: str) -> ModuleType:
    """packaging/<name>.py by path: the folder's name clashes with the PyPI package "packaging"."""
    spec = importlib.util.spec_from_file_location(f"zhucun_{name}", ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
