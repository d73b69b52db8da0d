"""``python -m vigil.cli`` runs the ``vigil`` command."""

from vigil.cli.main import run

run()
