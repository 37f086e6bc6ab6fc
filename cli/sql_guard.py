"""Why `doingoai sql` is truly read-only, and the one line it answers a refused statement with.

Two locks, so neither has to be perfect:
- the engine: the file is opened read-only with `enable_external_access=false` (no file, URL or other
  database can be read or written, no extension installed or loaded) and autoloading off, then
  `lock_configuration=true`, so no statement can switch those back (`open_read_only`);
- the shell: before anything runs, each statement's first words are looked up in REFUSED below and a
  refused one gets one clear line instead of DuckDB's error. A refused statement never reaches DuckDB,
  so `install httpfs` never even looks for the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cli.sql_statements import Statement

# Shown in the portals' own time, as the articles are dated; set before the configuration is locked.
TIME_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Refused:
    """Statements whose first words are `words` are refused, with `reason` as the one line shown."""

    words: tuple[str, ...]
    reason: str


_NO_FILES = "this shell reads one database file and nothing else"
REFUSED: tuple[Refused, ...] = (
    Refused(("ATTACH",), f"ATTACH is refused: {_NO_FILES} (use --db to open another file)."),
    Refused(("DETACH",), f"DETACH is refused: {_NO_FILES}."),
    Refused(("COPY",), f"COPY is refused: {_NO_FILES}, and writes none (README: results in Python)."),
    Refused(("INSTALL",), "INSTALL is refused: this shell never downloads or installs an extension."),
    Refused(
        ("FORCE", "INSTALL"), "FORCE INSTALL is refused: this shell never downloads or installs an extension."
    ),
    Refused(
        ("UPDATE", "EXTENSIONS"), "UPDATE EXTENSIONS is refused: this shell never downloads an extension."
    ),
    Refused(("LOAD",), "LOAD is refused: this shell loads no extension."),
    Refused(("EXPORT", "DATABASE"), f"EXPORT DATABASE is refused: {_NO_FILES}, and writes none."),
    Refused(("IMPORT", "DATABASE"), f"IMPORT DATABASE is refused: {_NO_FILES}."),
    Refused(("SET",), "SET is refused: the configuration is locked (SET VARIABLE works)."),
    Refused(("RESET",), "RESET is refused: the configuration is locked (RESET VARIABLE works)."),
)
# allowed although they start like a refused statement: session variables change no setting
ALLOWED: tuple[tuple[str, ...], ...] = (("SET", "VARIABLE"), ("RESET", "VARIABLE"))

# PRAGMAs that only read; any other (PRAGMA threads = 2, PRAGMA enable_profiling, PRAGMA
# import_database(...)) would change a setting or touch a file, and is refused.
READING_PRAGMAS = frozenset(
    {
        "collations",
        "database_list",
        "database_size",
        "functions",
        "metadata_info",
        "platform",
        "show",
        "show_databases",
        "show_tables",
        "show_tables_expanded",
        "storage_info",
        "table_info",
        "user_agent",
        "version",
    }
)
_PRAGMA = re.compile(r"\s*pragma\s+([A-Za-z_][A-Za-z_0-9]*)\s*(=)?", re.IGNORECASE)


def refusal(statement: Statement) -> str | None:
    """The one line refusing `statement`, or None when it may run."""
    leading = statement.leading_words(2)
    if any(leading[: len(words)] == words for words in ALLOWED):
        return None
    for rule in REFUSED:
        if leading[: len(rule.words)] == rule.words:
            return rule.reason
    pragma = _PRAGMA.match(statement.code)
    if pragma and (pragma.group(2) or pragma.group(1).lower() not in READING_PRAGMAS):
        readable = ", ".join(sorted(READING_PRAGMAS))
        return f"PRAGMA {pragma.group(1)} is refused: only the pragmas that read run here ({readable})."
    return None


def open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    """`db` opened read-only, with external access off and the configuration locked."""
    connection = duckdb.connect(
        str(db),
        read_only=True,
        config={
            "enable_external_access": False,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        },
    )
    connection.execute(f"SET TimeZone = '{TIME_ZONE}'")
    connection.execute("SET lock_configuration = true")
    return connection
