"""Reports: the charts of the analysts' copy, as files in data/reports/ and as pictures in the Dagster UI."""

import base64

import dagster as dg

from orchestration.assets.publish import analytics_copy
from orchestration.resources import WarehouseResource
from settings import get_settings
from warehouse.reports import Reports, render_reports


@dg.asset(
    group_name="publish",
    deps=[analytics_copy],
    kinds={"matplotlib"},
    description="data/reports/: charts of the analysts' copy (aid by donor country and year, events by month "
    "and type, foreign delegations by country, citations of the most-cited directives, the most active "
    "organisations) as PNGs with an index.html; the charts show in this asset's metadata too.",
)
def reports(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    # read-only on the analysts' copy, which analytics_copy has just replaced: no DuckDB writer slot needed
    drawn = render_reports(warehouse.analytics, get_settings().reports_folder)
    context.log.info(f"{len(drawn.charts)} charts in {drawn.folder}")
    return dg.MaterializeResult(
        metadata={
            "charts": dg.MetadataValue.md(charts_markdown(drawn)),
            "index": dg.MetadataValue.path(str(drawn.index.resolve())),
            "data up to": drawn.data_as_of.isoformat() if drawn.data_as_of else "no article yet",
        }
    )


def charts_markdown(drawn: Reports) -> str:
    """Every chart as Markdown, each picture inside it as a base64 `data:` URI: the UI runs in a browser
    that cannot read the files on the machine that drew them."""
    sections = []
    for chart in drawn.charts:
        picture = base64.b64encode(chart.path.read_bytes()).decode("ascii")
        sections.append(
            f"![{chart.title}](data:image/png;base64,{picture})\n\n{chart.caption}\n\n*{chart.source_line}*"
        )  # no heading: each picture carries its title
    return "\n\n---\n\n".join(sections)
