"""The `laporan` command: arguments in, report files out; all the work is in library calls."""

from __future__ import annotations

import shutil
import sys
from decimal import Decimal
from pathlib import Path

from inti.cli import (
    EXIT_OK,
    EXIT_WARNINGS,
    Parser,
    add_limit_options,
    fail,
    limits_from,
    report_warnings,
    run_main,
)
from inti.errors import FormatTidakDikenal, KinerjaError, TemplatRusak
from inti.files import check_output, write_atomic

from .buat import FORMATS, buat_laporan
from .capaian import RUMUS_TURUN, SCALES, Aturan
from .profil import CONTOH
from .render.html import TEMPLATES

DESCRIPTION = """\
Menyusun Laporan Kinerja (LKjIP/LAKIP) dari IKU/Perjanjian Kinerja dan realisasinya:
menghitung capaian tiap indikator, sasaran dan organisasi, lalu menulis laporan
sebagai PDF, DOCX (dapat disunting di Word) dan HTML.

Masukan: lembar CSV/XLSX dari 'ekstrak' yang kolom realisasinya sudah diisi; atau
JSON dari 'ekstrak' dengan --realisasi; atau dokumen IKU/PK apa pun (laporan
berisi target saja)."""

EPILOG = """\
contoh:
  laporan iku_2022.xlsx -o lakip.pdf -o lakip.docx
  laporan iku_2022.json --realisasi isian.xlsx --profil profil.toml -o lakip.pdf
  laporan iku_2022.xlsx --tahun-lalu iku_2021.xlsx --tahun-lalu iku_2020.xlsx -o lakip.pdf
  laporan iku_2022.xlsx --skala permenpan-6-2022 --draf -o lakip.pdf
  laporan --contoh-profil > profil.toml

batas lain (tetap): berkas masukan paling besar 50 MiB; PDF paling banyak 1000 halaman;
DOCX/XLSX paling banyak 5000 bagian, 500 MiB setelah dibuka, pemampatan paling tinggi 200:1.

kode keluar:
  0  selesai
  1  selesai tetapi tidak bersih (ada peringatan dengan --ketat; tidak ada berkas ditulis)
  2  masukan atau pemakaian salah; tidak ada berkas ditulis"""


def build_parser() -> Parser:
    parser = Parser(prog="laporan", description=DESCRIPTION, epilog=EPILOG)
    add = parser.add_argument
    add("masukan", metavar="BERKAS", nargs="?", help="lembar isian (CSV/XLSX), JSON dari ekstrak, atau dokumen IKU/PK")
    add(
        "-o",
        "--keluaran",
        metavar="BERKAS",
        action="append",
        default=[],
        help="berkas laporan: .pdf, .docx atau .html (boleh diulang)",
    )
    add("--realisasi", metavar="BERKAS", help="lembar isian realisasi untuk masukan JSON")
    add(
        "--tahun-lalu",
        metavar="BERKAS",
        action="append",
        default=[],
        help="lembar isian, JSON atau laporan tahun sebelumnya, untuk perbandingan (boleh diulang, paling banyak 4)",
    )
    add("--anggaran", metavar="BERKAS", help="pagu dan realisasi anggaran (XLSX lembar Anggaran, atau CSV)")
    add("--profil", metavar="BERKAS", help="profil instansi (TOML): kota, kepala, NIP, logo, teks bab")
    add("--skala", choices=sorted(SCALES), default="lkjip", help="skala predikat (bawaan: lkjip)")
    add(
        "--batas-capaian",
        metavar="N",
        default="120",
        help="batas atas capaian dalam persen, atau 'tidak' (bawaan: 120)",
    )
    add(
        "--rumus-turun",
        choices=["2-r/t", "t/r"],
        default="2-r/t",
        help="rumus capaian indikator yang semakin kecil semakin baik (bawaan: 2-r/t)",
    )
    add("--templat", metavar="FOLDER", help="folder templat sendiri (buat dengan --salin-templat)")
    add("--salin-templat", metavar="FOLDER", help="salin templat bawaan ke FOLDER untuk diubah, lalu keluar")
    add("--contoh-profil", action="store_true", help="cetak contoh profil.toml beranotasi, lalu keluar")
    add("--sandi", metavar="SANDI", help="sandi untuk PDF masukan yang terkunci")
    add("--draf", action="store_true", help='tandai setiap halaman laporan "DRAF" (tahun belum disetujui)')
    add("--ketat", action="store_true", help="peringatan dianggap gagal: kode keluar 1, tidak ada berkas ditulis")
    add_limit_options(parser)
    add("-q", "--senyap", action="store_true", help="jangan cetak ringkasan dan peringatan")
    return parser


def _aturan(args) -> Aturan:
    text = str(args.batas_capaian).strip().lower()
    if text in ("tidak", "none", "0"):
        batas = None
    else:
        try:
            batas = Decimal(text.replace(",", "."))
        except ArithmeticError:
            fail(f"laporan: --batas-capaian '{args.batas_capaian}' harus angka (mis. 120) atau 'tidak'.")
        if batas < 100:
            fail("laporan: --batas-capaian tidak boleh di bawah 100.")
    assert args.rumus_turun in RUMUS_TURUN
    return Aturan(batas=batas, rumus_turun=args.rumus_turun, skala=args.skala)


def _copy_templates(target: str) -> int:
    folder = Path(target)
    if folder.exists() and any(folder.iterdir()):
        fail(f"laporan: folder '{folder}' sudah berisi; pilih folder kosong atau baru.")
    try:
        shutil.copytree(TEMPLATES, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    except OSError as exc:
        fail(f"laporan: templat tidak dapat disalin ke '{folder}' ({exc.strerror}).")
    print(f"laporan: templat disalin ke {folder}; ubah lalu pakai dengan --templat {folder}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.contoh_profil:
        sys.stdout.write(CONTOH)
        return EXIT_OK
    if args.salin_templat:
        return _copy_templates(args.salin_templat)
    if not args.masukan:
        fail("laporan: sebutkan berkas masukan (lembar isian, JSON, atau dokumen IKU). Lihat 'laporan --help'.")
    if not args.keluaran:
        fail("laporan: sebutkan berkas laporan dengan -o (mis. -o lakip.pdf -o lakip.docx).")
    outputs: list[tuple[Path, str]] = []
    try:
        for name in args.keluaran:
            path = Path(name)
            fmt = path.suffix.lower().lstrip(".")
            if fmt not in FORMATS:
                raise FormatTidakDikenal(
                    f"Format laporan '{name}' tidak dikenal; pakai akhiran .pdf, .docx atau .html."
                )
            check_output(path)
            outputs.append((path, fmt))
        templat = Path(args.templat) if args.templat else TEMPLATES
        if not templat.is_dir():
            raise TemplatRusak(f"Folder templat '{templat}' tidak ada; buat dengan --salin-templat.")
        hasil = buat_laporan(
            Path(args.masukan),
            [fmt for _, fmt in outputs],
            aturan=_aturan(args),
            realisasi=Path(args.realisasi) if args.realisasi else None,
            tahun_lalu=[Path(name) for name in args.tahun_lalu],
            anggaran=Path(args.anggaran) if args.anggaran else None,
            profil=Path(args.profil) if args.profil else None,
            templat=templat,
            sandi=args.sandi,
            batas=limits_from(args, "laporan"),
            draf=args.draf,
        )
    except KinerjaError as exc:
        fail(f"laporan: {exc.pesan}")
    if report_warnings("laporan", hasil.peringatan, quiet=args.senyap, strict=args.ketat):
        return EXIT_WARNINGS
    try:
        for path, fmt in outputs:
            write_atomic(path, hasil.berkas[fmt])
    except KinerjaError as exc:
        fail(f"laporan: {exc.pesan}")
    if not args.senyap:
        names = ", ".join(str(p) for p, _ in outputs)
        print(f"laporan: capaian {hasil.laporan.capaian} ({hasil.laporan.predikat}) → {names}", file=sys.stderr)
    return EXIT_OK


def run() -> None:
    run_main(main, "laporan")
