"""The benchmark behind `doingoai bench`: the nightly job over the scale portal, measured.

Three runs of `nightly_refresh`, through Dagster exactly as `doingoai run` starts it
(`orchestration.launch.run_nightly_refresh`), on files in one temporary folder, against the sample
portal in scale mode (`sample_portal/scale.py`) served by a process of its own, with politeness
delay 0:

1. the first full build: an empty warehouse, N articles online;
2. a night with no change: the same portal day again;
3. a night with 1% new: the portal's next day, which adds 1% of N articles and edits as many.

Per run: its seconds (wall clock, the run's own start-up included), the HTTP requests its crawl
made (raw.fetches, by kind), and per stage (crawl, parse, extract, dbt, publish, as `doingoai run`
shows them): seconds from the stage's first step start to its last step end, the documents it
handled and its peak RSS. Memory is sampled every `SAMPLE_S` seconds: this process (the run executes
in it) plus its children (dbt), the portal's process left out; a stage's peak is the highest sample
while it ran. Then the sizes of the files the runs wrote.

`--profile` runs each night under pyinstrument (the `bench` extra) and writes its text report.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil  # type: ignore[import-untyped]  # psutil ships no type information

from settings import PROJECT_ROOT, export

if TYPE_CHECKING:
    import dagster as dg

STAGES = ("crawl", "parse", "extract", "dbt", "publish")
SAMPLE_S = 0.2
NEW_SHARE = 0.01  # the third run's new (and edited) articles, as a share of N
MB = 1024 * 1024
# the three runs: their JSON key, their label, the portal's day
RUNS = (("full", "full build", 1), ("night_0pct", "night, no change", 1), ("night_1pct", "night, 1% new", 2))
DOC_START, DOC_END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class StageFigures:
    seconds: float = 0.0
    documents: int = 0  # what the stage handled: article fetches, parsed, extracted, documents built on
    docs_per_s: float = 0.0
    peak_rss_mb: float = 0.0


@dataclass
class RunFigures:
    seconds: float
    success: bool
    requests: int
    requests_by_kind: dict[str, int]
    documents: int  # article documents the warehouse holds after the run
    peak_rss_mb: float
    stages: dict[str, StageFigures] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


@dataclass
class BenchResult:
    articles: int
    full: RunFigures
    night_0pct: RunFigures
    night_1pct: RunFigures
    database_mb: dict[str, float]
    machine: str

    def as_json(self) -> dict[str, Any]:
        """The figures under the keys issue 13 names: articles, full, night_0pct, night_1pct, stages."""

        run = run_json
        return {
            "articles": self.articles,
            "full": run(self.full),
            "night_0pct": run(self.night_0pct),
            "night_1pct": run(self.night_1pct),
            "stages": run(self.full)["stages"],  # the full build's, as the first table shows them
            "database_mb": {name: round(size, 1) for name, size in self.database_mb.items()},
            "machine": self.machine,
        }


def run_json(figures: RunFigures) -> dict[str, Any]:
    """One run's figures as JSON."""
    return {
        "seconds": round(figures.seconds, 1),
        "success": figures.success,
        "requests": figures.requests,
        "requests_by_kind": figures.requests_by_kind,
        "documents": figures.documents,
        "docs_per_s": round(figures.docs_per_s, 1),
        "peak_rss_mb": round(figures.peak_rss_mb),
        "stages": {name: _rounded(asdict(stage)) for name, stage in figures.stages.items()},
    }


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {key: round(value, 1) if isinstance(value, float) else value for key, value in values.items()}


# --- the portal, in a process of its own ------------------------------------------------------------


@contextmanager
def scale_portal(articles: int, new_per_day: int) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`doingoai sample-portal --articles N` on a free port; yields its address and process."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from cli.main import main; main()",
            "sample-portal",
            "--port",
            "0",
            "--articles",
            str(articles),
            "--new-per-day",
            str(new_per_day),
        ],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        address = re.search(r"on (http://\S+)", first)
        if not address:
            raise RuntimeError(f"the scale portal did not start: {first!r}")
        yield address.group(1), process
    finally:
        process.terminate()
        process.wait(timeout=30)


def set_portal_day(address: str, day: int) -> None:
    request = urllib.request.Request(
        f"{address}/__portal__/state",
        data=json.dumps({"day": day}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


# --- memory and stages, watched while a run executes --------------------------------------------------


class RunWatcher:
    """An observer for `run_nightly_refresh`: samples memory and reads the run's stages as it goes."""

    def __init__(self, skip_pids: set[int]) -> None:
        self.skip_pids = skip_pids
        self.peak_mb = 0.0
        self.stage_peak_mb: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.stage_seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def rss_mb(self) -> float:
        """This process and its children (dbt), without the portal's process."""
        me = psutil.Process()
        total = 0
        for process in [me, *me.children(recursive=True)]:
            if process.pid in self.skip_pids:
                continue
            try:
                total += process.memory_info().rss
            except psutil.Error:
                continue  # ended between the listing and the reading
        return total / MB

    def observe(self, instance: dg.DagsterInstance, run: dg.DagsterRun, finished: threading.Event) -> None:
        """Until the run ends: sample memory, and follow its steps' starts and ends in its event log.

        A stage's seconds are the sum of its steps' durations and its peak the highest sample while one
        of its steps ran: the steps take turns (one process), but a stage's steps need not be adjacent
        (the raw tables' freshness check, of the crawl's group, runs after the parse step)."""
        import dagster as dg

        from orchestration.definitions import defs
        from orchestration.progress import RunProgress

        graph = defs.resolve_asset_graph()
        groups = {key: graph.get(key).group_name for key in graph.get_all_asset_keys()}
        stage_of_step = {
            step: name
            for name, stage in RunProgress(instance, run, groups).stages.items()
            for step in stage.steps
        }
        running: dict[str, float] = {}  # step key -> its start, while it runs
        cursor: str | None = None
        last_read = 0.0
        while True:
            done = finished.wait(SAMPLE_S)
            if time.monotonic() - last_read > 1.0 or done:
                last_read = time.monotonic()
                while True:
                    records = instance.get_records_for_run(run.run_id, cursor=cursor, limit=1000)
                    for record in records.records:
                        event = record.event_log_entry.dagster_event
                        if event is None or event.step_key not in stage_of_step:
                            continue
                        stamp = record.event_log_entry.timestamp
                        if event.event_type == dg.DagsterEventType.STEP_START:
                            running[event.step_key] = stamp
                        elif event.event_type in (
                            dg.DagsterEventType.STEP_SUCCESS,
                            dg.DagsterEventType.STEP_FAILURE,
                        ):
                            started = running.pop(event.step_key, stamp)
                            stage = stage_of_step[event.step_key]
                            if stage in self.stage_seconds:
                                self.stage_seconds[stage] += stamp - started
                    cursor = records.cursor
                    if not records.has_more:
                        break
            sample = self.rss_mb()
            self.peak_mb = max(self.peak_mb, sample)
            for step in running:
                stage = stage_of_step[step]
                if stage in self.stage_peak_mb:
                    self.stage_peak_mb[stage] = max(self.stage_peak_mb[stage], sample)
            if done:
                break


# --- the warehouse's counts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    fetches: dict[str, int]
    article_fetches_ok: int
    documents: int  # article document versions parsed
    extracted: int
    articles: int  # distinct article URLs with a document

    @staticmethod
    def read(warehouse: Path) -> Counts:
        import duckdb

        if not warehouse.exists():
            return Counts({}, 0, 0, 0, 0)
        with duckdb.connect(str(warehouse), read_only=True) as connection:

            def one(sql: str) -> int:
                row = connection.execute(sql).fetchone()
                return int(row[0]) if row and row[0] is not None else 0

            fetches = dict(
                connection.execute("SELECT kind, count(*) FROM raw.fetches GROUP BY kind").fetchall()
            )
            return Counts(
                fetches=fetches,
                article_fetches_ok=one(
                    "SELECT count(*) FROM raw.fetches WHERE kind = 'article' AND status = 200"
                ),
                documents=one("SELECT count(*) FROM raw.documents"),
                extracted=one("SELECT count(*) FROM extracted.documents"),
                articles=one("SELECT count(DISTINCT url) FROM raw.documents WHERE kind = 'article'"),
            )


def _since(before: Counts, after: Counts) -> dict[str, int]:
    kinds = set(before.fetches) | set(after.fetches)
    return {kind: after.fetches.get(kind, 0) - before.fetches.get(kind, 0) for kind in sorted(kinds)}


# --- the benchmark -----------------------------------------------------------------------------------


# called after each run with its key (full, night_0pct, night_1pct) and figures: partial results survive
RunReport = Callable[[str, RunFigures], None]


def run_bench(
    articles: int,
    folder: Path | None = None,
    profile_dir: Path | None = None,
    on_run: RunReport | None = None,
) -> BenchResult:
    """The three runs over a scale portal of `articles` articles, in `folder` (default: a new
    temporary folder, removed afterwards). Dagster's and dbt's output go to output.log there, as
    `doingoai run` keeps them off the terminal; a line per run comes to the terminal (the end of
    that log too when a run fails)."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="doingoai-bench-") as temporary:
            return run_bench(articles, Path(temporary), profile_dir, on_run)
    from cli.run import terminal_apart

    folder.mkdir(parents=True, exist_ok=True)
    output = folder / "output.log"
    with terminal_apart(output) as terminal:

        def log(line: str) -> None:
            terminal.write(line + "\n")
            terminal.flush()

        result = _bench(articles, folder, profile_dir, log, on_run)
        if not all(run.success for run in (result.full, result.night_0pct, result.night_1pct)):
            sys.stdout.flush()
            tail = output.read_text(encoding="utf-8", errors="replace").splitlines()[-60:]
            log("\n".join(["a run failed; the end of its output:", *tail]))
    return result


def _bench(
    articles: int,
    folder: Path,
    profile_dir: Path | None,
    log: Callable[[str], None],
    on_run: RunReport | None,
) -> BenchResult:
    warehouse, analytics, dagster_home = (
        folder / "warehouse.duckdb",
        folder / "analytics.duckdb",
        folder / "dagster_home",
    )
    new_per_day = max(1, round(articles * NEW_SHARE))
    with scale_portal(articles, new_per_day) as (address, portal):
        log(f"scale portal on {address}: {articles} articles, {new_per_day} new and edited per day")
        export(
            {
                "DOINGOAI_DB": str(warehouse),
                "DOINGOAI_ANALYTICS_DB": str(analytics),
                "DOINGOAI_PORTAL": address,
                "DOINGOAI_LIVE": "",
                "DOINGOAI_CRAWL_DELAY": "0",
                "DOINGOAI_ALERT_WEBHOOK": "",
                "DOINGOAI_BROKEN_LAYOUT": "",
                "DAGSTER_HOME": str(dagster_home),
            }
        )
        runs: list[RunFigures] = []
        for key, label, day in RUNS:
            set_portal_day(address, day)
            figures = measure_run(dagster_home, warehouse, {portal.pid}, profile_dir, label)
            log(
                f"{label}: {figures.seconds:.1f} s, {figures.requests} requests, "
                f"peak {figures.peak_rss_mb:.0f} MB{'' if figures.success else ', FAILED'}"
            )
            runs.append(figures)
            if on_run:
                on_run(key, figures)
    sizes = {
        "warehouse": _size_mb(warehouse),
        "analytics": _size_mb(analytics),
        "alerts": _size_mb(folder / "alerts.duckdb"),
        "dagster_home": _size_mb(dagster_home),
    }
    machine = f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / MB / 1024:.0f} GB RAM, Python {sys.version.split()[0]}"
    full, night_0pct, night_1pct = runs
    return BenchResult(articles, full, night_0pct, night_1pct, database_mb=sizes, machine=machine)


def measure_run(
    dagster_home: Path, warehouse: Path, skip_pids: set[int], profile_dir: Path | None, label: str
) -> RunFigures:
    """One nightly_refresh run, timed, its memory sampled, its work counted from the warehouse."""
    from orchestration.launch import run_nightly_refresh

    before = Counts.read(warehouse)
    watcher = RunWatcher(skip_pids)
    started = time.perf_counter()
    with _profiled(profile_dir, label):
        result = run_nightly_refresh(dagster_home, observer=watcher.observe)
    seconds = time.perf_counter() - started
    if not result.success and _stopped(dagster_home, result.run_id):
        raise KeyboardInterrupt  # Ctrl-C or SIGTERM stopped the run: the bench stops with it
    after = Counts.read(warehouse)
    by_kind = _since(before, after)
    handled = {
        "crawl": by_kind.get("article", 0),
        "parse": after.documents - before.documents,
        "extract": after.extracted - before.extracted,
        "dbt": after.documents - before.documents,
        "publish": after.documents - before.documents,
    }
    stages = {}
    for name in STAGES:
        stage_seconds = watcher.stage_seconds[name]
        stages[name] = StageFigures(
            seconds=stage_seconds,
            documents=handled[name],
            docs_per_s=handled[name] / stage_seconds if stage_seconds else 0.0,
            peak_rss_mb=watcher.stage_peak_mb[name],
        )
    return RunFigures(
        seconds=seconds,
        success=result.success,
        requests=sum(by_kind.values()),
        requests_by_kind=by_kind,
        documents=after.articles,
        peak_rss_mb=watcher.peak_mb,
        stages=stages,
    )


def _stopped(dagster_home: Path, run_id: str) -> bool:
    """Whether the run failed because it was stopped, not because a step failed on its own."""
    import dagster as dg

    from cli.run import failed_steps
    from settings import use_dagster_home

    use_dagster_home(dagster_home)
    with dg.DagsterInstance.get() as instance:
        return any(error.startswith("stopped") for error in failed_steps(instance, run_id).values())


@contextmanager
def _profiled(profile_dir: Path | None, label: str) -> Iterator[None]:
    """The run under pyinstrument, its report in `profile_dir` (nothing when None)."""
    if profile_dir is None:
        yield
        return
    from pyinstrument import Profiler

    profile_dir.mkdir(parents=True, exist_ok=True)
    profiler = Profiler(interval=0.01)
    profiler.start()
    try:
        yield
    finally:
        profiler.stop()
        name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        (profile_dir / f"{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False))


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / MB
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / MB
    return 0.0


# --- the report ------------------------------------------------------------------------------------------


def markdown(result: BenchResult) -> str:
    """The figures as Markdown tables: per stage of each run, the runs end to end, the files."""
    n = result.articles
    lines = [
        f"Scale portal of {n:,} articles ({max(1, round(n * NEW_SHARE)):,} new and edited on the 1% night); "
        f"{result.machine}.",
        "",
        "| run | seconds | requests | documents | docs/s | peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    runs = (
        ("full build", result.full),
        ("night, no change", result.night_0pct),
        ("night, 1% new", result.night_1pct),
    )
    for label, figures in runs:
        failed = "" if figures.success else " (FAILED)"
        lines.append(
            f"| {label}{failed} | {figures.seconds:,.1f} | {figures.requests:,} | {figures.documents:,} "
            f"| {figures.docs_per_s:,.1f} | {figures.peak_rss_mb:,.0f} |"
        )
    lines += ["", "Requests by kind:", "", "| run | " + " | ".join(_kinds(result)) + " |"]
    lines.append("| --- |" + " ---: |" * len(_kinds(result)))
    for label, figures in runs:
        lines.append(
            f"| {label} | "
            + " | ".join(f"{figures.requests_by_kind.get(k, 0):,}" for k in _kinds(result))
            + " |"
        )
    lines += [
        "",
        "Per stage (seconds / documents handled / documents per second / peak RSS in MB):",
        "",
        "| stage | " + " | ".join(label for label, _ in runs) + " |",
        "| --- |" + " ---: |" * len(runs),
    ]
    for stage in STAGES:
        cells = []
        for _, figures in runs:
            s = figures.stages[stage]
            cells.append(f"{s.seconds:,.1f} s / {s.documents:,} / {s.docs_per_s:,.1f} / {s.peak_rss_mb:,.0f}")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines += ["", "Files after the three runs (MB):", "", "| file | MB |", "| --- | ---: |"]
    lines += [f"| {name} | {size:,.1f} |" for name, size in result.database_mb.items()]
    lines += ["", *targets(result)]
    return "\n".join(lines) + "\n"


def _kinds(result: BenchResult) -> list[str]:
    kinds = {
        k for figures in (result.full, result.night_0pct, result.night_1pct) for k in figures.requests_by_kind
    }
    return sorted(kinds)


def targets(result: BenchResult) -> list[str]:
    """Issue 13's checks and targets, each with its figure and whether it is met."""
    n = result.articles
    listings = result.night_0pct.requests_by_kind
    discovery = sum(listings.get(kind, 0) for kind in ("listing", "sitemap", "robots"))
    checks = [
        (
            "full build ≥ 200 articles/s end to end",
            result.full.docs_per_s >= 200,
            f"{result.full.docs_per_s:,.1f}/s",
        ),
        (
            "full build peak RSS < 1,500 MB",
            result.full.peak_rss_mb < 1500,
            f"{result.full.peak_rss_mb:,.0f} MB",
        ),
        (
            "no-change night ≤ 60 s (delay 0)",
            result.night_0pct.seconds <= 60,
            f"{result.night_0pct.seconds:,.1f} s",
        ),
        (
            "1% night ≤ 10% of the full build",
            result.night_1pct.seconds <= 0.1 * result.full.seconds,
            f"{result.night_1pct.seconds / result.full.seconds:.1%} of it" if result.full.seconds else "-",
        ),
        (
            "no-change night ≤ 5% of N requests besides listings, sitemaps, robots",
            result.night_0pct.requests - discovery <= 0.05 * n,
            f"{result.night_0pct.requests - discovery:,} (+ {discovery:,} discovery)",
        ),
    ]
    lines = ["| target | figure | met |", "| --- | ---: | :---: |"]
    lines += [f"| {label} | {figure} | {'yes' if met else '**no**'} |" for label, met, figure in checks]
    return lines


def write_doc(path: Path, table: str) -> None:
    """Put the tables between the markers of `path` (created if need be), keeping the text around them."""
    block = f"{DOC_START}\n{table}{DOC_END}"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{DOC_START}\n{DOC_END}\n"
    if DOC_START in text and DOC_END in text:
        head, rest = text.split(DOC_START, 1)
        text = head + block + rest.split(DOC_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
