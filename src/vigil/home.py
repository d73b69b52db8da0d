"""Where a Vigil store lives: ``VIGIL_HOME`` and the files inside it.

A store is one directory: the embedded database ``vigil.db``, the key file under ``keys/``
(unless ``VIGIL_KEY_FILE`` points elsewhere) and nothing else that holds case data.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = Path("~/.local/share/vigil")


def vigil_home() -> Path:
    """The store directory: ``VIGIL_HOME`` or ``~/.local/share/vigil``."""
    return Path(os.environ.get("VIGIL_HOME") or DEFAULT_HOME).expanduser().resolve()


def database_path() -> Path:
    return vigil_home() / "vigil.db"


def key_file_path() -> Path:
    """The key file: ``VIGIL_KEY_FILE`` or ``VIGIL_HOME/keys/vigil.key``."""
    configured = os.environ.get("VIGIL_KEY_FILE")
    return Path(configured).expanduser().resolve() if configured else vigil_home() / "keys" / "vigil.key"
