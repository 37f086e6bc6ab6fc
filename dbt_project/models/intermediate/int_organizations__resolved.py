"""Every organisation name as written, mapped to one organisation.

A Python model because resolving needs word-wise abbreviation expansion and
tone-mark folding that SQL cannot say readably. Names come from the
organisation mentions, from the organisations in people's titles and from aid
donors and recipients that are names (capitalised). Steps for one name:

1. expand abbreviations word by word (seed organization_abbreviations:
   "Liên hiệp CTCHN thành phố Cần Thơ" -> "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ");
2. fold case, tone-mark placement ("Uỷ" / "Ủy") and spacing into a key;
3. map the key through the seed organization_aliases ("Liên hiệp Cần Thơ", "VUFO");
4. an acronym written alone joins the full name it was given beside ("... Việt Nam (VUFO)").

One output row per distinct written name, so facts join on the name as written.
"""

import hashlib
import re
import unicodedata
from collections import Counter

import pyarrow as pa

_TONE_PLACEMENT = {
    "uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}  # fmt: skip
_TONE = re.compile("|".join(_TONE_PLACEMENT))
_KINDS = [  # first match wins: the words an organisation's name starts with, or contains
    ("friendship_union", r"^liên hiệp các tổ chức hữu nghị"),
    ("friendship_association", r"^hội hữu nghị|^hội .*hữu nghị"),
    ("front", r"mặt trận"),
    ("party", r"^ban bí thư|^bộ chính trị|^ban chấp hành|^ban thường vụ|^ban .* đảng|^ban đối ngoại|"
     r"^thành ủy|^tỉnh ủy|^huyện ủy|^đảng"),
    ("state", r"^ủy ban nhân dân|^hội đồng nhân dân|^sở |^bộ |^chính phủ|^quốc hội|^thủ tướng|^văn phòng"),
    ("diplomatic_mission", r"^đại sứ quán|^tổng lãnh sự|^lãnh sự|^đại sứ"),
    ("company", r"^công ty|^tập đoàn|^ngân hàng|^doanh nghiệp"),
    ("school", r"^trường|^đại học|^học viện"),
    ("association", r"^hội |^liên hiệp|^liên đoàn|^quỹ|^tổ chức|^câu lạc bộ|^đoàn"),
]  # fmt: skip

_VIETNAMESE_KINDS = {"friendship_union", "front", "party", "state"}


def fold(text: str) -> str:
    """The matching key of a name: NFC, lower case, one tone placement, single spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _TONE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], text)
    return re.sub(r"\s+", " ", re.sub(r"\s*[-–]\s*", " - ", text)).strip(" .,;:-–")


def expand(name: str, abbreviations: dict[str, str]) -> str:
    words = []
    for word in name.split():
        bare = word.strip(",.;:()")
        words.append(word.replace(bare, abbreviations[bare]) if bare in abbreviations else word)
    return " ".join(words)


def _id(key: str) -> str:
    return hashlib.md5(key.encode("utf-8")).hexdigest()


def _kind(key: str) -> str:
    for kind, pattern in _KINDS:
        if re.search(pattern, key):
            return kind
    return "other"


def _province(key: str, provinces: dict[str, str]) -> str | None:
    found = [
        (len(alias), name)
        for alias, name in provinces.items()
        if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", key)
    ]
    return max(found)[1] if found else None


def _rows(relation, sql: str) -> list[tuple]:
    """Rows of `sql` run over a model or seed, which the query calls `t`."""
    return relation.query("t", sql).fetchall()


def model(dbt, session):  # dbt's signature; the refs are read through `dbt`
    dbt.config(materialized="table")
    abbreviations = dict(
        _rows(dbt.ref("organization_abbreviations"), "select abbreviation, expansion from t")
    )
    aliases = {
        fold(expand(alias, abbreviations)): (canonical, acronym, kind)
        for alias, canonical, acronym, kind in _rows(
            dbt.ref("organization_aliases"), "select alias, canonical_name, acronym, organization_kind from t"
        )
    }
    provinces = {fold(name): name for (name,) in _rows(dbt.ref("provinces"), "select province_name from t")}
    provinces |= {
        fold(alias): name
        for alias, name in _rows(dbt.ref("location_aliases"), "select alias, province_name from t")
    }
    countries = dict(
        _rows(dbt.ref("countries"), "select lower(name_vi), country_code from t where country_code <> 'VN'")
    )

    written: list[tuple[str, str | None, str | None]] = []  # name, acronym, country
    written += _rows(
        dbt.ref("int_organizations__current"), "select organization_name, acronym, country_code from t"
    )
    written += _rows(
        dbt.ref("int_people__current"),
        """select distinct role.organization, null, null
           from (select unnest(roles) as role from t) where role.organization is not null""",
    )
    written += _rows(
        dbt.ref("int_amounts__current"),
        """select distinct party, null, null from (
               select donor_text as party from t union all select recipient_text from t
           ) where regexp_matches(party, '^[[:upper:]]')""",
    )

    acronym_of: dict[str, str] = {}  # folded acronym -> folded full name it stood beside
    for name, acronym, _ in written:
        if acronym and acronym != name:
            acronym_of[fold(acronym)] = fold(expand(name, abbreviations))

    groups: dict[str, dict] = {}
    mapping: dict[str, str] = {}  # written name -> key
    for name, acronym, country in written:
        key = fold(expand(name, abbreviations))
        key = acronym_of.get(key, key)
        canonical, seed_acronym, seed_kind = aliases.get(key, (None, None, None))
        if canonical:
            key = fold(expand(canonical, abbreviations))
        group = groups.setdefault(
            key,
            {"names": Counter(), "acronyms": Counter(), "countries": Counter(), "canonical": canonical,
             "acronym": seed_acronym, "kind": seed_kind},
        )  # fmt: skip
        group["names"][expand(name, abbreviations)] += 1
        if acronym:
            group["acronyms"][acronym] += 1
        if country:
            group["countries"][country] += 1
        mapping[name] = key

    resolved = {}
    for key, group in groups.items():
        display = group["canonical"] or max(
            group["names"], key=lambda n: (group["names"][n], n[:1].isupper(), n)
        )
        kind = group["kind"] or _kind(key)
        named_country = next(
            (code for vi, code in countries.items() if re.search(rf"(?<!\w){re.escape(vi)}(?!\w)", key)), None
        )
        resolved[key] = {
            "organization_id": _id(key),
            "organization_name": display,
            "acronym": group["acronym"]
            or (group["acronyms"].most_common(1)[0][0] if group["acronyms"] else None),
            "organization_kind": kind,
            "country_code": (group["countries"].most_common(1)[0][0] if group["countries"] else None)
            or named_country
            or ("VN" if kind in _VIETNAMESE_KINDS else None),
            "province_name": _province(key, provinces),
            "name_key": key,
        }

    rows = [{"name_as_written": name, **resolved[key]} for name, key in sorted(mapping.items())]
    schema = pa.schema(
        [(column, pa.string()) for column in
         ("name_as_written", "organization_id", "organization_name", "acronym", "organization_kind",
          "country_code", "province_name", "name_key")]
    )  # fmt: skip
    return pa.Table.from_pylist(rows, schema=schema)
