"""The office's profile (profil.toml): who signs, where, when, the logo, and the prose it writes."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from inti.errors import BerkasRusak, BerkasTidakAda, FormatTidakDikenal, KinerjaError, MelebihiBatas

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}
MAX_LOGO_BYTES = 2 * 1024 * 1024

CONTOH = '''# Profil instansi untuk `laporan --profil profil.toml`. Semua isian boleh dikosongkan:
# bagian yang kosong tampil di laporan sebagai tanda [Diisi oleh instansi: ...].

instansi = "Kantor Wilayah Kementerian Hukum dan HAM Sulawesi Barat"
kota = "Mamuju"
tanggal = "2023-01-31"          # tanggal penandatanganan, TTTT-BB-HH
logo = "logo.png"               # PNG atau JPEG, relatif terhadap berkas profil ini

[kepala]                        # PIHAK PERTAMA pada Perjanjian Kinerja; penanda tangan laporan
jabatan = "Kepala Kantor Wilayah"
nama = "Nama Kepala Kantor"
nip = "19700101 199503 1 001"

[pihak_kedua]                   # atasan yang menandatangani Perjanjian Kinerja (PIHAK KEDUA)
jabatan = "Sekretaris Jenderal"
nama = "Nama Atasan"
nip = "19680101 199003 1 001"

[pk]                            # tempat dan tanggal Perjanjian Kinerja ditandatangani (awal tahun laporan)
kota = "Jakarta"
tanggal = "2022-02-01"

# Teks dalam Markdown (**tebal**, *miring*, daftar dengan "- "). HTML mentah tidak dipakai.
[teks]
kata_pengantar = """
Puji syukur kami panjatkan ... Laporan Kinerja ini disusun sebagai wujud akuntabilitas ...
"""
bab1 = """
Kantor Wilayah mempunyai tugas ...

- **Struktur organisasi**: ...
- **Isu strategis**: ...
"""
bab4 = """
Secara umum target kinerja tahun ini tercapai ... Langkah ke depan: ...
"""

# Analisis per sasaran, dengan nomor urut sasaran; satu isian per butir analisis PermenPANRB 53/2014:
# target (tahun ini dibanding target), tahun_lalu (dibanding tahun-tahun sebelumnya), renstra (dibanding
# target akhir Renstra), nasional (dibanding standar nasional), penyebab (penyebab keberhasilan atau
# kegagalan dan solusinya), efisiensi (efisiensi penggunaan sumber daya), program (program/kegiatan
# pendukung). Butir yang kosong tampil sebagai tanda [Diisi oleh instansi: ...].
[analisis."1"]
penyebab = """
Capaian didukung oleh ...
"""
nasional = "Belum ada standar nasional untuk indikator ini."
program = "Program Dukungan Manajemen: ..."
'''


@dataclass
class Profil:
    instansi: str = ""
    kota: str = ""
    tanggal: dt.date | None = None
    logo: bytes | None = None
    logo_jenis: str = ""
    kepala_jabatan: str = ""
    kepala_nama: str = ""
    kepala_nip: str = ""
    kata_pengantar: str = ""
    bab1: str = ""
    bab4: str = ""
    analisis: dict[str, str] = field(default_factory=dict)  # per sasaran: its causes and solutions
    analisis_butir: dict[str, dict[str, str]] = field(default_factory=dict)  # per sasaran: text per item
    pihak_kedua_jabatan: str = ""
    pihak_kedua_nama: str = ""
    pihak_kedua_nip: str = ""
    pk_kota: str = ""
    pk_tanggal: dt.date | None = None


# The profile's fields naming who signs the report and the Perjanjian Kinerja, and where the PK was signed.
PENANDA_TANGAN = (
    "kepala_jabatan",
    "kepala_nama",
    "kepala_nip",
    "pihak_kedua_jabatan",
    "pihak_kedua_nama",
    "pihak_kedua_nip",
    "pk_kota",
)


def tanggal_indonesia(date: dt.date) -> str:
    """`31 Desember 2022`."""
    return f"{date.day} {BULAN[date.month - 1]} {date.year}"


def _logo(path: Path) -> tuple[bytes, str]:
    if not path.is_file():
        raise BerkasTidakAda(f"Logo '{path}' di profil tidak ditemukan; periksa nama berkasnya.")
    data = path.read_bytes()
    return data, jenis_logo(data, f"Logo '{path}'")


def jenis_logo(data: bytes, name: str = "Logo") -> str:
    """The logo's media type; MelebihiBatas when it is too large, FormatTidakDikenal when not PNG/JPEG."""
    if len(data) > MAX_LOGO_BYTES:
        raise MelebihiBatas(f"{name} terlalu besar (batas 2 MiB); perkecil gambarnya.")
    for magic, kind in LOGO_TYPES.items():
        if data.startswith(magic):
            return kind
    raise FormatTidakDikenal(f"{name} harus berupa gambar PNG atau JPEG.")


def _tanggal(value: object) -> dt.date | None:
    """A profile date: a TOML date or `TTTT-BB-HH`; KinerjaError for anything else."""
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KinerjaError(f"Tanggal '{value}' di profil harus ditulis TTTT-BB-HH, mis. 2023-01-31.") from exc


def baca_profil(path: Path) -> Profil:
    """Read a profile: BerkasTidakAda when it is missing, BerkasRusak (with the line) when it is no UTF-8 TOML,
    KinerjaError for a date that is no date."""
    if not path.is_file():
        raise BerkasTidakAda(
            f"Berkas profil '{path}' tidak ditemukan; buat contohnya dengan 'laporan --contoh-profil'."
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise BerkasRusak(
            f"Berkas profil '{path}' tidak dapat dibaca: {exc}. Bandingkan dengan --contoh-profil."
        ) from exc
    except UnicodeDecodeError as exc:
        raise BerkasRusak(f"Berkas profil '{path}' bukan teks UTF-8; simpan ulang sebagai UTF-8.") from exc
    kepala = data.get("kepala") or {}
    kedua = data.get("pihak_kedua") or {}
    pk = data.get("pk") or {}
    teks = data.get("teks") or {}
    analisis = data.get("analisis") or {}
    profil = Profil(
        instansi=str(data.get("instansi", "")),
        kota=str(data.get("kota", "")),
        kepala_jabatan=str(kepala.get("jabatan", "")),
        kepala_nama=str(kepala.get("nama", "")),
        kepala_nip=str(kepala.get("nip", "")),
        kata_pengantar=str(teks.get("kata_pengantar", "")),
        bab1=str(teks.get("bab1", "")),
        bab4=str(teks.get("bab4", "")),
        analisis={str(k): str(v) for k, v in analisis.items() if not isinstance(v, dict)},
        analisis_butir={
            str(k): {str(a): str(b) for a, b in v.items()} for k, v in analisis.items() if isinstance(v, dict)
        },
        pihak_kedua_jabatan=str(kedua.get("jabatan", "")),
        pihak_kedua_nama=str(kedua.get("nama", "")),
        pihak_kedua_nip=str(kedua.get("nip", "")),
        pk_kota=str(pk.get("kota", "")),
    )
    profil.tanggal = _tanggal(data.get("tanggal"))
    profil.pk_tanggal = _tanggal(pk.get("tanggal"))
    if data.get("logo"):
        profil.logo, profil.logo_jenis = _logo((path.parent / str(data["logo"])).resolve())
    return profil
