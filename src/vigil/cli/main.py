"""The ``vigil`` command line.

Commands that touch the store configure Django lazily, so ``vigil extract`` starts without it.
Exit codes: 0 ok, 1 some input refused, 2 usage.
"""

from __future__ import annotations

import typer

from vigil.cli.extract import extract

app = typer.Typer(
    name="vigil",
    help="Vigil: cases of human rights defenders at risk, from appeals to follow-ups.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command()(extract)


@app.callback()
def main() -> None:
    """Vigil: cases of human rights defenders at risk, from appeals to follow-ups."""


def run() -> None:
    """Entry point of the ``vigil`` script."""
    app()
