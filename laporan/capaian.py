"""The capaian rules, kept in the shared core (`inti.capaian`) so that `ekstrak` checks a printed capaian
by the same rules the report uses; named here for the report's modules."""

from inti.capaian import (  # noqa: F401
    HUNDRED,
    JUMLAH,
    NAIK,
    ORDERED_SCALES,
    POLARITAS,
    RUMUS_TURUN,
    SCALES,
    STABIL,
    TERAKHIR,
    TIDAK_DAPAT,
    TIDAK_DIUKUR,
    TURUN,
    ZERO,
    Aturan,
    Capaian,
    Nilai,
    cara_renstra,
    hitung,
    nilai,
    predikat,
    qualitative,
    rata_rata,
    sejauh,
    simpulkan_polaritas,
)
