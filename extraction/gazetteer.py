"""The country gazetteer (extraction/rules/countries.toml) and the dbt seed made from it.

The extractor matches the Vietnamese names; the warehouse's dbt seed
`dbt_project/seeds/countries.csv` lists the same countries with their ISO codes and English
names. The seed is generated, never edited by hand:

    python -m extraction.gazetteer > dbt_project/seeds/countries.csv

and tests/test_countries.py fails when the two disagree.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from functools import cache

from extraction.rules import load

SEED_COLUMNS = ("country_code", "iso3_code", "name_vi", "name_en", "aliases_vi")


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    iso3: str  # ISO 3166-1 alpha-3
    name_en: str
    names_vi: tuple[str, ...]  # the common Vietnamese name first, then the other names
    home: bool  # Việt Nam: in the seed, but never a foreign country in an article


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the gazetteer, in the file's order."""
    return tuple(
        Country(code, entry["iso3"], entry["en"], tuple(entry["vi"]), entry.get("home", False))
        for code, entry in load("countries")["countries"].items()
    )


def seed_csv() -> str:
    """The dbt seed countries.csv: one row per country, by code; aliases joined by "|"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SEED_COLUMNS)
    for country in sorted(countries(), key=lambda country: country.code):
        first, *aliases = country.names_vi
        writer.writerow((country.code, country.iso3, first, country.name_en, "|".join(aliases)))
    return out.getvalue()


if __name__ == "__main__":
    sys.stdout.buffer.write(seed_csv().encode("utf-8"))  # UTF-8 whatever the locale
