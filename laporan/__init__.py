"""Kinerja's `laporan`: capaian from the realisasi an office enters, and the LAKIP / LKjIP report."""
