"""The real-document corpus (tests/real/): its documents, renderings and a field-by-field comparison."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REAL = Path(__file__).resolve().parent / "real"
RENDERED = REAL / "rendered"
# Each transcription is rendered in these forms by tests/real/render.py.
FORMS = (".docx", ".pdf", "_tanpa_garis.pdf", ".xlsx", "_layout.txt")


def slugs() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in REAL.glob("*.expected.json"))


def expected(slug: str) -> dict[str, Any]:
    return json.loads((REAL / f"{slug}.expected.json").read_text(encoding="utf-8"))


def rendering(slug: str, form: str, folder: Path | None = None) -> Path:
    """A transcription's rendering in `form`, from RENDERED or another folder of renderings."""
    return (folder or RENDERED) / f"{slug}{form}"


TARGET_FIELDS = ("teks", "nilai", "satuan", "batas_bawah", "batas_atas", "pembanding")


def _target(target: dict | None) -> tuple | None:
    if not target:
        return None
    return tuple(target.get(k) for k in TARGET_FIELDS)


def indicator_rows(doc: dict[str, Any]) -> list[tuple]:
    """Every indicator as the fields the corpus is scored on: sasaran text, indicator text, target."""
    return [
        (s.get("uraian"), i.get("uraian"), _target(i.get("target")))
        for s in doc.get("sasaran", [])
        for i in s.get("indikator", [])
    ]


@dataclass
class Score:
    benar: int
    jumlah: int
    lebih: int  # rows read that the document does not have
    salah: list[str]

    @property
    def exact(self) -> bool:
        return self.benar == self.jumlah and self.lebih == 0


def score(got: dict[str, Any], want: dict[str, Any]) -> Score:
    """How many of the expected indicators were read exactly (sasaran, text, value, unit), in order."""
    have = indicator_rows(got)
    need = indicator_rows(want)
    right, wrong = 0, []
    for index, row in enumerate(need):
        if index < len(have) and have[index] == row:
            right += 1
        else:
            wrong.append(f"#{index + 1}: ingin {row!r}\n      dapat {have[index] if index < len(have) else None!r}")
    return Score(right, len(need), max(0, len(have) - len(need)), wrong)
