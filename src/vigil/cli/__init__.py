"""The ``vigil`` command: one Typer application, one module per command group."""
