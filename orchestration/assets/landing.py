"""Landing asset: stored page versions parsed into raw.documents, with a parser-health check per site.

The checks run inside the asset, on the documents it has just parsed, so a site whose layout
changed is caught in the same step that read it. They are blocking: a failing site stops the
models and the analysts' copy downstream, while raw.documents keeps what was read (raw is raw).
"""

import time
from datetime import UTC, datetime

import dagster as dg

from orchestration.assets.crawl import site_partitions
from orchestration.resources import DUCKDB_POOL, WarehouseResource
from settings import get_settings
from warehouse.health import (
    ARTICLE_FIELDS,
    SiteParserHealth,
    documents_parsed_since,
    held_versions_since,
    parser_health,
    selector_of,
)
from warehouse.landing import parse_pending

RAW_DOCUMENTS = dg.AssetKey(["raw", "documents"])
# Published when its last materialization is; articles parsed after that are the "new" ones judged.
ANALYTICS_COPY = dg.AssetKey(["analytics_copy"])


def parser_health_limits() -> tuple[float, int]:
    """(share, count): a field fails when missing from more than the share AND at least count new articles.

    The count keeps one dateless article among three new ones (the sites do publish a few) from
    stopping the night; a broken layout loses the field in every new article of the site.
    Read when the asset runs: DOINGOAI_PARSER_MAX_MISSING and DOINGOAI_PARSER_MIN_MISSING (settings/).
    """
    settings = get_settings()
    return settings.parser_max_missing, settings.parser_min_missing


def parser_health_check_name(site: str) -> str:
    return f"parser_health_{site}"


PARSER_HEALTH_CHECKS = [
    dg.AssetCheckSpec(
        parser_health_check_name(site),
        asset=RAW_DOCUMENTS,
        blocking=True,
        description=(
            f"Share of {site}'s new articles whose title, body or date its selectors "
            f"(scrapers/sites/{site}.toml) did not find. Blocks the models and the analysts' copy."
        ),
    )
    for site in site_partitions.get_partition_keys()
]
QUALITY_GATE_CHECK = dg.AssetCheckSpec(
    "quality_gate",
    asset=RAW_DOCUMENTS,
    blocking=False,
    description=(
        "Page versions this run held back instead of making them current (raw.held_versions): no title, "
        "no body, a text cut under DOINGOAI_GATE_MIN_SHARE of the current one, or an unsure legacy "
        "encoding. A warning: the previous versions stay current."
    ),
)


@dg.asset(
    key=RAW_DOCUMENTS,
    group_name="landing",
    deps=[dg.AssetKey(["raw", "pages"])],
    pool=DUCKDB_POOL,
    kinds={"python", "duckdb"},
    check_specs=[*PARSER_HEALTH_CHECKS, QUALITY_GATE_CHECK],
    description="Articles and PDF attachments as text: one row per parsed page version in raw.documents.",
)
def raw_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Parse what the crawl stored, then judge each site's articles not yet published to analysts."""
    started, clock = datetime.now(UTC), time.monotonic()
    summaries = parse_pending(warehouse.database)
    published = context.instance.get_latest_materialization_event(ANALYTICS_COPY)
    since = datetime.fromtimestamp(published.timestamp, UTC) if published else None
    health = parser_health(warehouse.database, since)
    new = documents_parsed_since(warehouse.database, started)
    max_share, min_missing = parser_health_limits()
    rows = "\n".join(
        f"| {site} | {summaries[site].parsed if site in summaries else 0} "
        f"| {summaries[site].failed if site in summaries else 0} | {h.articles} | "
        + " | ".join(str(h.missing[name]) for name in ARTICLE_FIELDS)
        + f" | {h.fallback} |"
        for site, h in health.items()
    )
    return dg.MaterializeResult(
        metadata={
            "parsed": sum(s.parsed for s in summaries.values()),
            "failed": sum(s.failed for s in summaries.values()),
            "held back": sum(s.held for s in summaries.values()),
            "duration (s)": round(time.monotonic() - clock, 2),
            # parsed and failed as data, for `doingoai run`'s summary
            "per_site_counts": dg.MetadataValue.json(
                {site: {"parsed": s.parsed, "failed": s.failed} for site, s in summaries.items()}
            ),
            "per_site": dg.MetadataValue.md(
                "| site | parsed | failed | judged | no title | no body | no date | generic fallback |\n"
                "|---|---|---|---|---|---|---|---|\n" + rows
            ),
            "new_documents": dg.MetadataValue.md(_preview(new)),
            "judged since": dg.MetadataValue.text(since.isoformat() if since else "never published"),
        },
        check_results=[
            *(_health_result(h, max_share, min_missing) for h in health.values()),
            _quality_gate_result(held_versions_since(warehouse.database, started)),
        ],
    )


def _quality_gate_result(held: list[tuple[str, str, str, str]]) -> dg.AssetCheckResult:
    """A warning naming the versions held back in this run, with their reasons."""
    lines = [f"- {site}: {reason} {url} ({detail})" for site, reason, url, detail in held]
    return dg.AssetCheckResult(
        check_name="quality_gate",
        passed=not held,
        severity=dg.AssetCheckSeverity.WARN,
        description=(
            f"{len(held)} page versions held back, their previous versions kept current:\n" + "\n".join(lines)
            if held
            else "no page version held back"
        ),
        metadata={"held": len(held)},
    )


def _health_result(health: SiteParserHealth, max_share: float, min_missing: int) -> dg.AssetCheckResult:
    failing = [name for name in health.failing(max_share) if health.missing[name] >= min_missing]
    metadata: dict[str, dg.RawMetadataValue] = {
        "site": health.site,
        "new articles": health.articles,
        "generic fallback": health.fallback,
        **{f"missing {name}": health.missing[name] for name in ARTICLE_FIELDS},
        "max share": max_share,
    }
    if failing:
        example = health.examples[failing[0]]
        metadata["example"] = dg.MetadataValue.url(example)
        description = (
            f"{health.site}: "
            + "; ".join(
                f"no {name} ({selector_of(health.site, name)}) in {health.missing[name]} of "
                f"{health.articles} new articles ({health.share(name):.0%})"
                for name in failing
            )
            + f"; {health.fallback} read by the generic fallback. The page layout no longer matches "
            f"scrapers/sites/{health.site}.toml (e.g. {example})"
        )
    elif health.articles:
        gaps = ", ".join(f"{health.missing[n]} without {n}" for n in ARTICLE_FIELDS if health.missing[n])
        description = f"{health.site}: {health.articles} new articles read" + (f" ({gaps})" if gaps else "")
    else:
        description = f"{health.site}: no new articles to judge"
    return dg.AssetCheckResult(
        check_name=parser_health_check_name(health.site),
        passed=not failing,
        severity=dg.AssetCheckSeverity.ERROR,
        description=description,
        metadata=metadata,
    )


def _preview(documents: list[tuple[str, str, str | None, str | None, str]]) -> str:
    """A few newly parsed documents as a Markdown table, for a glance in the UI."""
    if not documents:
        return "No new documents in this run."
    lines = ["| site | kind | published | title |", "|---|---|---|---|"]
    for site, kind, published_on, title, url in documents:
        label = (title or "(no title)").replace("|", "/")[:90]
        lines.append(f"| {site} | {kind} | {published_on or ''} | [{label}]({url}) |")
    return "\n".join(lines)
