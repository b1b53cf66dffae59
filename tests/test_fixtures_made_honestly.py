"""The layout fixtures are what pdftotext prints for the committed PDFs (made by make_fixtures.py)."""

from __future__ import annotations

import subprocess

import pytest
from conftest import FIXTURES

LAYOUTS = sorted(FIXTURES.glob("*_layout.txt"))


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda p: p.stem)
def test_layout_text_is_pdftotext_of_the_pdf(layout):
    pdf = FIXTURES / layout.name.replace("_layout.txt", ".pdf")
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    assert printed.decode("utf-8") == layout.read_text(encoding="utf-8")


def test_every_layout_has_its_pdf_and_docx():
    assert len(LAYOUTS) >= 4
    for layout in LAYOUTS:
        stem = layout.name.replace("_layout.txt", "")
        assert (FIXTURES / f"{stem}.pdf").exists() and (FIXTURES / f"{stem}.docx").exists()
