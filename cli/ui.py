"""`doingoai ui` (`make ui`): the demo deployment, a Dagster UI over a portal that it refreshes by itself.

It starts the sample portal on loopback, points the deployment at it (DOINGOAI_PORTAL), and runs
`dg dev` on the workspace file: Dagster's webserver and its daemon, on the DAGSTER_HOME that
`doingoai run` records its runs in. Because the deployment is told where to crawl, the nightly
schedule starts running (settings: `schedule_running`), and the daemon's sensors and run monitoring
work. With `--live` (`make ui LIVE=1`, or DOINGOAI_LIVE=1), no sample portal: the deployment crawls
the live portals.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from sample_portal.server import start_portal
from settings import DEFAULT_DAGSTER_HOME, PROJECT_ROOT, environment_with, export, get_settings

# The sample portal is ours and on loopback: the scheduled runs need not wait a second between requests.
SAMPLE_CRAWL_DELAY = "0.02"
# what `make ui` runs when: kept here so the command says it and a test can hold the README to it
WHAT_RUNS = (
    "nightly_refresh_schedule: nightly_refresh over every site at 02:00 Asia/Ho_Chi_Minh, crawling {target}",
    "alert_on_run_failure (every 30 s): each failed run into ops.alerts, the log and $DOINGOAI_ALERT_WEBHOOK",
    "explain_waiting_runs (every 60 s): a run waiting for the warehouse's writer slot says which run holds it",
    "run monitoring (every 30 s): a run whose process died is marked failed and its slot freed",
)


@click.command("ui")
@click.option(
    "--live/--sample",
    default=lambda: get_settings().live,
    help="Crawl the live portals instead of the sample portal (default: $DOINGOAI_LIVE, else the sample).",
)
@click.option("--port", default=3000, show_default=True, help="The UI's port on 127.0.0.1.")
@click.option("--portal-port", default=0, help="The sample portal's port on 127.0.0.1 (default: a free one).")
@click.option("--day", default=1, show_default=True, help="Serve the sample portal as it stood on this day.")
@click.option(
    "--dagster-home", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DAGSTER_HOME
)
def ui(live: bool, port: int, portal_port: int, day: int, dagster_home: Path) -> None:
    """The Dagster UI on 127.0.0.1:PORT with its daemon, over the sample portal (or the live portals)."""
    from orchestration.launch import WORKSPACE_FILE, prepare_dagster_home

    home = prepare_dagster_home(dagster_home).resolve()
    portal_context = nullcontext() if live else start_portal(port=portal_port, day=day)
    with portal_context as portal:
        if portal is None:
            export({"DOINGOAI_LIVE": "1", "DOINGOAI_PORTAL": ""})
            target = "the live portals"
        else:
            export({"DOINGOAI_PORTAL": portal.url, "DOINGOAI_LIVE": ""})
            export({"DOINGOAI_CRAWL_DELAY": SAMPLE_CRAWL_DELAY}, keep_set=True)
            target = f"the sample portal on {portal.url} (day {day})"
        click.echo(
            f"Dagster UI: http://127.0.0.1:{port} (DAGSTER_HOME={home}); the deployment crawls {target}"
        )
        for line in WHAT_RUNS:
            click.echo("  " + line.format(target=target))
        dg = Path(sys.executable).parent / "dg"
        command = [str(dg), "dev", "-w", str(WORKSPACE_FILE), "-h", "127.0.0.1", "-p", str(port)]
        env = environment_with({"DAGSTER_HOME": str(home)})
        env["PATH"] = f"{dg.parent}{os.pathsep}{env.get('PATH', '')}"  # dbt, which `dg dev` parses with
        # Started from a script in the background, this process inherits SIGINT ignored, and so would dg
        # dev, which then ignores SIGTERM too (Dagster maps SIGTERM to SIGINT's handler): give both the
        # usual Ctrl-C back (a handled signal is reset to its default in the child).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
        # stopped (SIGTERM): stop dg dev the way Ctrl-C does, so it shuts its webserver and daemon down
        signal.signal(signal.SIGTERM, lambda signum, frame: server.send_signal(signal.SIGINT))
        try:
            code = server.wait()
        except KeyboardInterrupt:  # Ctrl-C reached dg dev too: let it stop its webserver and daemon
            try:
                code = server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.send_signal(signal.SIGTERM)
                code = server.wait(timeout=30)
    raise SystemExit(code)
