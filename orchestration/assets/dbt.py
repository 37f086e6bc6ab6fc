"""The dbt models as assets: every model and source in the lineage graph, with its description."""

import shutil
import subprocess

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets
from filelock import FileLock

from orchestration.resources import DBT_EXECUTABLE, DBT_PROJECT_DIR, DUCKDB_POOL, WarehouseResource

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
KEEP_BUILD_ARTIFACTS = 5  # each build leaves its own target folder (~2 MB): run_results.json, logs


def _manifest_is_stale() -> bool:
    """True on a fresh clone, or when a model, seed, macro or YAML file changed after the last parse."""
    if not dbt_project.manifest_path.exists():
        return True
    parsed_at = dbt_project.manifest_path.stat().st_mtime
    sources = [DBT_PROJECT_DIR / "dbt_project.yml"]
    for folder in ("models", "macros", "seeds", "tests", "analyses"):
        sources += [path for path in (DBT_PROJECT_DIR / folder).rglob("*") if path.is_file()]
    return any(path.stat().st_mtime > parsed_at for path in sources)


def parse_when_stale() -> None:
    """Parse (offline, a few seconds) so the lineage shows the project as it is. Every process that
    loads the definitions gets here (a run, the webserver's code server, test workers): a file lock
    lets the first parse while the others wait, then find the manifest fresh."""
    target = DBT_PROJECT_DIR / "target"
    target.mkdir(exist_ok=True)
    with FileLock(target / "parse.lock"):
        if not _manifest_is_stale():
            return
        subprocess.run(
            [
                DBT_EXECUTABLE,
                "parse",
                "--quiet",
                "--project-dir",
                str(DBT_PROJECT_DIR),
                "--profiles-dir",
                str(DBT_PROJECT_DIR),
            ],
            check=True,
            cwd=DBT_PROJECT_DIR,
        )


parse_when_stale()


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, pool=DUCKDB_POOL)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    warehouse.export_db_env()
    try:
        yield from dbt.cli(["build"], context=context).stream()
    finally:
        prune_build_artifacts()


def prune_build_artifacts(keep: int = KEEP_BUILD_ARTIFACTS) -> None:
    """Keep the target folders of the newest `keep` builds, so a nightly run does not fill the disk."""
    builds = sorted(
        (path for path in (DBT_PROJECT_DIR / "target").glob("dbt_models-*") if path.is_dir()),
        key=lambda path: path.stat().st_mtime,
    )
    for old in builds[:-keep] if keep else builds:
        shutil.rmtree(old, ignore_errors=True)
