"""Regression on the dev set: the CLI's output scored by ../shared/eval/score.py.

The hidden set of other portals is scored the same way, with and without
publication dates, so both are checked here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.subprocess  # the command and the scorer, each in its own process
FIELDS = ("directives", "people", "aid", "events", "countries")
DOINGOAI = [sys.executable, "-c", "from cli.main import main; main()"]


def _run_cli(paths: list[Path], out: Path, published_on: str | None = None) -> None:
    args = [*DOINGOAI, "extract", *map(str, paths), "--out", str(out)]
    if published_on:
        args += ["--published-on", published_on]
    subprocess.run(args, check=True, cwd=ROOT)


def _score(shared: Path, predictions: Path) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(shared / "eval" / "dev" / "gold"),
            str(predictions),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("with_dates", [False, True], ids=["dates-from-text", "dates-passed"])
def test_dev_set_scores_above_targets(shared_dir: Path, tmp_path: Path, with_dates: bool) -> None:
    texts = sorted((shared_dir / "eval" / "dev" / "texts").glob("*.txt"))
    gold_dates = {
        path.stem: json.loads((shared_dir / "eval" / "dev" / "gold" / f"{path.stem}.json").read_text())[
            "published_on"
        ]
        for path in texts
    }
    groups: dict[str | None, list[Path]] = {}
    for path in texts:
        groups.setdefault(gold_dates[path.stem] if with_dates else None, []).append(path)
    lines = []
    for index, (published_on, paths) in enumerate(groups.items()):
        out = tmp_path / f"part{index}.jsonl"
        _run_cli(paths, out, published_on)
        lines.append(out.read_text(encoding="utf-8"))
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("".join(lines), encoding="utf-8")

    result = _score(shared_dir, predictions)
    assert result["predicted_documents"] == len(texts)
    report = {field: round(result[field]["f1"], 3) for field in FIELDS}
    assert result["mean_f1"] >= 0.90, report
    for field in FIELDS:
        assert result[field]["f1"] >= 0.85, (field, report)


def test_extract_reports_a_bad_file_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Ngày 5/12/2019, Đại hội lần thứ VI khai mạc tại Hà Nội.", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"this is not a pdf")
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [*DOINGOAI, "extract", str(broken), str(good), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "broken.pdf" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record["doc_id"] for record in records] == ["good"]
    assert records[0]["events"][0]["date"] == "2019-12-05"
