{#-
  The records of one extracted table that belong to each document's current version, with the
  document's id, site and reference date. Used by the incremental int_*__current models: on an
  incremental run only documents whose current version or extractor version changed are read
  (delete+insert on document_id), and prune_superseded_records() removes what a new version
  no longer has.
-#}
{% macro current_records(staging_model) -%}
with documents as (
    select document_id, document_url, content_hash, parser_version, extractor_version, site_id, reference_date
    from {{ ref('int_documents__current') }} as current_documents
    where extractor_version is not null
    {% if is_incremental() %}
        and {{ document_version_key('current_documents') }} not in (
            select {{ document_version_key('loaded') }} from {{ this }} as loaded
        )
    {% endif %}
)

select
    documents.document_id,
    documents.site_id,
    documents.reference_date,
    records.*
from {{ ref(staging_model) }} as records
inner join documents
    on records.document_url = documents.document_url
    and records.content_hash = documents.content_hash
    and records.parser_version = documents.parser_version
    and records.extractor_version = documents.extractor_version
{%- endmacro %}

{% macro prune_superseded_records() -%}
    delete from {{ this }}
    where {{ document_version_key(this) }} not in (
        select {{ document_version_key('current_documents') }}
        from {{ ref('int_documents__current') }} as current_documents
        where current_documents.extractor_version is not null
    )
{%- endmacro %}


{% macro document_version_key(relation) -%}
    concat_ws('|', {{ relation }}.document_id, {{ relation }}.content_hash, {{ relation }}.parser_version, {{ relation }}.extractor_version)
{%- endmacro %}
