"""Local use: the store in ``VIGIL_HOME``, served on 127.0.0.1."""

from vigil.settings.base import *  # noqa: F403
