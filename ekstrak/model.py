"""The records of an IKU / PK document and their JSON form (the public contract); all immutable."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class Kolom(Mapping[str, str]):
    """A read-only mapping of other columns (header → text); change it with `dataclasses.replace`."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._data = dict(data)

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"Kolom({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Kolom, (self._data,))

    def dengan(self, **changes: str | None) -> Kolom:
        """A copy with these columns set (None removes one)."""
        data = dict(self._data)
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return Kolom(data)


def _freeze(obj: Any, name: str, kind: type) -> None:
    value = getattr(obj, name)
    if not isinstance(value, kind):
        object.__setattr__(obj, name, kind(value))


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Keyakinan:
    """How sure OCR was of a record: the lowest word confidence (0–1) of its text's cell and of its
    target's cell (None where there is no such cell)."""

    uraian: float | None = None
    target: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"uraian": self.uraian, "target": self.target}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Keyakinan:
        return cls(uraian=data.get("uraian"), target=data.get("target"))


def _put_reading(out: dict[str, Any], sumber: str | None, keyakinan: Keyakinan | None) -> None:
    if sumber is not None:
        out["sumber"] = sumber
    if keyakinan is not None:
        out["keyakinan"] = keyakinan.to_dict()


def _keyakinan(data: dict[str, Any]) -> Keyakinan | None:
    return Keyakinan.from_dict(data["keyakinan"]) if data.get("keyakinan") else None


@dataclass(frozen=True)
class Indikator:
    nomor: int
    uraian: str
    target: Target | None = None
    halaman: int | None = None
    baris: int | None = None
    kolom_lain: Kolom = field(default_factory=Kolom)
    kode: str | None = None
    sumber: str | None = None  # "ocr" for a record read from a scanned image
    keyakinan: Keyakinan | None = None

    def __post_init__(self) -> None:
        _freeze(self, "kolom_lain", Kolom)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"nomor": self.nomor}
        if self.kode is not None:
            out["kode"] = self.kode
        out["uraian"] = self.uraian
        out["target"] = self.target.to_dict() if self.target else None
        _put_source(out, self.halaman, self.baris)
        _put_reading(out, self.sumber, self.keyakinan)
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
            kolom_lain=Kolom(data.get("kolom_lain") or {}),
            kode=data.get("kode"),
            sumber=data.get("sumber"),
            keyakinan=_keyakinan(data),
        )


@dataclass(frozen=True)
class Sasaran:
    nomor: int
    kelompok: str | None
    uraian: str
    indikator: tuple[Indikator, ...] = ()
    target_mentah: str | None = None
    halaman: int | None = None
    baris: int | None = None
    kode: str | None = None
    sumber: str | None = None  # "ocr" for a record read from a scanned image
    keyakinan: Keyakinan | None = None

    def __post_init__(self) -> None:
        _freeze(self, "indikator", tuple)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"nomor": self.nomor}
        if self.kode is not None:
            out["kode"] = self.kode
        out["kelompok"] = self.kelompok
        out["uraian"] = self.uraian
        out["indikator"] = [i.to_dict() for i in self.indikator]
        if self.target_mentah is not None:
            out["target_mentah"] = self.target_mentah
        _put_source(out, self.halaman, self.baris)
        _put_reading(out, self.sumber, self.keyakinan)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sasaran:
        return cls(
            nomor=data["nomor"],
            kelompok=data.get("kelompok"),
            uraian=data["uraian"],
            indikator=tuple(Indikator.from_dict(i) for i in data.get("indikator", [])),
            target_mentah=data.get("target_mentah"),
            halaman=data.get("halaman"),
            baris=data.get("baris"),
            kode=data.get("kode"),
            sumber=data.get("sumber"),
            keyakinan=_keyakinan(data),
        )


@dataclass(frozen=True)
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


WHERE = ("kelompok", "sasaran", "indikator", "halaman", "baris")


@dataclass(frozen=True)
class Peringatan:
    """Something the reader could not settle and a person should check, and the record it doubts."""

    pesan: str
    sasaran: int | None = None
    halaman: int | None = None
    baris: int | None = None
    kelompok: str | None = None
    indikator: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pesan": self.pesan}
        for key in WHERE:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Peringatan:
        return cls(pesan=data["pesan"], **{key: data.get(key) for key in WHERE})

    def __str__(self) -> str:
        order = ("sasaran", "indikator", "kelompok", "halaman", "baris")
        where = [f"{key} {getattr(self, key)}" for key in order if getattr(self, key) is not None]
        return (f"[{', '.join(where)}] " if where else "") + self.pesan


@dataclass(frozen=True)
class Dokumen:
    judul: str | None = None
    instansi: str | None = None
    tahun: int | None = None
    sasaran: tuple[Sasaran, ...] = ()
    anggaran: tuple[Anggaran, ...] = ()
    peringatan: tuple[Peringatan, ...] = ()

    def __post_init__(self) -> None:
        for name in ("sasaran", "anggaran", "peringatan"):
            _freeze(self, name, tuple)

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
            sasaran=tuple(Sasaran.from_dict(s) for s in data.get("sasaran", [])),
            anggaran=tuple(Anggaran.from_dict(a) for a in data.get("anggaran", [])),
            peringatan=tuple(Peringatan.from_dict(p) for p in data.get("peringatan", [])),
        )

    def jumlah_indikator(self) -> int:
        return sum(len(s.indikator) for s in self.sasaran)


def _put_source(out: dict[str, Any], halaman: int | None, baris: int | None) -> None:
    if halaman is not None:
        out["halaman"] = halaman
    if baris is not None:
        out["baris"] = baris
