"""periksa.py (`ekstrak --periksa`): the picture of what was read, a colour per column role."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, run_command
from PIL import Image

from ekstrak.extract import choose, read_grids
from ekstrak.periksa import DPI, ROLE_COLORS, tint

PDF = Path(__file__).resolve().parents[1] / "real" / "rendered" / "pk_itjen_kemenhub_2012.pdf"


def _close(pixel, color, slack=18) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel, color))


def test_each_cell_is_filled_with_its_columns_role_colour(tmp_path):
    result = run_command("ekstrak", str(PDF), "-o", str(tmp_path / "iku.json"), "--periksa", str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "iku.json").exists(), "the normal output is still written"
    with Image.open(tmp_path / "p" / "halaman-001.png") as opened:
        image = opened.convert("RGB")
    _, grid = choose(read_grids(PDF.read_bytes()))
    row = next(r for r in grid.rows if r.texts()[0] == "2.")
    scale = DPI / 72
    for index, role in enumerate(["no", "sasaran", "indikator", "target", "satuan"]):
        _, _, x1, bottom = row.cells[index].box
        # Just inside the cell's bottom-right corner, where no text stands.
        pixel = image.getpixel((int(x1 * scale) - 5, int(bottom * scale) - 4))
        assert _close(pixel, tint(ROLE_COLORS[role][0])), (role, pixel)


def test_a_word_document_is_drawn_as_its_grid(tmp_path):
    result = run_command(
        "ekstrak", str(FIXTURES / "iku_dinas_landscape.docx"), "-o", str(tmp_path / "a.csv"), "--periksa", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr.decode()
    pictures = sorted(tmp_path.glob("halaman-*.png"))
    with Image.open(pictures[0]) as opened:
        image = opened.convert("RGB")
    assert image.size[0] > 400
    colours = {c for _, c in image.getcolors(1_000_000)}
    assert {tint(ROLE_COLORS[r][0]) for r in ("sasaran", "indikator", "target")} <= colours


def test_pictures_are_for_one_file_not_a_folder(tmp_path):
    result = run_command("ekstrak", str(FIXTURES), "-o", str(tmp_path / "h"), "--periksa", str(tmp_path / "p"))
    assert result.returncode == 2 and "--periksa" in result.stderr.decode()
