"""`doingoai bench --articles N`: the nightly job over the scale portal, measured (cli/benchmark.py).

Prints the figures as Markdown, writes them into docs/benchmarks.md (between its markers, the text
around them kept) and, with --json, as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from settings import PROJECT_ROOT


@click.command("bench")
@click.option("--articles", type=click.IntRange(min=10), default=20_000, show_default=True)
@click.option(
    "--json", "json_path", type=click.Path(path_type=Path, dir_okay=False), help="Write the figures here."
)
@click.option(
    "--doc",
    type=click.Path(path_type=Path, dir_okay=False),
    default=PROJECT_ROOT / "docs" / "benchmarks.md",
    show_default=True,
    help="The Markdown file whose bench block the tables replace.",
)
@click.option("--no-doc", is_flag=True, help="Do not write the Markdown file.")
@click.option(
    "--folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="Keep the runs' files here (default: a temporary folder, removed at the end).",
)
@click.option(
    "--profile",
    "profile_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Run each night under pyinstrument (the bench extra) and write its report here.",
)
def bench(
    articles: int,
    json_path: Path | None,
    doc: Path,
    no_doc: bool,
    folder: Path | None,
    profile_dir: Path | None,
) -> None:
    """Run nightly_refresh three times over a scale portal of N articles (a full build, a night with no
    change, a night with 1% new and edited) with delay 0, in a temporary folder, and report per stage
    seconds, documents/s and peak RSS, the requests of each night and the files' sizes."""
    from cli.benchmark import RunFigures, markdown, run_bench, run_json, write_doc

    partial: dict[str, object] = {"articles": articles}

    def save(key: str, figures: RunFigures) -> None:
        """Each run's figures as soon as it ends, so a bench stopped half-way keeps them."""
        if json_path:
            partial[key] = run_json(figures)
            json_path.write_text(json.dumps(partial, indent=2) + "\n", encoding="utf-8")

    result = run_bench(articles, folder, profile_dir, on_run=save)
    table = markdown(result)
    click.echo(table)
    if not no_doc:
        write_doc(doc, table)
    if json_path:
        json_path.write_text(json.dumps(result.as_json(), indent=2) + "\n", encoding="utf-8")
    if not all(run.success for run in (result.full, result.night_0pct, result.night_1pct)):
        raise SystemExit(1)
