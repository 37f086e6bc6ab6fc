"""Entry point of the `doingoai` command.

Subcommands live in their own modules and are imported only when called, so
`doingoai extract` does not pay for importing Dagster and `doingoai --help`
stays fast.
"""

from __future__ import annotations

import importlib

import click

# name -> "module:attribute" of a click command
SUBCOMMANDS: dict[str, str] = {
    "sample-portal": "cli.portal:sample_portal",
    "crawl": "cli.crawl:crawl",
    "import": "cli.importing:import_documents",
    "run": "cli.run:run",
    "rerun-failed": "cli.run:rerun_failed",
    "ui": "cli.ui:ui",
    "extract": "cli.extract:extract",
    "sql": "cli.sql:sql",
    "bench": "cli.bench:bench",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in SUBCOMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            return None  # a command whose room is not built yet
        return getattr(module, attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """doingoai: a warehouse of Vietnamese people's-diplomacy news."""


def main() -> None:
    cli()
