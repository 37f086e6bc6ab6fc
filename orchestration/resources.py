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
    """Where the warehouse and the analysts' copy live, and how the crawler behaves."""

    db_path: str = os.environ.get("DOINGOAI_DB", "data/warehouse.duckdb")
    analytics_path: str = os.environ.get("DOINGOAI_ANALYTICS_DB", "data/analytics.duckdb")
    portal: str | None = os.environ.get("DOINGOAI_PORTAL") or None  # unset: the live portals
    crawl_delay: float = float(os.environ.get("DOINGOAI_CRAWL_DELAY", "1.0"))
    max_shrink: float = float(os.environ.get("DOINGOAI_MAX_SHRINK", "0.2"))  # of a mart, before publishing

    def politeness(self) -> Politeness:
        return Politeness(delay=self.crawl_delay, backoff=min(0.5, self.crawl_delay * 10 or 0.05))

    def export_db_env(self) -> None:
        """dbt reads the DuckDB path from DOINGOAI_DB (dbt_project/profiles.yml)."""
        os.environ["DOINGOAI_DB"] = str(Path(self.db_path).resolve())
