"""What an asset or a check returns when a test calls it directly, as the type the test expects.

Dagster types a direct call of a decorated asset or check as `object` (it may be a result, a generator
or an awaitable), and metadata values as a union of every kind; these helpers check the type and hand
the value on, so a wrong shape fails the test instead of being silenced for the type checker.
"""

from __future__ import annotations

from collections.abc import Iterable

import dagster as dg


def check_result(outcome: object) -> dg.AssetCheckResult:
    """The one result of a check that returns a result."""
    assert isinstance(outcome, dg.AssetCheckResult), outcome
    return outcome


def check_results(outcome: object) -> list[dg.AssetCheckResult]:
    """Every result a multi-check yields."""
    assert isinstance(outcome, Iterable), outcome
    return [check_result(result) for result in outcome]


def by_asset(results: list[dg.AssetCheckResult]) -> dict[str, dg.AssetCheckResult]:
    """Check results by the asset each judged ("raw/pages")."""
    keyed = {}
    for result in results:
        assert result.asset_key is not None, result
        keyed["/".join(result.asset_key.path)] = result
    return keyed


def materialized(outcome: object) -> dg.MaterializeResult:
    """The one result of an asset that returns a result."""
    assert isinstance(outcome, dg.MaterializeResult), outcome
    return outcome


def all_materialized(outcome: object) -> list[dg.MaterializeResult]:
    """Every result a multi-asset yields (one per table)."""
    assert isinstance(outcome, Iterable), outcome
    return [materialized(result) for result in outcome]


def markdown(value: object) -> str:
    """The text of a Markdown metadata value."""
    assert isinstance(value, dg.MarkdownMetadataValue), value
    return value.value
