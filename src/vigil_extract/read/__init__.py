"""Readers: one per format, each turning bytes into text; ``read_path`` picks by content."""

from vigil_extract.read.detect import ReadLimits, read_bytes, read_path

__all__ = ["ReadLimits", "read_bytes", "read_path"]
