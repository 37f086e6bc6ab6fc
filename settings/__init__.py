"""Every setting of doingoai, declared once: its environment variable, type, default and meaning.

Why a package of its own, named `settings`: every room needs a setting somewhere (the crawler's delay,
the warehouse's file, the checks' thresholds, the alert webhook), so this module sits below all rooms
(scrapers < extraction < warehouse < dbt < orchestration) and imports none of them; beside those
folders, `settings/` is where a newcomer looks first. Site knowledge is not here: it is data, in
`scrapers/sites/*.toml`.

This is the only module that reads or writes `os.environ`. Everything else asks `get_settings()`, or
uses the three helpers at the end when an environment variable must reach someone else: a child
process (`environment_with`), what this process runs itself (`export`: dbt through dagster-dbt, the
run `doingoai run` launches), or Dagster (`use_dagster_home`).

When the environment is read. `get_settings()` parses the DOINGOAI_* variables once and keeps the
result for as long as they stay the same: the cache is keyed on the variables themselves. A process
whose environment never changes (a run, the webserver's code server) parses once; one that changes a
variable between two runs (a test with `monkeypatch.setenv`, `doingoai run` pointing its run at the
sample portal it started) gets a new object at its next call, with no cache to clear and nothing
stale. So call it where a value is used, never at import: Dagster resources and checks call it when a
run executes them. `Settings()` builds a fresh object, bypassing the cache.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PREFIX = "DOINGOAI_"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# `doingoai run`, `doingoai rerun-failed` and `make ui` keep Dagster's runs here (not $DAGSTER_HOME,
# which Dagster itself reads: the launcher sets it, see `use_dagster_home`).
DEFAULT_DAGSTER_HOME = PROJECT_ROOT / "data" / "dagster_home"


class Settings(BaseSettings):
    """The settings, each from the environment variable DOINGOAI_<FIELD NAME IN CAPITALS>.

    An empty variable counts as unset (`DOINGOAI_PORTAL=` means the live portals). Relative paths are
    relative to the working directory, as `make run` and `make ui` use them.
    """

    model_config = SettingsConfigDict(env_prefix=PREFIX, env_ignore_empty=True, frozen=True, extra="ignore")

    # --- where the data lives ---------------------------------------------------------------------
    db: Path = Field(
        Path("data/warehouse.duckdb"),
        description="DOINGOAI_DB: the warehouse, the DuckDB file the crawl, the parser, the extraction and "
        "dbt write (dbt_project/profiles.yml reads the same variable).",
    )
    analytics_db: Path = Field(
        Path("data/analytics.duckdb"),
        description="DOINGOAI_ANALYTICS_DB: the analysts' copy of the marts, replaced after every good run; "
        "what `doingoai sql` opens.",
    )
    sql_history: Path = Field(
        default_factory=lambda: _user_data_dir() / "doingoai" / "sql_history",
        description="DOINGOAI_SQL_HISTORY: the `doingoai sql` prompt's history, kept between sessions "
        "(default: sql_history in the user's data folder, $XDG_DATA_HOME/doingoai or ~/.local/share/doingoai).",
    )
    duckdb_memory_limit: str = Field(
        "1GB",
        pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$",
        description="DOINGOAI_DUCKDB_MEMORY_LIMIT: DuckDB's memory limit on the warehouse's connections and dbt's "
        "(beyond it DuckDB spills to disk). DuckDB's own default, 80% of the machine's memory, let a build at "
        "100,000 articles take 2.6 GB in dbt alone for no speed gained.",
    )
    db_wait: float = Field(
        120.0,
        ge=0,
        description="DOINGOAI_DB_WAIT: seconds to wait, with backoff, while another process holds a DuckDB "
        "file's lock, before giving up.",
    )
    analytics_wait: float = Field(
        600.0,
        ge=0,
        description="DOINGOAI_ANALYTICS_WAIT: seconds the row-count guard and the charts wait, logging why, "
        "while an analyst holds the analysts' copy open read-write; past it, the guard compares with the "
        "row counts recorded when the copy was last published, so a reader delays publishing, never fails it.",
    )
    alerts_db: Path | None = Field(
        None,
        description="DOINGOAI_ALERTS_DB: the DuckDB file that keeps ops.alerts, apart from the warehouse so "
        "that an analyst holding the warehouse open cannot keep an alert from being recorded; unset, "
        "alerts.duckdb beside the warehouse (data/alerts.duckdb).",
    )
    reports_dir: Path | None = Field(
        None,
        description="DOINGOAI_REPORTS_DIR: the folder the `reports` asset writes its charts (PNG) and their "
        "index.html to, after every good run; unset, `reports/` beside the analysts' copy (data/reports).",
    )

    @property
    def alerts_file(self) -> Path:
        """DOINGOAI_ALERTS_DB, else alerts.duckdb beside the warehouse (a test's warehouse in /tmp keeps
        its alerts there too)."""
        return self.alerts_db or self.db.parent / "alerts.duckdb"

    @property
    def reports_folder(self) -> Path:
        """DOINGOAI_REPORTS_DIR, else `reports/` beside the analysts' copy: the charts stay with the
        data they were drawn from (a test's or a demo's files in /tmp keep their charts there too)."""
        return self.reports_dir or self.analytics_db.parent / "reports"

    # --- crawling ---------------------------------------------------------------------------------
    portal: str | None = Field(
        None,
        description="DOINGOAI_PORTAL: send every site's requests to this address (the sample portal, "
        "http://HOST:PORT), keeping the real URLs; unset, the live portals. `doingoai run` sets it for "
        "the run it launches.",
    )
    live: bool = Field(
        False,
        description="DOINGOAI_LIVE: the Dagster deployment crawls the live portals (`make ui LIVE=1`). "
        "Without it, a run's crawl needs DOINGOAI_PORTAL (`make ui` starts the sample portal and sets it) "
        "and fails, saying so, when neither is set. Not together with DOINGOAI_PORTAL.",
    )
    schedule: Literal["running", "stopped"] | None = Field(
        None,
        description="DOINGOAI_SCHEDULE: whether nightly_refresh_schedule starts running when the "
        "deployment loads (`running` or `stopped`); unset, running when the deployment is told where to "
        "crawl (DOINGOAI_PORTAL or DOINGOAI_LIVE, as `make ui` does), stopped otherwise.",
    )
    crawl_delay: float = Field(
        1.0,
        ge=0,
        description="DOINGOAI_CRAWL_DELAY: seconds between two requests to one host (the site's "
        "Crawl-delay when longer). `doingoai run` uses 0.02 s on its sample portal unless this is set.",
    )
    crawl_timeout: float = Field(
        10.0,
        gt=0,
        description="DOINGOAI_CRAWL_TIMEOUT: seconds per network operation of a request (connecting, one "
        "read); the whole request is bounded by DOINGOAI_CRAWL_DEADLINE.",
    )
    crawl_attempts: int = Field(
        4, ge=1, description="DOINGOAI_CRAWL_ATTEMPTS: tries per URL, the first included."
    )
    crawl_deadline: float = Field(
        60.0,
        gt=0,
        description="DOINGOAI_CRAWL_DEADLINE: seconds one request may take in all, headers and body, "
        "however slowly the server answers; past it the fetch is recorded as failed (not retried).",
    )
    crawl_time_budget: float = Field(
        4 * 3600.0,
        gt=0,
        description="DOINGOAI_CRAWL_TIME_BUDGET: seconds each site's crawl may take per run; when they "
        "are spent, what is left waits for the next night (it stays due) and the crawl says so.",
    )
    revisit_budget: int = Field(
        500,
        ge=0,
        description="DOINGOAI_REVISIT_BUDGET: known pages revisited per site and night, at most (the most "
        "overdue first; new pages are not counted). See scrapers/revisit.py.",
    )
    revisit_min_days: float = Field(
        1.0,
        gt=0,
        description="DOINGOAI_REVISIT_MIN_DAYS: the shortest interval between two visits of a page.",
    )
    revisit_max_days: float = Field(
        120.0,
        gt=0,
        description="DOINGOAI_REVISIT_MAX_DAYS: the longest interval between two visits of a page; the "
        "interval is half the time the page has been quiet, in doubling steps from the shortest.",
    )
    broken_layout: str | None = Field(
        None,
        description="DOINGOAI_BROKEN_LAYOUT: `doingoai run` serves this site of its sample portal in a "
        "layout the site's config does not know (to see the parser-health check fail); unset, none.",
    )

    # --- parsing and extraction -------------------------------------------------------------------
    batch_size: int = Field(
        500,
        ge=1,
        description="DOINGOAI_BATCH_SIZE: page versions parsed, or documents extracted, per batch; each "
        "batch is read, worked and committed on its own, so memory stays bounded and an interrupted run "
        "keeps the batches it finished.",
    )
    workers: int = Field(
        2,
        ge=1,
        description="DOINGOAI_WORKERS: processes that parse pages, or extract documents, side by side when "
        "a run has more than one batch of them (a first load, a version raised); 1 does all the work in "
        "the run's own process.",
    )
    gate_min_share: float = Field(
        0.2,
        ge=0,
        le=1,
        description="DOINGOAI_GATE_MIN_SHARE: a new version of a page whose text is under this share of "
        "the current version's is held back (raw.held_versions), as are versions with no title or no "
        "body; 0 turns the share test off.",
    )
    extract_max_chars: int = Field(
        2_000_000,
        ge=1,
        description="DOINGOAI_EXTRACT_MAX_CHARS: a document whose text is longer is not extracted; it is "
        "recorded as too_large in extracted.documents and the run goes on.",
    )
    extract_timeout: float = Field(
        60.0,
        gt=0,
        description="DOINGOAI_EXTRACT_TIMEOUT: seconds one document's extraction may take; past them it is "
        "stopped, recorded as too_slow in extracted.documents, and the run goes on.",
    )

    # --- checks -----------------------------------------------------------------------------------
    parser_max_missing: float = Field(
        0.25,
        ge=0,
        le=1,
        description="DOINGOAI_PARSER_MAX_MISSING: a site's parser health fails when a field (title, body, "
        "date) is missing from more than this share of its new articles...",
    )
    parser_min_missing: int = Field(
        2, ge=0, description="DOINGOAI_PARSER_MIN_MISSING: ...and from at least this many of them."
    )
    yield_min_ratio: float = Field(
        0.5,
        ge=0,
        description="DOINGOAI_YIELD_MIN_RATIO: the extraction yield check fails when a batch's records per "
        "document fall below this share of the previous batch's...",
    )
    yield_min_documents: int = Field(
        5, ge=0, description="DOINGOAI_YIELD_MIN_DOCUMENTS: ...judged only when the batch read this many."
    )
    mart_max_shrink: float = Field(
        0.2,
        ge=0,
        le=1,
        description="DOINGOAI_MART_MAX_SHRINK: the row-count guard blocks publishing a mart that would lose "
        "more than this share of the rows the analysts' copy holds.",
    )

    # --- alerts -----------------------------------------------------------------------------------
    alert_webhook: str | None = Field(
        None,
        description="DOINGOAI_ALERT_WEBHOOK: every failed run is also POSTed as JSON to this URL; unset, "
        "it is only recorded in ops.alerts and logged.",
    )

    @model_validator(mode="after")
    def _one_place_to_crawl(self) -> Settings:
        if self.live and self.portal:
            raise ValueError(
                "DOINGOAI_LIVE and DOINGOAI_PORTAL are both set: crawl the live portals or that one"
            )
        return self

    @property
    def schedule_running(self) -> bool:
        """Whether the nightly schedule runs by default (see `schedule`)."""
        if self.schedule is not None:
            return self.schedule == "running"
        return self.live or self.portal is not None


def _user_data_dir() -> Path:
    """Where a user's programs keep their data (the XDG base directory rule): $XDG_DATA_HOME, else
    ~/.local/share."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def get_settings() -> Settings:
    """The settings as the environment holds them now; parsed once per distinct set of DOINGOAI_* values."""
    return _parsed(_doingoai_variables())


def _doingoai_variables() -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, value) for key, value in os.environ.items() if key.upper().startswith(PREFIX)))


@functools.lru_cache(maxsize=8)
def _parsed(variables: tuple[tuple[str, str], ...]) -> Settings:
    """`variables` is the cache key: the environment Settings() reads right now holds exactly them."""
    return Settings()


def environment_with(
    overrides: Mapping[str, str] | None = None, without: Iterable[str] = ()
) -> dict[str, str]:
    """This process's environment with `overrides` set and the variables in `without` removed: the
    environment for a child process (dbt, or a `doingoai` command a test starts)."""
    removed = set(without)
    return {key: value for key, value in os.environ.items() if key not in removed} | dict(overrides or {})


def export(variables: Mapping[str, str], keep_set: bool = False) -> None:
    """Set `variables` in this process's environment, for what reads them there: the next
    `get_settings()` (a Dagster run executed in this process) and every child process started
    afterwards (dagster-dbt passes `os.environ` on to dbt). With `keep_set`, a variable that is
    already set keeps its value: `variables` are then defaults."""
    for key, value in variables.items():
        if keep_set and os.environ.get(key):
            continue
        os.environ[key] = value


def use_dagster_home(dagster_home: Path) -> Path:
    """Point Dagster at `dagster_home` for this process and its children; Dagster reads DAGSTER_HOME
    itself (`DagsterInstance.get()`, the webserver, the daemon). Returns the absolute path."""
    resolved = dagster_home.resolve()
    os.environ["DAGSTER_HOME"] = str(resolved)
    return resolved
