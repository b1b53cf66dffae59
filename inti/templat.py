"""Where the built-in templates are: the `kinerja_templates` package, found the same way when installed."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def folder(*parts: str) -> Path:
    """The built-in templates folder (or a folder inside it) as a real path on disk."""
    root = files("kinerja_templates")
    path = Path(str(root)).joinpath(*parts)
    if not path.is_dir():  # pragma: no cover - a zipped install, which pip does not make
        raise FileNotFoundError(f"templat bawaan tidak ditemukan di {path}")
    return path
