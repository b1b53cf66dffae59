"""Kinerja's local web application: upload, correct, fill realisasi, download the data and the report."""
