"""Who may do what, the one place every request asks: the signed-in account (none in the single-user mode on
this computer) against the office of the document and the unit of the indicator it names."""

from __future__ import annotations

from flask import g

from ekstrak import Dokumen

from .edits import SASARAN_ITSELF, TRIWULAN
from .pengguna import Pengguna, unit_cocok
from .store import Key, Ringkas, Tersimpan, same_name

DRAF, DIAJUKAN, DISAHKAN = "draf", "diajukan", "disahkan"
# Approval: an action, the state it moves from and to, and the roles that may take it.
TRANSISI = {
    "ajukan": (DRAF, DIAJUKAN, ("admin", "perencana")),
    "sahkan": (DIAJUKAN, DISAHKAN, ("admin", "pimpinan")),
    "kembalikan": (DIAJUKAN, DRAF, ("admin", "pimpinan")),
    "buka": (DISAHKAN, DRAF, ("admin",)),
}
MENGELOLA = ("admin", "perencana")  # upload, correct, delete, the profile: everything of the office
OPERATOR_FIELDS = ("realisasi", *TRIWULAN, "keterangan")
TIDAK_BERHAK = "Anda tidak berhak mengubah ini; hanya {siapa} yang dapat. Minta perencana kantor Anda bila perlu."


def current() -> Pengguna | None:
    """The account of this request; None in the single-user mode (no accounts, this computer only)."""
    return g.get("pengguna")


def may_see(user: Pengguna | None, pemilik: str) -> bool:
    """Whether the account sees a document of the office `pemilik`: its own office's, or all (server-wide)."""
    return user is None or user.seluruh_server or same_name(user.instansi) == same_name(pemilik)


def visible(user: Pengguna | None, lines: list[Ringkas]) -> list[Ringkas]:
    return [line for line in lines if may_see(user, line.pemilik)]


def owner(user: Pengguna | None) -> tuple[str, str]:
    """Whose an upload is: the account's name and office (both empty in the single-user mode)."""
    return (user.nama, user.instansi) if user else ("", "")


def may_see_upload(user: Pengguna | None, oleh: str, instansi: str) -> bool:
    """Whether the account sees an upload still being read: only the one who sent it, while in that office."""
    return owner(user)[0] == oleh and may_see(user, instansi)


def may_manage(user: Pengguna | None) -> bool:
    """Upload, correct the table, add and delete rows and documents, write the profile."""
    return user is None or user.peran in MENGELOLA


def owns(user: Pengguna, asli: Dokumen, s: int, i: int) -> bool:
    """Whether the indicator (s, i) is of one of the operator's units (an added one: by its sasaran's kelompok)."""
    if not 0 <= s < len(asli.sasaran) or i == SASARAN_ITSELF:
        return False
    sasaran = asli.sasaran[s]
    ind = sasaran.indikator[i] if 0 <= i < len(sasaran.indikator) else None
    return unit_cocok(user, sasaran.kelompok, ind.kolom_lain.get("penanggung jawab") if ind else None)


def may_change(user: Pengguna | None, rec: Tersimpan) -> bool:
    """Whether the account may change the document itself (rows, profile, deletion): a manager of its office,
    while it is a draft (submitted and approved years are locked)."""
    return may_see(user, rec.instansi) and may_manage(user) and rec.status == DRAF


def may_edit(user: Pengguna | None, rec: Tersimpan, asli: Dokumen, key: Key) -> bool:
    """Whether the account may change this field of a draft: managers all of their office's, an operator only
    realisasi, quarters and keterangan of their own unit's indicators, the pimpinan and pemeriksa nothing."""
    if not may_see(user, rec.instansi) or rec.status != DRAF:
        return False
    if user is None or user.peran in MENGELOLA:
        return True
    s, i, name = key
    return user.peran == "operator" and name in OPERATOR_FIELDS and owns(user, asli, s, i)


def actions(user: Pengguna | None, rec: Tersimpan) -> list[str]:
    """The approval actions the account may take on the document now (none in the single-user mode)."""
    if user is None or not may_see(user, rec.instansi):
        return []
    return [name for name, (dari, _, roles) in TRANSISI.items() if rec.status == dari and user.peran in roles]


def is_draft(rec: Tersimpan) -> bool:
    """Whether its report is a draft ("DRAF" on every page): accounts exist and the year is not approved."""
    return bool(g.get("akun")) and rec.status != DISAHKAN


def refusal(rec: Tersimpan, siapa: str = "perencana atau admin") -> str:
    """Why a change is refused: the year is locked for approval, or the account may not make it."""
    if rec.status == DIAJUKAN:
        return "Dokumen ini sedang diajukan untuk disahkan, jadi terkunci; tunggu disahkan atau dikembalikan."
    if rec.status == DISAHKAN:
        return "Dokumen ini sudah disahkan, jadi terkunci; hanya admin yang dapat membukanya lagi."
    return TIDAK_BERHAK.format(siapa=siapa)
