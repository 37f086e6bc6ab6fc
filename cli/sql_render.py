"""How `doingoai sql` shows a result: a table when it fits the terminal, one block per row when not.

Why two layouts: a table squeezed into the terminal hides what it holds (`select * from dim_article`
once printed 24 columns of "…"). So a result is shown as a table only when its columns fit at their
full width, or when cutting only long texts (past LONG_TEXT characters, with "…") makes them fit;
otherwise each row becomes a block of `column  value` lines, values wrapped, nothing cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

NUMERIC_TYPES = (
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "SMALLINT",
    "TINYINT",
    "DOUBLE",
    "FLOAT",
    "DECIMAL",
    "UBIGINT",
    "UINTEGER",
    "USMALLINT",
    "UTINYINT",
)
LONG_TEXT = 40  # a table cell longer than this may be cut to make the table fit
NULL = "NULL"


@dataclass(frozen=True)
class Result:
    """What one statement returned: its columns (name, DuckDB type) and the rows shown."""

    columns: tuple[tuple[str, str], ...]
    rows: Sequence[tuple[object, ...]]
    more: bool  # rows were left out (past --max-rows)


def show(result: Result, console: Console) -> None:
    """Print `result` as a table, or one block per row when the table would not fit `console`."""
    cells = [[_cell(value) for value in row] for row in result.rows]
    full = _widths(result.columns, cells, limit=None)
    if _table_width(full) <= console.width:
        _show_table(result, cells, console, full, cut=False)
    elif _table_width(cut := _widths(result.columns, cells, limit=LONG_TEXT)) <= console.width:
        _show_table(result, cells, console, cut, cut=True)
    else:
        _show_vertical(result, console)


def caption(result: Result) -> str:
    """`N rows`, or how many are shown when more were left out."""
    count = len(result.rows)
    if result.more:
        return f"first {count} rows shown (--max-rows)"
    return f"{count} row{'' if count == 1 else 's'}"


def _cell(value: object) -> str:
    """One line of text for a value; a line break is shown as ⏎ so a row stays one line."""
    return NULL if value is None else str(value).replace("\r\n", "⏎").replace("\n", "⏎")


def _widths(columns: Sequence[tuple[str, str]], cells: list[list[str]], limit: int | None) -> list[int]:
    """Each column's width: its longest cell or its name, cells cut at `limit` when one is given."""
    widths = []
    for index, (name, _) in enumerate(columns):
        longest = max((Text(row[index]).cell_len for row in cells), default=0)
        if limit is not None:
            longest = min(longest, limit)
        widths.append(max(longest, Text(name).cell_len))
    return widths


def _table_width(widths: Sequence[int]) -> int:
    """The width rich draws: a border and a space of padding on each side of every column."""
    return sum(widths) + 3 * len(widths) + 1


def _show_table(
    result: Result, cells: list[list[str]], console: Console, widths: list[int], *, cut: bool
) -> None:
    note = f"; texts past {LONG_TEXT} characters cut (…)" if cut else ""
    table = Table(caption=caption(result) + note, caption_justify="left")
    for (name, type_name), width in zip(result.columns, widths, strict=True):
        numeric = type_name.upper().startswith(NUMERIC_TYPES)
        table.add_column(
            escape(name),
            justify="right" if numeric else "left",
            min_width=width,
            max_width=width,
            overflow="ellipsis",
            no_wrap=True,
        )
    for row, values in zip(result.rows, cells, strict=True):
        table.add_row(
            *(
                Text(NULL, style="dim") if value is None else Text(text)
                for value, text in zip(row, values, strict=True)
            )
        )
    console.print(table)


def _show_vertical(result: Result, console: Console) -> None:
    """One block per row: a rule with the row's number, then `column  value` lines, values whole and
    wrapped (line breaks kept)."""
    names = [name for name, _ in result.columns]
    if not result.rows:
        console.print(f"{caption(result)}; columns: {', '.join(names)}", style="dim", markup=False)
        return
    name_width = max(Text(name).cell_len for name in names)
    for number, row in enumerate(result.rows, start=1):
        console.rule(f"row {number}", align="left", style="dim")
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", width=name_width, no_wrap=True)
        block.add_column(overflow="fold")
        for name, value in zip(names, row, strict=True):
            block.add_row(Text(name), Text(NULL, style="dim") if value is None else Text(str(value)))
        console.print(block)
    console.print(caption(result) + " (one block per row: the columns do not fit the terminal)", style="dim")
