"""The settings object (settings/): every DOINGOAI_* variable declared once, read when used, never stale;
no other module reads the environment; and the dbt manifest the definitions read at import."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pydantic
import pytest

from orchestration.assets.dbt import ManifestMissingError, load_manifest, newest_source_after
from orchestration.resources import WarehouseResource
from scrapers.http import Politeness
from scrapers.revisit import RevisitPolicy
from settings import PREFIX, Settings, environment_with, export, get_settings
from tests.conftest import ROOT

# Reading the environment anywhere but settings/: the os module's environ mapping and getenv, importing
# either from os, and click's envvar= (click then reads the variable itself). The samples below are
# spelt in two pieces so that a plain grep of the repository finds the readers only in settings/.
ENVIRONMENT_READ = re.compile(
    r"\bos\.(environ|getenv|putenv|unsetenv)\b|from os import [^\n]*\b(environ|getenv)\b|\benvvar\s*="
)
NOT_OURS = {".venv", "target", "dbt_packages", "build", "settings"}


def _variable(field: str) -> str:
    return PREFIX + field.upper()


def test_no_module_but_settings_reads_the_environment() -> None:
    readers = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(ROOT.rglob("*.py"))
        if not NOT_OURS & set(path.relative_to(ROOT).parts) and path.resolve() != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ENVIRONMENT_READ.search(line)
    ]
    assert readers == [], "ask settings.get_settings() (or settings.environment_with for a child process)"


def test_the_pattern_above_catches_each_way_of_reading_the_environment() -> None:
    for line in (
        "os." + 'environ.get("DOINGOAI_DB")',
        "os." + 'getenv("X")',
        "from os import getenv",
        '@click.option("--x", envvar="DOINGOAI_X")',
    ):
        assert ENVIRONMENT_READ.search(line), line
    assert not ENVIRONMENT_READ.search("os.pathsep, os.path.join(a, b)")


def test_every_setting_is_documented_with_its_default_in_the_readme() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())  # lines joined
    for field, info in Settings.model_fields.items():
        assert f"`{_variable(field)}` (" in readme, f"{_variable(field)} (default) is not in README.md"
        assert info.description and info.description.startswith(_variable(field)), field


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for field in Settings.model_fields:
        monkeypatch.delenv(_variable(field), raising=False)
    settings = get_settings()
    assert settings.db == Path("data/warehouse.duckdb")
    assert settings.analytics_db == Path("data/analytics.duckdb")
    assert settings.portal is None and settings.alert_webhook is None and settings.broken_layout is None
    assert (settings.crawl_delay, settings.crawl_timeout, settings.crawl_attempts) == (1.0, 10.0, 4)
    assert settings.db_wait == 120.0
    assert (settings.parser_max_missing, settings.parser_min_missing) == (0.25, 2)
    assert (settings.yield_min_ratio, settings.yield_min_documents) == (0.5, 5)
    assert settings.mart_max_shrink == 0.2


def test_the_crawl_defaults_are_the_http_clients() -> None:
    """The client keeps its own defaults (scrapers/ reads no settings): the two must agree."""
    fields = Settings.model_fields
    assert fields["crawl_delay"].default == Politeness.delay
    assert fields["crawl_timeout"].default == Politeness.timeout
    assert fields["crawl_attempts"].default == Politeness.attempts
    assert fields["crawl_deadline"].default == Politeness.deadline


def test_the_revisit_defaults_are_the_policys() -> None:
    fields = Settings.model_fields
    assert fields["revisit_budget"].default == RevisitPolicy.budget
    assert fields["revisit_min_days"].default == RevisitPolicy.min_days
    assert fields["revisit_max_days"].default == RevisitPolicy.max_days


def test_a_variable_changed_between_two_calls_is_seen_by_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_MART_MAX_SHRINK", "0.3")
    first = get_settings()
    assert first.mart_max_shrink == 0.3
    assert get_settings() is first  # parsed once while the environment stays the same
    monkeypatch.setenv("DOINGOAI_MART_MAX_SHRINK", "0.4")
    assert get_settings().mart_max_shrink == 0.4
    monkeypatch.delenv("DOINGOAI_MART_MAX_SHRINK")
    assert get_settings().mart_max_shrink == 0.2


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_PORTAL", "")
    monkeypatch.setenv("DOINGOAI_CRAWL_DELAY", "")
    assert get_settings().portal is None and get_settings().crawl_delay == 1.0


def test_a_wrong_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_CRAWL_ATTEMPTS", "many")
    with pytest.raises(pydantic.ValidationError, match="crawl_attempts"):
        get_settings()
    monkeypatch.setenv("DOINGOAI_CRAWL_ATTEMPTS", "0")  # at least the first try
    with pytest.raises(pydantic.ValidationError, match="crawl_attempts"):
        get_settings()


def test_an_unset_resource_field_takes_its_setting_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = WarehouseResource()
    monkeypatch.setenv("DOINGOAI_DB", "/tmp/a.duckdb")
    monkeypatch.setenv("DOINGOAI_CRAWL_DELAY", "0")
    monkeypatch.setenv("DOINGOAI_CRAWL_ATTEMPTS", "2")
    assert warehouse.database == "/tmp/a.duckdb"
    assert (warehouse.politeness().delay, warehouse.politeness().attempts) == (0, 2)
    monkeypatch.setenv("DOINGOAI_DB", "/tmp/b.duckdb")
    assert warehouse.database == "/tmp/b.duckdb"
    assert WarehouseResource(db_path="/tmp/c.duckdb").database == "/tmp/c.duckdb"  # a field wins
    assert warehouse.dbt_environment() == {"DOINGOAI_DB": "/tmp/b.duckdb"}


def test_the_environment_for_a_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_PORTAL", "http://127.0.0.1:9")
    monkeypatch.setenv("DOINGOAI_DB", "/tmp/w.duckdb")
    child = environment_with({"DOINGOAI_CRAWL_DELAY": "0"}, without=["DOINGOAI_PORTAL"])
    assert child["DOINGOAI_CRAWL_DELAY"] == "0" and child["DOINGOAI_DB"] == "/tmp/w.duckdb"
    assert "DOINGOAI_PORTAL" not in child and get_settings().portal == "http://127.0.0.1:9"  # still set here


def test_export_sets_values_or_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_CRAWL_DELAY", "0.5")
    monkeypatch.delenv("DOINGOAI_PORTAL", raising=False)
    export({"DOINGOAI_CRAWL_DELAY": "0.02"}, keep_set=True)  # a default: the variable is set already
    export({"DOINGOAI_PORTAL": "http://127.0.0.1:9"})
    assert get_settings().crawl_delay == 0.5 and get_settings().portal == "http://127.0.0.1:9"
    export({"DOINGOAI_CRAWL_DELAY": "0.02"})
    assert get_settings().crawl_delay == 0.02


def test_a_missing_manifest_says_which_make_target_builds_it(tmp_path: Path) -> None:
    with pytest.raises(ManifestMissingError, match=r"`make manifest`") as missing:
        load_manifest(tmp_path / "target" / "manifest.json", tmp_path)
    assert "\n" not in str(missing.value)


def test_a_manifest_older_than_a_model_warns(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    (tmp_path / "target").mkdir()
    manifest = tmp_path / "target" / "manifest.json"
    manifest.write_text('{"sources": {}}')
    model = tmp_path / "models" / "m.sql"
    model.write_text("select 1")
    (tmp_path / "target" / "later.json").write_text("{}")  # dbt's own outputs do not count
    (tmp_path / ".user.yml").write_text("id: x")
    parsed_at = time.time() - 10
    os.utime(manifest, (parsed_at, parsed_at))
    assert newest_source_after(tmp_path, parsed_at) == model
    with pytest.warns(UserWarning, match="make manifest"):
        assert load_manifest(manifest, tmp_path) == {"sources": {}}
    os.utime(model, (parsed_at - 5, parsed_at - 5))
    assert newest_source_after(tmp_path, parsed_at) is None


def test_duckdb_connections_take_the_memory_limit_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """DuckDB's default limit is 80% of the machine: ours is a setting, and only a size is accepted."""
    from warehouse.db import connect

    monkeypatch.setenv("DOINGOAI_DUCKDB_MEMORY_LIMIT", "512MB")
    with connect(tmp_path / "w.duckdb") as connection:
        [(limit,)] = connection.execute("SELECT current_setting('memory_limit')").fetchall()
    assert limit == "488.2 MiB"  # 512 MB as DuckDB shows it
    monkeypatch.setenv("DOINGOAI_DUCKDB_MEMORY_LIMIT", "1GB'; DROP TABLE x; --")
    with pytest.raises(pydantic.ValidationError):
        get_settings()
