"""People across articles: each person mention mapped to one person.

A Python model because it clusters. Mentions with the same folded name are one
person unless they conflict: different countries, or both name organisations
and share none. Mentions that name no organisation join the largest
compatible cluster (namesakes stay apart only when the text tells them apart).
The person id is a hash of the name and the cluster's country and first
organisation, so it stays put while articles are added.
"""

import hashlib
import re
import unicodedata
from collections import Counter

import pyarrow as pa


def fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", text).strip()


class Cluster:
    def __init__(self) -> None:
        self.records: list[str] = []
        self.countries: Counter[str] = Counter()
        self.organizations: Counter[str] = Counter()

    def accepts(self, country: str | None, organizations: set[str]) -> bool:
        if country and self.countries and country not in self.countries:
            return False
        # two lists of organisations that share none describe two people
        return not (organizations and self.organizations and not organizations & set(self.organizations))

    def add(self, record_id: str, country: str | None, organizations: set[str]) -> None:
        self.records.append(record_id)
        if country:
            self.countries[country] += 1
        self.organizations.update(organizations)


def model(dbt, session):  # dbt's signature; the refs are read through `dbt`
    dbt.config(materialized="table")
    organization_of = dict(
        dbt.ref("int_organizations__resolved")
        .query("t", "select name_as_written, organization_id from t")
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

    by_name: dict[str, list[tuple[str, str | None, set[str]]]] = {}
    for record_id, name, country, organizations in mentions:
        ids = {organization_of[o] for o in organizations if o in organization_of}
        by_name.setdefault(fold(name), []).append((record_id, country, ids))

    rows = []
    for name_key, group in by_name.items():
        clusters: list[Cluster] = []
        # mentions that tell people apart first, the vague ones after
        for record_id, country, ids in sorted(group, key=lambda m: (not m[2], not m[1])):
            fits = [c for c in clusters if c.accepts(country, ids)]
            if fits:
                max(fits, key=lambda c: len(c.records)).add(record_id, country, ids)
            else:
                cluster = Cluster()
                cluster.add(record_id, country, ids)
                clusters.append(cluster)
        for cluster in clusters:
            country = cluster.countries.most_common(1)[0][0] if cluster.countries else ""
            first_org = min(cluster.organizations) if cluster.organizations else ""
            person_id = hashlib.md5(f"{name_key}|{country}|{first_org}".encode()).hexdigest()
            rows += [
                {
                    "record_id": record_id,
                    "person_id": person_id,
                    "name_key": name_key,
                    "namesakes": len(clusters),
                }
                for record_id in cluster.records
            ]
    schema = pa.schema(
        [
            ("record_id", pa.string()),
            ("person_id", pa.string()),
            ("name_key", pa.string()),
            ("namesakes", pa.int32()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)
