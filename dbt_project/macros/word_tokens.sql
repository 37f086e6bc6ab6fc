{#-
  A text as its list of words, for matching names by an equi-join rather than a regex per row pair:
  Unicode letters, marks and digits make a word, every other run of characters separates two ("TP.HCM"
  is [tp, hcm], "Bà Rịa – Vũng Tàu" is [bà, rịa, vũng, tàu]). A name is found in a text where its words
  are a run of the text's words, which is what a regex bounded by non-letters on both sides found.
  Lower-cased unless `lowercase` is false (a country's name matches only as capitalised: "Anh" is the
  United Kingdom, "anh" is a brother). NFC first, so a name typed with combining marks still matches.
-#}
{% macro word_tokens(text, lowercase=true) -%}
    list_filter(
        string_split(
            regexp_replace(
                {% if lowercase %}lower({% endif %}nfc_normalize(coalesce({{ text }}, '')){% if lowercase %}){% endif %},
                '[^\pL\pN\pM]+', ' ', 'g'
            ),
            ' '
        ),
        lambda word: word <> ''
    )
{%- endmacro %}


{#-
  Names found in texts, by words: one row per (text, name) where the name's words are a run of the
  text's words, with the position of the run's first word. `texts` is a relation with the columns
  `text_key` and `tokens` (word_tokens of the text); `names` one with `name_key`, `name_tokens` and
  `name_first_token` (its first word). The first word is an equi-join on a hash table; only the few
  positions where a name's first word stands are compared in full.
-#}
{% macro names_found_in(texts, names) -%}
    select
        positions.text_key,
        names.name_key,
        positions.position,
        len(names.name_tokens) as token_count
    from (
        select text_key, tokens, generate_subscripts(tokens, 1) as position from {{ texts }}
    ) as positions
    inner join {{ names }} as names
        on names.name_first_token = positions.tokens[positions.position]
        and list_slice(positions.tokens, positions.position, positions.position + len(names.name_tokens) - 1)
            = names.name_tokens
{%- endmacro %}
