"""`doingoai sample-portal`: serve the four sample sites on loopback until Ctrl-C."""

from __future__ import annotations

from pathlib import Path

import click

from sample_portal.faults import parse_faults
from sample_portal.model import SITES
from sample_portal.scale import ScaleArchive
from sample_portal.server import PortalState, default_new_per_day, make_server


@click.command("sample-portal")
@click.option("--port", default=8765, show_default=True, help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--day", default=1, show_default=True, help="Show the portal as it stood on this day.")
@click.option("--flaky", default=0.0, show_default=True, help="Share of URLs whose first requests fail.")
@click.option(
    "--broken-layout", type=click.Choice(sorted(SITES)), help="Render this site in an unknown layout."
)
@click.option(
    "--fault",
    "faults",
    multiple=True,
    metavar="NAME=SITE[:PATH]",
    help="A fault mode (sample_portal/faults.py), e.g. listing_404=thoidai or slow_drip=thoidai; repeatable.",
)
@click.option(
    "--seeds-dir", type=click.Path(path_type=Path, file_okay=False), help="Default: ../shared/seeds."
)
@click.option(
    "--articles",
    type=click.IntRange(min=1),
    help="Scale mode: serve this many generated articles (40-120 KB pages) instead of the sample ones.",
)
@click.option(
    "--new-per-day",
    type=click.IntRange(min=0),
    help="Scale mode: articles each day after day 1 adds, and old ones it edits (default: 1%).",
)
def sample_portal(
    port: int,
    host: str,
    day: int,
    flaky: float,
    broken_layout: str | None,
    faults: tuple[str, ...],
    seeds_dir: Path | None,
    articles: int | None,
    new_per_day: int | None,
) -> None:
    """Serve the sample portal: the four sites by Host header, like a virtual-hosting server."""
    scale = ScaleArchive(articles, default_new_per_day(articles, new_per_day)) if articles else None
    try:
        state = PortalState(day, flaky, broken_layout, faults=parse_faults(faults))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--fault") from None
    server, portal = make_server(host, port, state, seeds_dir, scale)
    address = f"http://{host}:{server.server_address[1]}"
    count = scale.count_on(day) if scale else len(portal.articles)
    click.echo(f"sample portal on {address} (day {day}, {count} articles)")
    for scheme in SITES.values():
        click.echo(f"  curl -H 'Host: {scheme.host}' {address}{scheme.category_path(scheme.categories[0])}")
    click.echo(f"crawl it with: doingoai crawl --portal {address}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
