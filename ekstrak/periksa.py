"""A picture of what was read (`ekstrak FILE --periksa FOLDER`): each PDF page with the cells found, a
colour for each column's role and the row boundaries; for DOCX, XLSX and text, a drawing of the grid."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from inti.errors import KeluaranGagal
from inti.files import read_input, write_atomic
from inti.guard import run_limited
from inti.limits import BAWAAN, Batas

from .extract import choose, read_grids
from .grid import Grid, Row
from .header import Columns
from .table import find_table

# One colour per role, and the words the legend gives it.
ROLE_COLORS = {
    "no": ((128, 128, 128), "nomor"),
    "kode": ((148, 103, 189), "kode"),
    "sasaran": ((31, 119, 180), "sasaran"),
    "indikator": ((44, 160, 44), "indikator"),
    "target": ((214, 39, 40), "target"),
    "satuan": ((255, 127, 14), "satuan"),
    "lain": ((188, 189, 34), "kolom lain"),
}
TINT = 0.35  # how strongly a cell is filled with its role's colour
DPI = 100
ROW_HEIGHT = 22
ROWS_PER_PICTURE = 45
MAX_COLUMN_PX = 260


def column_roles(columns: Columns, width: int) -> list[str]:
    """Each grid column's role, for drawing."""
    roles = ["lain"] * width
    named = {
        "no": [columns.no, columns.no_indikator],
        "kode": [columns.kode, columns.kode_sasaran],
        "sasaran": [columns.sasaran],
        "indikator": [columns.indikator],
        "target": [columns.target],
        "satuan": [columns.satuan],
    }
    for role, indices in named.items():
        for index in indices:
            if index is not None and index < width:
                roles[index] = role
    return roles


def tint(color: tuple[int, int, int]) -> tuple[int, int, int]:
    """A role's colour laid lightly over white, as a cell is filled."""
    return tuple(round(255 + (c - 255) * TINT) for c in color)  # type: ignore[return-value]


def _legend(draw: ImageDraw.ImageDraw, font, x: int, y: int) -> None:
    for index, (color, label) in enumerate(ROLE_COLORS.values()):
        top = y + index * 16
        draw.rectangle((x, top, x + 12, top + 12), fill=tint(color), outline=color)
        draw.text((x + 18, top), label, fill=(0, 0, 0), font=font)


def _pdf_pictures(data: bytes, password: str | None, grid: Grid, roles: list[str]) -> list[Image.Image]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data, password=password)
    scale = DPI / 72
    font = ImageFont.load_default()
    pictures = []
    try:
        for number in range(len(document)):
            page = document[number].render(scale=scale).to_pil().convert("RGBA")
            fills = Image.new("RGBA", page.size, (255, 255, 255, 0))
            rows = [r for r in grid.rows if r.page == number + 1]
            for row in rows:
                _fill_pdf_row(ImageDraw.Draw(fills), row, roles, scale)
            image = Image.alpha_composite(page, fills).convert("RGB")
            draw = ImageDraw.Draw(image)
            for row in rows:
                _outline_pdf_row(draw, row, roles, scale, image.width)
            _legend(draw, font, image.width - 110, 8)
            pictures.append(image)
    finally:
        document.close()
    return pictures


def _role_of(row: Row, index: int, roles: list[str]) -> str:
    """A cell's role by its column; a row of one cell (a title line, a group heading) is no column's."""
    single = len(row.filled()) <= 1 and (len(row.cells) == 1 or row.cells[index].colspan > 1)
    return "lain" if single or index >= len(roles) else roles[index]


def _fill_pdf_row(draw: ImageDraw.ImageDraw, row: Row, roles: list[str], scale: float) -> None:
    alpha = round(255 * TINT)
    for index, cell in enumerate(row.cells):
        if cell.box is not None:
            color = ROLE_COLORS[_role_of(row, index, roles)][0]
            draw.rectangle(tuple(v * scale for v in cell.box), fill=(*color, alpha))


def _outline_pdf_row(draw: ImageDraw.ImageDraw, row: Row, roles: list[str], scale: float, width: int) -> None:
    """The row's boundary across the page, and each cell's outline in its role's colour."""
    tops = [cell.box[1] for cell in row.cells if cell.box]
    if tops:
        draw.line((0, min(tops) * scale - 1, width, min(tops) * scale - 1), fill=(90, 90, 90), width=1)
    for index, cell in enumerate(row.cells):
        if cell.box is not None:
            color = ROLE_COLORS[_role_of(row, index, roles)][0]
            draw.rectangle(tuple(v * scale for v in cell.box), outline=color, width=2)


def _grid_pictures(grid: Grid, roles: list[str]) -> list[Image.Image]:
    """The grid drawn as a table: one band per row, columns as wide as their text (up to a limit)."""
    font = ImageFont.load_default()
    width = max((len(r.cells) for r in grid.rows), default=1)
    widths = [40] * width
    for row in grid.rows:
        for index, cell in enumerate(row.cells):
            widths[index] = min(MAX_COLUMN_PX, max(widths[index], 7 * len(cell.text) + 8))
    lefts = [8 + sum(widths[:i]) for i in range(width + 1)]
    pictures = []
    for start in range(0, max(len(grid.rows), 1), ROWS_PER_PICTURE):
        chunk = grid.rows[start : start + ROWS_PER_PICTURE]
        image = Image.new("RGB", (lefts[-1] + 130, 16 + ROW_HEIGHT * max(len(chunk), 1)), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        for number, row in enumerate(chunk):
            top = 8 + number * ROW_HEIGHT
            for index, cell in enumerate(row.cells):
                role = _role_of(row, index, roles)
                right = lefts[min(width, index + max(1, cell.colspan))]
                box = (lefts[index], top, right - 1, top + ROW_HEIGHT - 1)
                draw.rectangle(
                    box, fill=tint(ROLE_COLORS[role][0]) if not cell.empty else None, outline=(160, 160, 160)
                )
                draw.text(
                    (box[0] + 3, top + 5), cell.text[: max(1, (right - lefts[index]) // 7)], fill=(0, 0, 0), font=font
                )
        _legend(draw, font, lefts[-1] + 10, 8)
        pictures.append(image)
    return pictures


def periksa(
    data: bytes, folder: Path, source: str = "", password: str | None = None, batas: Batas = BAWAAN
) -> list[Path]:
    """Draw what was read into `folder` as halaman-001.png, …; returns the files written."""
    grids = read_grids(data, source, password, batas)
    if not grids:
        return []
    _, grid = choose(grids)
    table = find_table(grid)
    width = max((len(r.cells) for r in grid.rows), default=1)
    roles = column_roles(table.header.columns, width) if table.header else ["lain"] * width
    on_pages = any(cell.box for row in grid.rows for cell in row.cells)
    pictures = _pdf_pictures(data, password, grid, roles) if on_pages else _grid_pictures(grid, roles)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, picture in enumerate(pictures, start=1):
        path = folder / f"halaman-{number:03d}.png"
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG")
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written


def _periksa_file(path: Path, folder: Path, password: str | None, batas: Batas) -> list[str]:
    return [str(p) for p in periksa(read_input(path, batas.berkas), folder, str(path), password, batas)]


def periksa_guarded(path: Path, folder: Path, password: str | None = None, batas: Batas = BAWAAN) -> list[Path]:
    """`periksa` for a file, in a child process under the limits (the file may be hostile)."""
    if folder.exists() and not folder.is_dir():
        raise KeluaranGagal(f"'{folder}' sudah ada dan bukan folder; pilih folder lain untuk gambar pembacaan.")
    return [Path(p) for p in run_limited(_periksa_file, (Path(path), folder, password, batas), batas)]
