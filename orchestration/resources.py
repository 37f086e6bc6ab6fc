"""The resource every asset and check uses, and the constants they share.

Settings themselves are declared in `settings/` (one module for the whole project); this is where
Dagster meets them. The resources are configured in one place, `orchestration/definitions.py`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import dagster as dg

from orchestration import pool_claims
from scrapers.http import Politeness
from settings import PROJECT_ROOT, export, get_settings

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
# dbt from the same environment as this Python, whether or not the venv is activated
DBT_EXECUTABLE = shutil.which("dbt", path=str(Path(sys.executable).parent)) or "dbt"
DUCKDB_POOL = "duckdb_writer"  # DuckDB allows one writing process: every writer takes this pool's one slot
pool_claims.install()  # ...and has it alone, on Dagster's SQLite storage too (every step's process imports this)


class WarehouseResource(dg.ConfigurableResource):
    """Where the warehouse and the analysts' copy live, and how the crawler behaves, for one run.

    A field left unset takes its setting (`settings/`: DOINGOAI_DB, DOINGOAI_ANALYTICS_DB,
    DOINGOAI_PORTAL, DOINGOAI_CRAWL_DELAY) when the run uses it, not at import: a variable changed
    between two runs of a long-lived process (the webserver's code server, a test) is seen by the next
    run. `dg.EnvVar` would also resolve at launch, but fails on an unset variable, and every one of
    these has a default. Tests and one-off runs set the fields.
    """

    db_path: str | None = None
    analytics_path: str | None = None
    portal: str | None = None
    crawl_delay: float | None = None

    @property
    def database(self) -> str:
        return self.db_path or str(get_settings().db)

    @property
    def analytics(self) -> str:
        return self.analytics_path or str(get_settings().analytics_db)

    @property
    def portal_url(self) -> str | None:
        """Where the crawl goes: this portal (the sample portal), or None for the live portals, which a
        run crawls only when DOINGOAI_LIVE says so: one explicit setting, never a forgotten one."""
        settings = get_settings()
        portal = self.portal or settings.portal
        if portal is None and not settings.live:
            raise ValueError(
                "nowhere to crawl: set DOINGOAI_PORTAL to the sample portal's address (make ui does), "
                "or DOINGOAI_LIVE=1 to crawl the live portals (make ui LIVE=1)"
            )
        return portal

    def politeness(self) -> Politeness:
        """The crawl settings; retries back off in proportion to a short delay (the sample portal's)."""
        settings = get_settings()
        delay = self.crawl_delay if self.crawl_delay is not None else settings.crawl_delay
        return Politeness(
            delay=delay,
            timeout=settings.crawl_timeout,
            deadline=settings.crawl_deadline,
            attempts=settings.crawl_attempts,
            backoff=min(0.5, max(0.05, delay * 10)),
        )

    def dbt_environment(self) -> dict[str, str]:
        """What dbt must find in its environment: the warehouse's absolute path in DOINGOAI_DB, read by
        dbt_project/profiles.yml (dbt runs inside dbt_project/, so a relative path would miss)."""
        return {"DOINGOAI_DB": str(Path(self.database).resolve())}

    def export_db_env(self) -> None:
        """Put `dbt_environment()` into this process's environment, which dagster-dbt passes on to dbt."""
        export(self.dbt_environment())
