"""Every report of a donation (int_aid__mentions) assigned to one real-world donation (warehouse.aid_facts).

A Python model because grouping reports needs interval arithmetic on written amounts and a
deterministic pass over them that SQL cannot say readably. The rules live in warehouse/aid_facts.py
(unit-tested in tests/test_aid_facts.py); this model only loads the reports and returns one row per
report: its donation's id, whether it is the report whose amount the donation shows, and the donation
its donation is a part of.
"""

import dataclasses

import pyarrow as pa

from warehouse.aid_facts import AidAssignment, AidMention, group_aid_mentions
from warehouse.arrow_rows import rows_table

_COLUMNS = [field.name for field in dataclasses.fields(AidMention)]
# the columns of int_aid__mentions holding each field of AidMention, where the names differ
_SOURCE = {"document_id": "article_id", "purpose": "purpose_text"}


def model(dbt, session):  # dbt's signature; the refs are read through `dbt`
    dbt.config(materialized="table")
    mentions = dbt.ref("int_aid__mentions")
    select = ", ".join(f"{_SOURCE.get(name, name)} as {name}" for name in _COLUMNS)
    rows = mentions.query("t", f"select {select} from t").fetchall()
    assignments = group_aid_mentions([AidMention(*row) for row in rows])
    schema = pa.schema(
        [
            ("record_id", pa.string()),
            ("aid_id", pa.string()),
            ("is_primary_mention", pa.bool_()),
            ("part_of_aid_id", pa.string()),
        ]
    )
    assert [field.name for field in dataclasses.fields(AidAssignment)] == schema.names
    return rows_table(assignments, schema)
