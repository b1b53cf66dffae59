"""Readers: each turns one file format into the common grid (`ekstrak.grid`)."""
