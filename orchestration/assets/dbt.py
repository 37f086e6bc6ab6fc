"""The dbt models as assets: every model and source in the lineage graph, with its description.

The graph comes from dbt's manifest (dbt_project/target/manifest.json), a build product: `make
manifest`, which `make install`, `run`, `test` and `ui` depend on, parses the project again whenever a
file under dbt_project/ is newer than it. Under `dagster dev` (`make ui`), `prepare_if_dev()` re-parses at
every load, so an edited model shows at once. Anywhere else, importing this module starts no process:
it reads the manifest once (`dbt_manifest()`), for these assets and for the checks.
"""

import functools
import json
import subprocess
import warnings
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets

from orchestration.resources import DBT_PROJECT_DIR, DUCKDB_POOL, WarehouseResource

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()  # `dbt parse`, only under `dagster dev`
DBT_OUTPUTS = ("target", "logs", "dbt_packages")  # what dbt writes in dbt_project/; every other file it reads
# A night builds the models and runs the data tests on the data it built. The unit tests check the
# models' SQL against fixed rows, not the night's data: the same on every night, so they run in the test
# suite (tests/test_dbt_incremental.py) and not in each night's fixed cost. dbt.log is kept at info
# level: at debug it took every statement, about 28 MB and a second a night.
NIGHTLY_BUILD = ("build", "--exclude-resource-type", "unit_test", "--log-level-file", "info")


class ManifestMissingError(RuntimeError):
    """dbt_project/target/manifest.json is not there: the project was never parsed (`make manifest`)."""


@functools.cache
def dbt_manifest() -> dict[str, Any]:
    """dbt_project's parsed manifest, read once per process: these assets and the checks share it."""
    return load_manifest(dbt_project.manifest_path, DBT_PROJECT_DIR)


def load_manifest(path: Path, project_dir: Path) -> dict[str, Any]:
    """The manifest at `path`: one clear error when it is missing, a warning when a file of the
    project changed after it was made (its graph may then lag behind the models)."""
    if not path.exists():
        raise ManifestMissingError(f"{path} is missing: build it with `make manifest` (dbt parse)")
    newer = newest_source_after(project_dir, path.stat().st_mtime)
    if newer is not None:
        warnings.warn(f"{path} is older than {newer}: run `make manifest` to parse it again", stacklevel=2)
    return json.loads(path.read_text())


def newest_source_after(project_dir: Path, parsed_at: float) -> Path | None:
    """A file of the dbt project changed after `parsed_at`, if any: the rule `make manifest` follows
    (every file under the project but dbt's outputs and hidden files). A few hundred stat calls."""
    for top in sorted(project_dir.iterdir()):
        if top.name in DBT_OUTPUTS or top.name.startswith("."):
            continue
        for path in [top, *sorted(top.rglob("*"))]:
            hidden = any(part.startswith(".") for part in path.relative_to(project_dir).parts)
            if path.is_file() and not hidden and path.stat().st_mtime > parsed_at:
                return path
    return None


@dbt_assets(manifest=dbt_manifest(), project=dbt_project, pool=DUCKDB_POOL)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    warehouse.export_db_env()
    invocation = dbt.cli([*NIGHTLY_BUILD], context=context, target_path=build_target(warehouse))
    try:
        yield from invocation.stream()
    finally:
        stop_dbt(invocation.process)


def build_target(warehouse: WarehouseResource) -> Path:
    """dbt's target folder for the builds on one warehouse: beside its file, the same every night.

    dbt keeps its partial_parse.msgpack there, so a night re-parses only the files that changed; a new
    folder per run (dagster-dbt's default) parsed the whole project again each night (~15 s). The profile
    it checks the file against is the same every night too: it holds only the warehouse's path. Runs on
    one warehouse take turns (the writer pool), so two builds never share the folder at once; each
    build's run_results.json and dbt.log (rotated by dbt) replace the previous night's.
    """
    return Path(warehouse.database).resolve().parent / "dbt_target"


def stop_dbt(process: subprocess.Popen) -> None:
    """End dbt if it is still going (the step failed or was stopped before dbt finished): left running,
    it would hold the warehouse's lock after the run has ended, and the alert and the next run wait."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
