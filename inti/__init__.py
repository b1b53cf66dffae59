"""Kinerja's shared core: errors, limits, files, Indonesian numbers and CLI plumbing (imports no other package)."""
