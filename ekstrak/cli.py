"""The `ekstrak` command: arguments in, records out; all the work is in library calls."""

from __future__ import annotations

import sys
from pathlib import Path

from inti.cli import EXIT_OK, EXIT_WARNINGS, Parser, add_limit_options, fail, limits_from, report_warnings, run_main
from inti.errors import FormatTidakDikenal, KinerjaError
from inti.files import check_output

from .batch import Pilihan, find_inputs
from .formats import FORMATS, render, save
from .periksa import periksa_guarded
from .progress import read_with_progress, run_with_progress
from .readers.scan import OTOMATIS, PAKSA, TIDAK

DESCRIPTION = """\
Mengubah dokumen IKU / Perjanjian Kinerja menjadi data terstruktur:
sasaran, indikator, dan target (nilai dan satuan).

Masukan: PDF (berteks, atau hasil pindaian: dibaca dengan OCR), gambar halaman
(PNG, JPEG, TIFF), DOCX, XLSX, teks (TXT, salin-tempel atau 'pdftotext
-layout'), format lama DOC/XLS/ODT/ODS (lewat LibreOffice), atau JSON dan lembar
CSV/XLSX yang ditulis ekstrak sendiri. Satu berkas, atau satu folder berisi
banyak berkas (dikerjakan paralel di semua inti prosesor). Keluaran: JSON (bawaan, ke layar bila
tanpa -o), CSV (untuk Excel berbahasa Indonesia) atau XLSX (lembar isian
realisasi untuk 'laporan')."""

EPILOG = """\
contoh:
  ekstrak iku_2022.pdf                     JSON ke layar
  ekstrak iku_2022.docx -o iku_2022.xlsx   lembar XLSX untuk diisi realisasinya
  ekstrak iku_2022.txt -o iku.csv --ketat  gagal (kode 1) bila ada peringatan
  ekstrak arsip/ -o hasil/ -f xlsx         semua berkas di folder arsip/ (a.pdf -> hasil/a.pdf.xlsx)

batas lain (tetap): berkas paling besar 50 MiB; PDF paling banyak 1000 halaman; DOCX/XLSX paling banyak
5000 bagian, 500 MiB setelah dibuka, pemampatan paling tinggi 200:1.

kode keluar:
  0  selesai
  1  selesai tetapi tidak bersih (ada peringatan dengan --ketat: berkasnya tidak ditulis;
     atau sebagian berkas folder gagal)
  2  masukan atau pemakaian salah; tidak ada berkas ditulis"""


def build_parser() -> Parser:
    parser = Parser(prog="ekstrak", description=DESCRIPTION, epilog=EPILOG)
    add = parser.add_argument
    add("masukan", metavar="BERKAS", help="dokumen IKU/PK, lembar dari ekstrak, atau folder berisi dokumen")
    add(
        "-o", "--keluaran", metavar="BERKAS", help="berkas keluaran (.json, .csv, .xlsx); untuk folder: folder keluaran"
    )
    add("-f", "--format", choices=FORMATS, help="format keluaran bila tidak dari ekstensi (bawaan: json)")
    add("--ketat", action="store_true", help="peringatan dianggap gagal: kode keluar 1, berkasnya tidak ditulis")
    add("--sandi", metavar="SANDI", help="sandi untuk membuka PDF yang terkunci")
    ocr = parser.add_mutually_exclusive_group()
    ocr.add_argument(
        "--ocr",
        dest="ocr",
        action="store_const",
        const=PAKSA,
        default=OTOMATIS,
        help="baca semua halaman PDF dengan OCR (bila lapisan teksnya rusak); bawaan: hanya halaman tanpa teks",
    )
    ocr.add_argument("--tanpa-ocr", dest="ocr", action="store_const", const=TIDAK, help="jangan jalankan OCR")
    add("-j", "--proses", type=int, metavar="N", help="jumlah proses untuk folder (bawaan: semua inti prosesor)")
    add_limit_options(parser)
    add("--periksa", metavar="FOLDER", help="gambar apa yang terbaca (sel, peran kolom, batas baris) ke FOLDER")
    add("-q", "--senyap", action="store_true", help="jangan cetak ringkasan, peringatan dan kemajuan")
    return parser


def output_format(output: Path | None, chosen: str | None) -> str:
    if chosen:
        return chosen
    if output is None:
        return "json"
    suffix = output.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise FormatTidakDikenal(
        f"Format keluaran untuk '{output}' tidak dapat ditentukan dari ekstensinya; "
        "pakai akhiran .json, .csv atau .xlsx, atau --format."
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if Path(args.masukan).is_dir():
        return _folder(args)
    output = Path(args.keluaran) if args.keluaran else None
    try:
        fmt = output_format(output, args.format)
        if output is not None:
            check_output(output)
        doc = read_with_progress(args.masukan, args.sandi, limits_from(args, "ekstrak"), args.ocr, args.senyap)
        if args.periksa:
            _pictures(args)
    except KinerjaError as exc:
        fail(f"ekstrak: {exc.pesan}")
    if report_warnings("ekstrak", doc.peringatan, quiet=args.senyap, strict=args.ketat):
        return EXIT_WARNINGS
    try:
        if output is None:
            data = render(doc, fmt)
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            save(doc, output, fmt)
    except KinerjaError as exc:
        fail(f"ekstrak: {exc.pesan}")
    if output is not None and not args.senyap:
        print(
            f"ekstrak: {len(doc.sasaran)} sasaran, {doc.jumlah_indikator()} indikator, "
            f"{len(doc.peringatan)} peringatan → {output}",
            file=sys.stderr,
        )
    return EXIT_OK


def _pictures(args) -> None:
    folder = Path(args.periksa)
    drawn = periksa_guarded(Path(args.masukan), folder, args.sandi, limits_from(args, "ekstrak"))
    if not args.senyap:
        print(f"ekstrak: {len(drawn)} gambar pembacaan → {folder}", file=sys.stderr)


def _folder(args) -> int:
    folder = Path(args.masukan)
    if not args.keluaran:
        fail("ekstrak: untuk sebuah folder, sebutkan folder keluaran dengan -o (mis. -o hasil/).")
    if args.periksa:
        fail("ekstrak: --periksa menggambar satu berkas; jalankan untuk berkas yang ingin diperiksa.")
    outdir = Path(args.keluaran)
    if outdir.exists() and not outdir.is_dir():
        fail(f"ekstrak: '{outdir}' sudah ada dan bukan folder; pilih folder keluaran lain.")
    if args.proses is not None and args.proses < 1:
        fail("ekstrak: --proses harus 1 atau lebih.")
    if not find_inputs(folder):
        fail(f"ekstrak: tidak ada dokumen yang dapat dibaca di folder '{folder}'.")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"ekstrak: folder keluaran '{outdir}' tidak dapat dibuat ({exc.strerror}).")
    pilihan = Pilihan(args.format or "json", args.ketat, args.sandi, limits_from(args, "ekstrak"), args.ocr)
    outcomes = run_with_progress(folder, outdir, pilihan, workers=args.proses, quiet=args.senyap)
    return EXIT_OK if all(o.clean for o in outcomes) else EXIT_WARNINGS


def run() -> None:
    run_main(main, "ekstrak")
