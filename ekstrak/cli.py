"""The `ekstrak` command: arguments in, records out; all the work is in library calls."""

from __future__ import annotations

import sys
from pathlib import Path

from .bahasa import EXIT_OK, EXIT_WARNINGS, Parser, fail
from .errors import KinerjaError
from .extract import extract
from .files import check_output
from .sheet import FORMATS, render, save

DESCRIPTION = """\
Mengubah dokumen IKU / Perjanjian Kinerja menjadi data terstruktur:
sasaran, indikator, dan target (nilai dan satuan).

Masukan: teks (TXT, hasil salin-tempel atau 'pdftotext -layout'), atau JSON
dan lembar CSV/XLSX yang ditulis ekstrak sendiri (mis. setelah diperbaiki). Keluaran: JSON (bawaan, ke layar bila
tanpa -o), CSV (untuk Excel berbahasa Indonesia) atau XLSX (lembar isian
realisasi untuk 'laporan')."""

EPILOG = """\
contoh:
  ekstrak iku_2022.txt                     JSON ke layar
  ekstrak iku_2022.txt -o iku_2022.xlsx    lembar XLSX untuk diisi realisasinya
  ekstrak iku_2022.txt -o iku.csv --ketat  gagal (kode 1) bila ada peringatan

kode keluar:
  0  selesai
  1  selesai tetapi tidak bersih (ada peringatan dengan --ketat; tidak ada berkas ditulis)
  2  masukan atau pemakaian salah; tidak ada berkas ditulis"""


def build_parser() -> Parser:
    parser = Parser(prog="ekstrak", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("masukan", metavar="BERKAS", help="dokumen IKU/PK (TXT) atau lembar CSV/XLSX dari ekstrak")
    parser.add_argument(
        "-o", "--keluaran", metavar="BERKAS", help="berkas keluaran; formatnya dari ekstensi (.json, .csv, .xlsx)"
    )
    parser.add_argument(
        "-f", "--format", choices=FORMATS, help="format keluaran bila tidak dari ekstensi (bawaan: json)"
    )
    parser.add_argument(
        "--ketat",
        action="store_true",
        help="anggap peringatan sebagai kegagalan: kode keluar 1, tidak ada berkas ditulis",
    )
    parser.add_argument("-q", "--senyap", action="store_true", help="jangan cetak ringkasan dan peringatan")
    return parser


def output_format(output: Path | None, chosen: str | None) -> str:
    if chosen:
        return chosen
    if output is None:
        return "json"
    suffix = output.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise KinerjaError(
        f"Format keluaran untuk '{output}' tidak dapat ditentukan dari ekstensinya; "
        "pakai akhiran .json, .csv atau .xlsx, atau --format."
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    output = Path(args.keluaran) if args.keluaran else None
    try:
        fmt = output_format(output, args.format)
        if output is not None:
            check_output(output)
        doc = extract(args.masukan)
    except KinerjaError as exc:
        fail(f"ekstrak: {exc.pesan}")
    if not args.senyap:
        for warning in doc.peringatan:
            print(f"peringatan: {warning}", file=sys.stderr)
    if args.ketat and doc.peringatan:
        print(
            f"ekstrak: {len(doc.peringatan)} peringatan dengan --ketat; tidak ada berkas yang ditulis.",
            file=sys.stderr,
        )
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


def run() -> None:
    try:
        code = main()
    except KeyboardInterrupt:
        print("ekstrak: dihentikan.", file=sys.stderr)
        code = 130
    raise SystemExit(code)
