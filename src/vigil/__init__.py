"""Vigil: case management for organisations that protect human rights defenders at risk."""

__version__ = "0.1.0"
