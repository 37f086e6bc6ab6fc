"""`doingoai run`: the main job on the embedded default, the sample portal on loopback.

It runs `nightly_refresh` through Dagster, the same job and run request the 02:00 schedule uses, as a
run of the deployment's code location (`orchestration/launch.py`), recorded in a persistent
DAGSTER_HOME (data/dagster_home), so `make ui` shows the run as its own.

What it prints: one line per stage (crawl, parse, extract, dbt, publish) as the run goes, live on a
terminal and once at the end otherwise; then what the crawl did per site, the checks that failed, and
the run's id. Dagster's own log is the run's event log, in the UI; colour only on a terminal.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from sample_portal.faults import parse_faults
from sample_portal.server import start_portal
from settings import DEFAULT_DAGSTER_HOME, export, get_settings

if TYPE_CHECKING:
    import dagster as dg

    from orchestration.progress import RunProgress

# The sample portal is ours and on loopback: a short delay keeps the run quick and still exercises politeness.
SAMPLE_CRAWL_DELAY = "0.02"
# The summary's columns, as the README lists them: what the crawl did per site, and what was parsed.
SUMMARY_COLUMNS = ("site", "fetched", "new", "changed", "unchanged", "removed", "failed", "parsed")
KEEP_OUTPUT_LOGS = 10
STATUS_STYLE = {
    "pending": "dim",
    "waiting": "yellow",
    "running": "cyan",
    "done": "green",
    "failed": "bold red",
}


@click.command("run")
@click.option("--day", default=1, show_default=True, help="Serve the sample portal as it stood on this day.")
@click.option(
    "--broken-layout",
    default=lambda: get_settings().broken_layout,
    help="Serve this site in a layout its config does not know (default: $DOINGOAI_BROKEN_LAYOUT).",
)
@click.option(
    "--fault",
    "faults",
    multiple=True,
    metavar="NAME=SITE[:PATH]",
    help="A fault of the sample portal (sample_portal/faults.py), e.g. listing_404=thoidai; repeatable.",
)
@click.option(
    "--dagster-home", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DAGSTER_HOME
)
def run(day: int, broken_layout: str | None, faults: tuple[str, ...], dagster_home: Path) -> None:
    """Start the sample portal and run nightly_refresh over it through Dagster; print what landed."""
    from orchestration.launch import run_nightly_refresh

    try:
        portal_faults = parse_faults(faults)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--fault") from None
    output = output_log(dagster_home, "run")
    with terminal_apart(output) as terminal:
        console = Console(file=terminal, highlight=False)
        with start_portal(port=0, day=day, broken_layout=broken_layout) as portal:
            portal.set_state(faults=portal_faults)
            say(
                console,
                f"sample portal on {portal.url} (day {day})" + (f", faults {faults}" if faults else ""),
            )
            # the run executes in this process and reads its settings when it runs; this run crawls the
            # sample portal, whatever DOINGOAI_LIVE says
            export({"DOINGOAI_PORTAL": portal.url, "DOINGOAI_LIVE": ""})
            export({"DOINGOAI_CRAWL_DELAY": SAMPLE_CRAWL_DELAY}, keep_set=True)
            try:
                result = run_nightly_refresh(
                    dagster_home, observer=StageDisplay(console).observe, log=lambda line: say(console, line)
                )
            except KeyboardInterrupt:
                say(console, f"Stopped: the run is marked failed. Dagster's and dbt's own output: {output}")
                raise SystemExit(130) from None
        print_summary(console, result.run_id)
        print_checks(console, result.run_id)
        say(console, f"Dagster's and dbt's own output: {output}; the run's log is in the UI (make ui)")
        say(
            console,
            f"Dagster run {result.run_id}: {'succeeded' if result.success else 'FAILED'} (DAGSTER_HOME={dagster_home})",
        )
    if not result.success:
        raise SystemExit(1)


@click.command("rerun-failed")
@click.option("--run-id", help="The failed run to re-execute (default: the latest failed nightly_refresh).")
@click.option(
    "--dagster-home", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DAGSTER_HOME
)
def rerun_failed(run_id: str | None, dagster_home: Path) -> None:
    """Re-execute a failed nightly_refresh from its failure: only the failed steps (and their sites)
    and what depends on them. Crawls reach $DOINGOAI_PORTAL, or the live portals with DOINGOAI_LIVE=1."""
    from orchestration.launch import rerun_failed as rerun

    output = output_log(dagster_home, "rerun")
    with terminal_apart(output) as terminal:
        console = Console(file=terminal, highlight=False)
        try:
            result = rerun(dagster_home, run_id, observer=StageDisplay(console).observe)
        except ValueError as error:  # no failed run, or an unknown run id
            raise click.ClickException(str(error)) from error
        print_checks(console, result.run_id)
        say(console, f"Dagster's and dbt's own output: {output}")
        say(
            console,
            f"Dagster run {result.run_id}: {'succeeded' if result.success else 'FAILED'} (re-execution)",
        )
    if not result.success:
        raise SystemExit(1)


def output_log(dagster_home: Path, command: str, keep: int = KEEP_OUTPUT_LOGS) -> Path:
    """A new file for this command's raw output, in DAGSTER_HOME/logs; only the newest `keep` stay."""
    folder = dagster_home / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.glob("doingoai-*.log"), key=lambda path: path.stat().st_mtime)[
        : -keep + 1 or None
    ]:
        old.unlink(missing_ok=True)
    return folder / f"doingoai-{command}-{datetime.now():%Y%m%d-%H%M%S-%f}.log"


@contextmanager
def terminal_apart(output: Path) -> Iterator[TextIO]:
    """Send everything this process and its children write to stdout and stderr to `output` (Dagster's
    console log, dbt's lines, warnings), and yield the terminal they were going to, for the display.

    Dagster and dagster-dbt write to the process's own streams, and the run's step output is also
    captured into the run's logs, which the UI shows; the terminal gets the stages and the summary. An
    error of this command itself is raised after the streams are given back, so it is seen."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    terminal = os.fdopen(os.dup(1), "w", encoding="utf-8", errors="replace", buffering=1)
    with output.open("ab") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield terminal
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            for fd, original in zip((1, 2), saved, strict=True):
                os.dup2(original, fd)
                os.close(original)
            terminal.close()


def say(console: Console, line: str) -> None:
    """One line as written: no markup, no wrapping (a test or a person may grep it)."""
    console.print(line, markup=False, soft_wrap=True)


class StageDisplay:
    """The run's stages, one line each, redrawn as its events come in (`orchestration/progress.py`)."""

    def __init__(self, console: Console):
        self.console = console

    def observe(self, instance: dg.DagsterInstance, run: dg.DagsterRun, finished: threading.Event) -> None:
        from orchestration.definitions import defs
        from orchestration.launch import settle_dead_runs
        from orchestration.progress import RunProgress, report_waits

        graph = defs.resolve_asset_graph()
        groups = {key: graph.get(key).group_name for key in graph.get_all_asset_keys()}
        progress = RunProgress(instance, run, groups)
        # live on a terminal; elsewhere (a file, a pipe) the stages are printed once, at the end
        live = Live(self.render(progress), console=self.console, refresh_per_second=4)
        if self.console.is_terminal:
            live.start()
        asked = 0.0
        while not finished.wait(0.5):
            progress.update()
            if time.monotonic() - asked > 10 and any(s.waiting_for for s in progress.stages.values()):
                asked = time.monotonic()  # said once a minute, into the run's log and here
                for wait in report_waits(instance, [run.run_id]):
                    self.console.print(f"waiting: {wait.describe()}", markup=False, soft_wrap=True)
                    # the run holding the slot may have died meanwhile: fail it, so this one goes on
                    settle_dead_runs(instance, log=lambda line: say(self.console, line))
            live.update(self.render(progress))
        progress.update()
        if self.console.is_terminal:
            live.update(self.render(progress))
            live.stop()
        else:
            self.console.print(self.render(progress))

    def render(self, progress: RunProgress) -> Table:
        now = time.time()
        table = Table(title=f"nightly_refresh, run {progress.run_id[:8]}", title_justify="left", box=None)
        for column, justify in (("stage", "left"), ("status", "left"), ("done", "right"), ("time", "right")):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        table.add_column("", overflow="fold")
        for stage in progress.stages.values():
            status = stage.status
            if status == "pending" and progress.run_status.value in ("SUCCESS", "FAILURE", "CANCELED"):
                status = "skipped" if stage.steps else "none"
            elapsed = stage.elapsed(now)
            note = ""
            if stage.waiting_for:
                note = f"the warehouse's writer slot is held by run {stage.waiting_for[:8]}"
            elif stage.failed_steps:
                note = f"failed: {', '.join(stage.failed_steps)}"
            if stage.failed_checks:
                note = f"{note}; " if note else ""
                note += f"{stage.failed_checks} check(s) failed"
            table.add_row(
                stage.name,
                f"[{STATUS_STYLE.get(status, 'dim')}]{status}[/]",
                f"{stage.reported}/{stage.expected}" if stage.expected else "",
                f"{elapsed:.0f} s" if elapsed is not None else "",
                note,
            )
        return table


def print_checks(console: Console, run_id: str) -> None:
    """Every check that failed in the run, with its reason, and whether the analysts' copy was replaced."""
    import dagster as dg

    from orchestration.sensors import check_results

    with dg.DagsterInstance.get() as instance:
        results = check_results(instance, run_id)
        published = instance.get_latest_materialization_event(dg.AssetKey("analytics_copy"))
        steps = failed_steps(instance, run_id)
    failed = [c for c in results if not c.passed]
    say(console, f"Checks: {len(results) - len(failed)} passed, {len(failed)} failed")
    for c in failed:
        label = "WARNING" if c.severity == "WARN" else "FAILED"
        say(console, f"  {label} {c.asset}:{c.check}: {c.description or ''}")
    for step, error in steps.items():
        say(console, f"  FAILED step {step}: {error}")
    analytics = get_settings().analytics_db
    if published is None or published.run_id != run_id:
        say(console, f"The analysts' copy {analytics} was not replaced: it holds the last good run, if any.")


def failed_steps(instance: dg.DagsterInstance, run_id: str) -> dict[str, str]:
    """The steps that failed in the run, each with the first line of its error (the whole error, with
    its traceback, is on the run's page in the UI)."""
    import dagster as dg

    failed = {}
    for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_FAILURE):
        event = record.dagster_event
        if event is None or event.step_key is None:
            continue
        error = event.step_failure_data.error if event.step_failure_data else None
        while (
            error is not None
            and error.cause is not None
            and "Error occurred while executing" in error.message
        ):
            error = error.cause  # Dagster's wrapper: the user code's own error is its cause
        if error is not None and error.cls_name == "DagsterExecutionInterruptedError":
            failed[event.step_key] = "stopped (Ctrl-C or SIGTERM)"
            continue
        message = (error.message if error else event.message or "").strip().splitlines()
        failed[event.step_key] = (message[0] if message else "")[:300]
    return failed


def print_summary(console: Console, run_id: str) -> None:
    """What the run's crawl did per site (the README's columns), and what the analysts' copy holds."""
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        metadata = {
            key: _json_metadata(instance, run_id, key, "per_site_counts")
            for key in (dg.AssetKey(["raw", "pages"]), dg.AssetKey(["raw", "documents"]))
        }
        tables = _json_metadata(instance, run_id, dg.AssetKey("analytics_copy"), "tables")
    crawled, parsed = metadata.values()
    if crawled:
        table = Table(title="This run's crawl, per site", title_justify="left", box=None, header_style="bold")
        for column in SUMMARY_COLUMNS:
            table.add_column(column, justify="left" if column == "site" else "right")
        for site, counts in sorted(crawled.items()):
            row = [counts.get(column, 0) for column in SUMMARY_COLUMNS[1:-1]]
            table.add_row(site, *map(str, row), str((parsed or {}).get(site, {}).get("parsed", 0)))
        console.print(table)
    if tables:
        counts = ", ".join(f"{name} {rows}" for name, rows in sorted(tables.items()))
        say(console, f"The analysts' copy {get_settings().analytics_db}, rows per table: {counts}")


def _json_metadata(instance: dg.DagsterInstance, run_id: str, key: dg.AssetKey, entry: str) -> Any:
    """A JSON metadata entry of the asset's materialization in this run, if the run materialized it."""
    import dagster as dg

    for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION):
        materialization = record.asset_materialization
        if (
            materialization is not None
            and materialization.asset_key == key
            and entry in materialization.metadata
        ):
            value = materialization.metadata[entry]
            return value.value if isinstance(value, dg.JsonMetadataValue) else None
    return None
