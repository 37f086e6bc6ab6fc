"""The pipeline as Dagster assets: definitions, schedule, and real runs on the sample portal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, Refreshed, doingoai_run, start_doingoai_run
from tests.dagster_calls import markdown
from tests.queries import query, scalar


def test_definitions_load_with_the_job_the_schedule_and_the_lineage() -> None:
    from orchestration.definitions import defs

    job = defs.resolve_job_def("nightly_refresh")
    schedule = defs.resolve_schedule_def("nightly_refresh_schedule")
    assert job.name == schedule.job_name == "nightly_refresh"
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Asia/Ho_Chi_Minh")
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {
        "raw/pages",
        "raw/documents",
        "staging/stg_raw__documents",
        "marts/dim_article",
        "marts/dim_site",
        "extracted/documents",
        "extracted/directives",
        "marts/fct_aid",
        "marts/fct_person_role",
        "analytics_copy",
    } <= keys
    graph = defs.resolve_asset_graph()
    from dagster import AssetKey

    assert (
        AssetKey(["raw", "documents"]) in graph.get(AssetKey(["staging", "stg_raw__documents"])).parent_keys
    )
    description = graph.get(AssetKey(["marts", "dim_article"])).description or ""
    assert "current version" in description
    # every asset sits in a group named after its stage, the dbt ones after their layer
    groups = {graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert groups == {
        "crawl",
        "landing",
        "extraction",
        "reference",
        "staging",
        "intermediate",
        "marts",
        "publish",
    }


def test_the_schedule_asks_for_one_run_over_every_site() -> None:
    from dagster import build_schedule_context

    from orchestration.definitions import nightly_refresh_schedule

    requests = nightly_refresh_schedule.evaluate_tick(build_schedule_context()).run_requests
    assert requests is not None
    [request] = requests
    assert request.tags["dagster/asset_partition_range_start"] == "mattrancantho"
    assert request.tags["dagster/asset_partition_range_end"] == "thoidai"


@pytest.mark.subprocess
def test_processes_preparing_one_new_dagster_home_together_all_get_a_working_instance(tmp_path: Path) -> None:
    """Runs started together on a new DAGSTER_HOME once left its SQLite storage with two schema heads."""
    code = (
        "import sys; from pathlib import Path; import dagster as dg; "
        "from orchestration.launch import prepare_dagster_home; "
        "prepare_dagster_home(Path(sys.argv[1])); print(len(dg.DagsterInstance.get().get_runs()))"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path / "dagster_home")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    finished = [(start.communicate(timeout=300), start.returncode) for start in starts]
    assert [(out.strip(), code) for (out, _), code in finished] == [("0", 0)] * 4, [
        err[-800:] for (_, err), _ in finished
    ]


def test_a_full_run_builds_the_marts_and_publishes_them(refreshed: Refreshed) -> None:
    articles = scalar(
        refreshed.warehouse, "SELECT count(DISTINCT url) FROM raw.documents WHERE kind = 'article'"
    )
    assert (
        scalar(refreshed.analytics, "SELECT count(*) FROM dim_article WHERE article_kind = 'article'")
        == articles
        >= 45
    )
    assert scalar(refreshed.analytics, "SELECT count(*) FROM dim_site") == 4
    from dagster import AssetKey, DagsterInstance, DagsterRunStatus

    with DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        for run_id in refreshed.run_ids:
            run = instance.get_run_by_id(run_id)
            assert run is not None and run.status == DagsterRunStatus.SUCCESS
        event = instance.get_latest_materialization_event(AssetKey(["raw", "pages"]))
        assert event is not None and event.asset_materialization is not None
        metadata = event.asset_materialization.metadata
        fetched, failed = metadata["fetched"].value, metadata["failed"].value
        assert isinstance(fetched, int) and isinstance(failed, int)
        assert fetched > 0 and failed == 0
        assert "thoidai" in markdown(metadata["per_site"])


def test_two_runs_launched_together_wait_for_each_other_and_the_second_adds_nothing(
    refreshed: Refreshed,
) -> None:
    """The shared refresh launched two runs at once on an empty warehouse: both waited their turn for
    the DuckDB writer instead of failing on its lock, and the later crawl, finding no change on the
    portal, stored no second version of anything."""
    assert len(refreshed.run_ids) == 2
    assert not any("Could not set lock" in output for output in refreshed.outputs)
    db = refreshed.warehouse
    assert scalar(db, "SELECT count(*) FROM raw.crawl_runs WHERE status = 'succeeded'") == 2
    assert scalar(db, "SELECT count(*) - count(DISTINCT url) FROM raw.pages") == 0
    assert scalar(db, "SELECT count(*) - count(DISTINCT (url, content_hash)) FROM raw.documents") == 0
    # one writer at a time: the later crawl began after the first had ended (orchestration/pool_claims.py)
    (_, first_ended), (later_began, _) = query(
        db, "SELECT started_at, finished_at FROM raw.crawl_runs ORDER BY started_at"
    )
    assert first_ended <= later_began
    later = "(SELECT run_id FROM raw.crawl_runs ORDER BY started_at DESC LIMIT 1)"
    # minutes after the first crawl no known page is due again (the revisit schedule): the later crawl
    # asked only for robots.txt, the listings' first pages and the sitemap, each answering 304
    asked = dict(query(db, f"SELECT kind, count(*) FROM raw.fetches WHERE run_id = {later} GROUP BY kind"))
    assert set(asked) <= {"robots", "listing", "sitemap"} and asked["listing"] >= 4, asked
    assert scalar(db, f"SELECT count(*) FROM raw.fetches WHERE run_id = {later} AND not_modified") >= 5
    assert (
        scalar(
            db,
            f"SELECT count(*) FROM raw.fetches WHERE run_id = {later} AND status = 200 "
            "AND url NOT LIKE '%/robots.txt'",
        )
        == 0
    )  # every page answered 304: no body came back


def test_sql_command_queries_the_analysts_copy(refreshed: Refreshed) -> None:
    env = refreshed.env
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cli.main import main; main()",
            "sql",
            "select count(*) as n from dim_site",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "4" in result.stdout


def test_the_analysts_copy_answers_the_questions_of_the_dimensional_model(refreshed: Refreshed) -> None:
    """The acceptance of the dimensional model, on the sample portal."""
    analytics = refreshed.analytics
    [directive] = query(
        analytics,
        "SELECT directive_id, issued_on, issuer FROM dim_directive "
        "WHERE directive_type = 'chi_thi' AND directive_number = '12' AND directive_code = 'CT/TW'",
    )
    assert (str(directive[1]), directive[2]) == ("2022-01-05", "Ban Bí thư")
    assert query(
        analytics, "SELECT count(*) FROM dim_directive WHERE directive_label = 'Chỉ thị 12-CT/TW'"
    ) == [(1,)]
    citing = query(
        analytics,
        f"SELECT a.article_kind, a.article_url FROM fct_directive_mention m JOIN dim_article a USING (article_id) "
        f"WHERE m.directive_id = '{directive[0]}'",
    )
    assert len(citing) >= 3
    assert any(kind == "attachment" and "677" in url for kind, url in citing)  # the party letter
    assert query(
        analytics,
        "SELECT count(*) FROM fct_directive_relation r "
        "JOIN dim_directive s ON s.directive_id = r.source_directive_id "
        "JOIN dim_directive t ON t.directive_id = r.target_directive_id "
        "WHERE s.directive_label = 'Công văn 677-CV/TU' AND t.directive_label = 'Chỉ thị 12-CT/TW'",
    ) != [(0,)]
    # a directive's title is its own subject or none: never another's (the stories write 12-CT/TW's
    # subject after 38-CT/TW and others), never a type word cut off by a PDF line
    assert query(
        analytics,
        "SELECT count(*) FROM (SELECT lower(directive_title) FROM dim_directive "
        "WHERE directive_title IS NOT NULL GROUP BY 1 HAVING count(*) > 1)",
    ) == [(0,)]
    assert query(
        analytics,
        "SELECT directive_label, directive_title FROM dim_directive "
        "WHERE directive_label IN ('Chỉ thị 38-CT/TW', 'Công văn 451-CV/ĐĐLHHN-VP') ORDER BY 1",
    ) == [
        ("Chỉ thị 38-CT/TW", "tiếp tục đổi mới, phát huy vai trò và nâng cao chất lượng, hiệu quả hoạt động "
         "của Liên hiệp các tổ chức hữu nghị Việt Nam trong tình hình mới"),
        ("Công văn 451-CV/ĐĐLHHN-VP", "Chương trình hành động thực hiện Chỉ thị số 12-CT/TW"),
    ]  # fmt: skip
    gift = query(
        analytics,
        "SELECT f.amount_vnd, f.donor_country_code, f.recipient_name, f.mention_count, f.part_of_aid_id IS NOT NULL "
        "FROM fct_aid f WHERE f.amount_vnd = 1.7e9 AND f.donor_name LIKE 'Tổng Lãnh sự%Nhật Bản%'",
    )
    # two articles report the consulate's gift (the seed as a part of the 3,2 tỷ raised): one donation
    assert gift == [(1.7e9, "JP", "Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ", 2, True)]
    donors = query(
        analytics,
        "SELECT m.donor_text FROM fct_aid_mention m JOIN fct_aid f USING (aid_id) WHERE f.amount_vnd = 1.7e9 "
        "AND f.donor_name LIKE 'Tổng Lãnh sự%Nhật Bản%' ORDER BY m.reported_on",
    )
    assert donors == [
        ("Tổng Lãnh sự quán Nhật Bản",),
        ("Tổng Lãnh sự Nhật Bản",),
    ]  # as each article writes it
    assert query(
        analytics,
        "SELECT f.mention_count, f.amount_vnd_is_stated, f.currency_code FROM fct_aid f WHERE f.amount_vnd = 28e9",
    ) == [(1, True, "USD")]  # hơn 1,2 triệu USD (tương đương khoảng 28 tỷ đồng): one donation in dollars
    per_gift = "SELECT amount_role FROM fct_aid_mention WHERE amount_text = 'gần 300 nghìn đồng'"
    assert query(analytics, per_gift) == [("unit",)]
    assert scalar(analytics, "SELECT count(*) FROM fct_aid WHERE amount_value = 3e5") == 0  # not a donation
    fragments = (
        "SELECT donor_name FROM fct_aid WHERE donor_name LIKE 'Tổng giá trị%' "
        "OR regexp_matches(donor_name, '[0-9]| đã | đồng$| nhằm$')"
    )
    assert query(analytics, fragments) == []  # donors are entities, never a piece of a sentence
    [(person_id,)] = query(
        analytics, "SELECT person_id FROM dim_person WHERE person_name = 'Lê Thị Thanh Giang'"
    )
    [(position, organization, articles)] = query(
        analytics,
        f"SELECT r.position, o.organization_name, r.article_count FROM fct_person_role r "
        f"JOIN dim_organization o USING (organization_id) WHERE r.person_id = '{person_id}'",
    )
    assert (position, organization) == ("Chủ tịch", "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ")
    assert articles >= 2
    vufo = query(analytics, "SELECT names_as_written FROM dim_organization WHERE acronym = 'VUFO'")
    assert len(vufo) == 1 and "VUFO" in vufo[0][0]
    assert query(
        analytics, "SELECT province_after_2025 FROM dim_location WHERE location_name = 'Sóc Trăng'"
    ) == [("Cần Thơ",)]


def test_every_table_and_column_of_the_analysts_copy_carries_its_dbt_description(
    refreshed: Refreshed,
) -> None:
    """`doingoai sql --help` sends analysts to the comments: each mart and column is described in its
    model's YAML, persist_docs writes it into the warehouse and the publishing step copies it over."""
    analytics = refreshed.analytics
    assert (
        query(analytics, "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND comment IS NULL")
        == []
    )
    assert (
        query(
            analytics,
            "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE NOT internal AND comment IS NULL",
        )
        == []
    )
    assert scalar(
        analytics,
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'dim_organization' AND column_name = 'country_code'",
    ).startswith("Home country")


def test_doingoai_run_prints_the_stages_and_the_readmes_summary_in_under_150_lines(
    refreshed: Refreshed,
) -> None:
    """What `make run` prints when its output is not a terminal: no colour codes, no Dagster DEBUG line,
    the stages once, the summary with the README's columns."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for output in refreshed.outputs:
        lines = output.splitlines()
        assert len(lines) < 150, output
        assert "\x1b[" not in output
        assert " - DEBUG - " not in output and "STEP_START" not in output
        for stage in ("crawl", "parse", "extract", "dbt", "publish"):
            assert any(line.split()[:1] == [stage] for line in lines), (stage, output)
        [header] = [line.split() for line in lines if line.split()[:2] == ["site", "fetched"]]
        assert header == ["site", "fetched", "new", "changed", "unchanged", "removed", "failed", "parsed"]
        assert "fetched, new, changed, unchanged (304), removed, failed, parsed" in readme


def test_doingoai_runs_are_runs_of_the_workspaces_code_location(refreshed: Refreshed) -> None:
    """What the UI needs to list a run on the job page, the schedule page and the timeline, and to
    re-execute it without a warning: the location's origin, the job's snapshot, the schedule's tag."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        for run_id in refreshed.run_ids:
            run = instance.get_run_by_id(run_id)
            assert run is not None and run.remote_job_origin is not None
            assert run.remote_job_origin.location_name == "doingoai"
            assert run.job_snapshot_id and run.execution_plan_snapshot_id
            assert run.tags["dagster/schedule_name"] == "nightly_refresh_schedule"
            assert run.tags["doingoai/trigger"] == "command line"
            assert run.tags["doingoai/crawls"].startswith("the sample portal at http://127.0.0.1:")
            assert run.tags["doingoai/worker_pid"].isdigit()


# A crawl slow enough to be caught under way. On the refreshed warehouse nothing is due again, so a
# night asks only for robots.txt, the listings' first pages and the sitemap (a few requests a site):
# at 0.4 s apart that crawl could end between two looks at raw.crawl_runs, whose file the crawl
# holds while it lands. 5 s apart, each site's crawl lasts over 10 s.
SLOW_CRAWL = {"DOINGOAI_CRAWL_DELAY": "5"}


def _wait_for_the_crawl(warehouse: Path, process: subprocess.Popen[str], timeout: float = 300) -> None:
    """Until a crawl of the started run is under way (its row in raw.crawl_runs says 'running')."""
    import duckdb

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            with duckdb.connect(str(warehouse), read_only=True) as connection:
                [(running,)] = connection.execute(
                    "SELECT count(*) FROM raw.crawl_runs WHERE status = 'running'"
                ).fetchall()
            if running:
                return
        except duckdb.Error:
            pass  # the run holds the file for a moment
        time.sleep(1)
    raise AssertionError("the crawl did not start")


def _run_status_and_alert(refreshed: Refreshed, run_id: str) -> tuple[str, list[tuple[str, str]]]:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        run = instance.get_run_by_id(run_id)
        assert run is not None
        status = run.status.value
    return status, query(
        refreshed.folder / "alerts.duckdb", "SELECT run_id, summary FROM ops.alerts WHERE run_id = ?", run_id
    )


def _run_ids(refreshed: Refreshed) -> set[str]:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        return {run.run_id for run in instance.get_runs()}


def _started_run_id(refreshed: Refreshed, before: set[str]) -> str:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        [new] = [run.run_id for run in instance.get_runs() if run.run_id not in before]
    return new


@pytest.mark.timeout(1200)
def test_a_run_killed_mid_crawl_is_failed_alerted_and_the_next_run_completes_by_itself(
    refreshed: Refreshed,
) -> None:
    """kill -9 of the whole `doingoai run` mid-crawl leaves its run STARTED with the writer slot; the
    next `doingoai run` fails it (its process is gone), alerts, closes its crawl and completes."""
    before = _run_ids(refreshed)
    slow = start_doingoai_run(refreshed.env | SLOW_CRAWL, new_session=True)
    _wait_for_the_crawl(refreshed.warehouse, slow)
    os.killpg(slow.pid, signal.SIGKILL)
    slow.communicate(timeout=30)
    killed = _started_run_id(refreshed, before)

    started = time.monotonic()
    after = doingoai_run(refreshed.env)
    assert after.returncode == 0, (after.stdout + after.stderr)[-4000:]
    assert time.monotonic() - started < 300
    assert f"run {killed} had died" in after.stdout
    status, alerts = _run_status_and_alert(refreshed, killed)
    assert status == "FAILURE"
    assert len(alerts) == 1 and "is gone" in alerts[0][1]
    assert query(
        refreshed.warehouse, "SELECT status FROM raw.crawl_runs WHERE starts_with(run_id, ?)", killed
    ) == [("aborted",)]
    assert scalar(refreshed.warehouse, "SELECT count(*) FROM raw.crawl_runs WHERE status = 'running'") == 0


@pytest.mark.timeout(900)
def test_sigterm_fails_the_run_within_30_seconds(refreshed: Refreshed) -> None:
    before = _run_ids(refreshed)
    slow = start_doingoai_run(refreshed.env | SLOW_CRAWL, new_session=True)
    _wait_for_the_crawl(refreshed.warehouse, slow)
    stopped_at = time.monotonic()
    slow.send_signal(signal.SIGTERM)
    stdout, _ = slow.communicate(timeout=60)
    assert time.monotonic() - stopped_at < 30, stdout
    assert slow.returncode != 0
    run_id = _started_run_id(refreshed, before)
    status, alerts = _run_status_and_alert(refreshed, run_id)
    assert status == "FAILURE" and len(alerts) == 1
    assert query(
        refreshed.warehouse, "SELECT status FROM raw.crawl_runs WHERE starts_with(run_id, ?)", run_id
    ) == [("aborted",)]
