"""The records of an IKU / PK document and their JSON form (the public contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Target:
    """A target as written (`teks`) and as read: value, unit, and range or bound where there is one."""

    teks: str
    nilai: int | float | None = None
    satuan: str | None = None
    batas_bawah: int | float | None = None
    batas_atas: int | float | None = None
    pembanding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"teks": self.teks, "nilai": self.nilai, "satuan": self.satuan}
        for key in ("batas_bawah", "batas_atas", "pembanding"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        return cls(
            teks=data["teks"],
            nilai=data.get("nilai"),
            satuan=data.get("satuan"),
            batas_bawah=data.get("batas_bawah"),
            batas_atas=data.get("batas_atas"),
            pembanding=data.get("pembanding"),
        )


@dataclass
class Indikator:
    nomor: int
    uraian: str
    target: Target | None = None
    halaman: int | None = None
    baris: int | None = None
    kolom_lain: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "nomor": self.nomor,
            "uraian": self.uraian,
            "target": self.target.to_dict() if self.target else None,
        }
        _put_source(out, self.halaman, self.baris)
        if self.kolom_lain:
            out["kolom_lain"] = dict(self.kolom_lain)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Indikator:
        target = data.get("target")
        return cls(
            nomor=data["nomor"],
            uraian=data["uraian"],
            target=Target.from_dict(target) if target else None,
            halaman=data.get("halaman"),
            baris=data.get("baris"),
            kolom_lain=dict(data.get("kolom_lain") or {}),
        )


@dataclass
class Sasaran:
    nomor: int
    kelompok: str | None
    uraian: str
    indikator: list[Indikator] = field(default_factory=list)
    target_mentah: str | None = None
    halaman: int | None = None
    baris: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "nomor": self.nomor,
            "kelompok": self.kelompok,
            "uraian": self.uraian,
            "indikator": [i.to_dict() for i in self.indikator],
        }
        if self.target_mentah is not None:
            out["target_mentah"] = self.target_mentah
        _put_source(out, self.halaman, self.baris)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sasaran:
        return cls(
            nomor=data["nomor"],
            kelompok=data.get("kelompok"),
            uraian=data["uraian"],
            indikator=[Indikator.from_dict(i) for i in data.get("indikator", [])],
            target_mentah=data.get("target_mentah"),
            halaman=data.get("halaman"),
            baris=data.get("baris"),
        )


@dataclass
class Anggaran:
    """A budget row of a Perjanjian Kinerja: what it funds and the amount as written and as a number."""

    uraian: str
    teks: str
    nilai: int | float | None

    def to_dict(self) -> dict[str, Any]:
        return {"uraian": self.uraian, "teks": self.teks, "nilai": self.nilai}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anggaran:
        return cls(uraian=data["uraian"], teks=data["teks"], nilai=data.get("nilai"))


@dataclass
class Peringatan:
    """Something the reader could not settle and a person should check."""

    pesan: str
    sasaran: int | None = None
    halaman: int | None = None
    baris: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pesan": self.pesan}
        for key in ("sasaran", "halaman", "baris"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Peringatan:
        return cls(
            pesan=data["pesan"],
            sasaran=data.get("sasaran"),
            halaman=data.get("halaman"),
            baris=data.get("baris"),
        )

    def __str__(self) -> str:
        where = []
        if self.sasaran is not None:
            where.append(f"sasaran {self.sasaran}")
        if self.halaman is not None:
            where.append(f"halaman {self.halaman}")
        if self.baris is not None:
            where.append(f"baris {self.baris}")
        return (f"[{', '.join(where)}] " if where else "") + self.pesan


@dataclass
class Dokumen:
    judul: str | None = None
    instansi: str | None = None
    tahun: int | None = None
    sasaran: list[Sasaran] = field(default_factory=list)
    anggaran: list[Anggaran] = field(default_factory=list)
    peringatan: list[Peringatan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "judul": self.judul,
            "instansi": self.instansi,
            "tahun": self.tahun,
            "sasaran": [s.to_dict() for s in self.sasaran],
            "anggaran": [a.to_dict() for a in self.anggaran],
            "peringatan": [p.to_dict() for p in self.peringatan],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dokumen:
        return cls(
            judul=data.get("judul"),
            instansi=data.get("instansi"),
            tahun=data.get("tahun"),
            sasaran=[Sasaran.from_dict(s) for s in data.get("sasaran", [])],
            anggaran=[Anggaran.from_dict(a) for a in data.get("anggaran", [])],
            peringatan=[Peringatan.from_dict(p) for p in data.get("peringatan", [])],
        )

    def jumlah_indikator(self) -> int:
        return sum(len(s.indikator) for s in self.sasaran)


def _put_source(out: dict[str, Any], halaman: int | None, baris: int | None) -> None:
    if halaman is not None:
        out["halaman"] = halaman
    if baris is not None:
        out["baris"] = baris
