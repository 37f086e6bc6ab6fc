-- Extracted people of every document's current version (incremental: only changed documents are read).
{{ config(
    materialized='incremental',
    unique_key='document_id',
    incremental_strategy='delete+insert',
    post_hook="{{ prune_superseded_records() }}",
) }}

{{ current_records('stg_extracted__people') }}
