"""Text in, records out: directives, people, organisations, money, events and
countries from a Vietnamese article, each with its evidence.

Pure by design: no I/O, no network, no database, so the same function serves
the CLI, the warehouse's extraction step and the tests.
"""

from __future__ import annotations

from datetime import date

from extraction.aid_parties import add_parties
from extraction.amount_roles import add_roles
from extraction.countries import find_countries
from extraction.directives import find_directives
from extraction.events import find_events
from extraction.money import find_amounts
from extraction.people import find_people
from extraction.records import Extraction
from extraction.text import prepare

# Raise when a change alters what is extracted: the warehouse re-extracts every
# stored document whose records came from another version.
EXTRACTOR_VERSION = "5"  # 5 (issue 16): foreign names and places, dated events, aid and countries, round two
# 4: amounts' roles (conversion, per-unit, part, cumulative), parties as entities;
# event participants with kind and country, events' last day and publication-dated flag;
# directive titles that are each document's own subject (ending before the next document)


def extract(text: str, published_on: date | None = None) -> Extraction:
    doc = prepare(text, published_on)
    directives, relations = find_directives(doc)
    people, organizations = find_people(doc)
    countries = find_countries(doc)
    return Extraction(
        text=doc.text,
        published_on=doc.published_on,
        directives=directives,
        relations=relations,
        people=people,
        organizations=organizations,
        amounts=add_parties(doc, add_roles(doc, find_amounts(doc)), [*organizations, *people]),
        events=find_events(doc, people, organizations, countries),
        countries=countries,
    )


__all__ = ["EXTRACTOR_VERSION", "Extraction", "extract"]
