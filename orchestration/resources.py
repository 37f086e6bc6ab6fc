"""Every setting of the pipeline, in one place, from environment variables with defaults."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import dagster as dg

from scrapers.http import Politeness

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
# dbt from the same environment as this Python, whether or not the venv is activated
DBT_EXECUTABLE = shutil.which("dbt", path=str(Path(sys.executable).parent)) or "dbt"
DUCKDB_POOL = "duckdb_writer"  # DuckDB allows one writing process: every writer takes this pool's one slot


class WarehouseResource(dg.ConfigurableResource):
    """Where the warehouse and the analysts' copy live, and how the crawler behaves.

    Unset fields fall back to environment variables read when a run uses them (not at import),
    then to defaults: DOINGOAI_DB (data/warehouse.duckdb), DOINGOAI_ANALYTICS_DB (data/analytics.duckdb),
    DOINGOAI_PORTAL (unset: the live portals), DOINGOAI_CRAWL_DELAY (1 s).
    """

    db_path: str | None = None
    analytics_path: str | None = None
    portal: str | None = None
    crawl_delay: float | None = None

    @property
    def database(self) -> str:
        return self.db_path or os.environ.get("DOINGOAI_DB") or "data/warehouse.duckdb"

    @property
    def analytics(self) -> str:
        return self.analytics_path or os.environ.get("DOINGOAI_ANALYTICS_DB") or "data/analytics.duckdb"

    @property
    def portal_url(self) -> str | None:
        return self.portal or os.environ.get("DOINGOAI_PORTAL") or None

    def politeness(self) -> Politeness:
        delay = (
            self.crawl_delay
            if self.crawl_delay is not None
            else float(os.environ.get("DOINGOAI_CRAWL_DELAY", "1.0"))
        )
        return Politeness(delay=delay, backoff=min(0.5, max(0.05, delay * 10)))

    def export_db_env(self) -> None:
        """dbt reads the DuckDB path from DOINGOAI_DB (dbt_project/profiles.yml)."""
        os.environ["DOINGOAI_DB"] = str(Path(self.database).resolve())
