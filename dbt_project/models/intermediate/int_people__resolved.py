"""People across articles: each person mention mapped to one person (warehouse.resolution).

A Python model because it clusters: mentions with the same name key are one person unless the text
tells them apart (different countries, or posts in organisations of different provinces). The logic
lives in warehouse/resolution.py (unit-tested in tests/test_resolution.py); this model only loads its
inputs, in the order the articles were published, and returns the rows.
"""

import pyarrow as pa

from warehouse.arrow_rows import rows_table
from warehouse.resolution import PersonMention, resolve_people


def model(dbt, session):  # dbt's signature; the refs are read through `dbt`
    dbt.config(materialized="table")
    organization_provinces = dict(
        dbt.ref("int_organizations__resolved")
        .query("t", "select name_as_written, province_name from t")
        .fetchall()
    )
    mentions = (
        dbt.ref("int_people__current")
        .query(
            "t",
            """select record_id, person_name, country_code,
                      list_filter(list_transform(roles, lambda r: r.organization), lambda o: o is not null)
               from t order by reference_date nulls last, document_url, record_ordinal""",
        )
        .fetchall()
    )

    resolved = resolve_people(
        (PersonMention(record_id, name, country, tuple(organizations))
         for record_id, name, country, organizations in mentions),
        organization_provinces,
    )  # fmt: skip
    schema = pa.schema(
        [
            ("record_id", pa.string()),
            ("person_id", pa.string()),
            ("name_key", pa.string()),
            ("namesakes", pa.int32()),
        ]
    )
    return rows_table(resolved, schema)
