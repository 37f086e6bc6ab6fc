"""Every organisation name as written, mapped to one organisation (warehouse.resolution).

A Python model because resolving needs word-wise abbreviation expansion and tone-mark folding that
SQL cannot say readably. The logic lives in warehouse/resolution.py (unit-tested in
tests/test_resolution.py); this model only loads its inputs and returns the rows. Names come from the
organisation mentions, from the organisations in people's titles (with the post, which makes a
country's name an embassy or a consulate) and from aid donors and recipients that are names
(capitalised). The seeds: organization_abbreviations, organization_heads, organization_aliases,
foreign_organizations (well-known foreign agencies and NGOs with their home country), provinces,
location_aliases and countries. One output row per distinct written name, so facts join on the name
as written.
"""

import dataclasses

import pyarrow as pa

from warehouse.arrow_rows import rows_table
from warehouse.resolution import (
    ForeignOrganization,
    OrganizationAlias,
    OrganizationSeeds,
    ResolvedOrganization,
    WrittenOrganization,
    resolve_organizations,
)


def _rows(relation, sql: str) -> list[tuple]:
    """Rows of `sql` run over a model or seed, which the query calls `t`."""
    return relation.query("t", sql).fetchall()


def model(dbt, session):  # dbt's signature; the refs are read through `dbt`
    dbt.config(materialized="table")
    # dbt finds refs by reading this file, and not inside comprehensions: each is read into a name first
    aliases = _rows(
        dbt.ref("organization_aliases"), "select alias, canonical_name, acronym, organization_kind from t"
    )
    foreign = _rows(
        dbt.ref("foreign_organizations"),
        "select name, acronym, country_code, organization_kind, aliases from t",
    )
    provinces = _rows(dbt.ref("provinces"), "select province_name from t")
    seeds = OrganizationSeeds.from_rows(
        abbreviations=_rows(dbt.ref("organization_abbreviations"), "select abbreviation, expansion from t"),
        aliases=[OrganizationAlias(*row) for row in aliases],
        provinces=[name for (name,) in provinces],
        location_aliases=_rows(dbt.ref("location_aliases"), "select alias, province_name from t"),
        countries=_rows(dbt.ref("countries"), "select name_vi, country_code, aliases_vi from t"),
        heads=_rows(dbt.ref("organization_heads"), "select head, full_head from t"),
        foreign=[
            ForeignOrganization(name, acronym, country, kind, tuple(names.split("|")) if names else ())
            for name, acronym, country, kind, names in foreign
        ],
    )

    # in a fixed order: an acronym written beside two names joins the last one read
    written = _rows(
        dbt.ref("int_organizations__current"),
        "select organization_name, acronym, country_code, null from t order by all",
    )
    # a person's organisation with their post: "Hoa Kỳ tại Việt Nam" of an "Đại sứ" is the embassy
    written += _rows(
        dbt.ref("int_people__current"),
        """select distinct role.organization, null, null, role.position
           from (select unnest(roles) as role from t) where role.organization is not null
           order by all""",
    )
    written += _rows(
        dbt.ref("int_amounts__current"),
        """select distinct party, null, null, null from (
               select donor_text as party from t union all select recipient_text from t
           ) where regexp_matches(party, '^[[:upper:]]') order by all""",
    )

    resolved = resolve_organizations([WrittenOrganization(*row) for row in written], seeds)
    schema = pa.schema([(column.name, pa.string()) for column in dataclasses.fields(ResolvedOrganization)])
    return rows_table(resolved, schema)
