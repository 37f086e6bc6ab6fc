-- One row per report of a donation: which donation (fct_aid) it reports, in which article, the amount
-- as that article writes it, and the sentence and offsets it was read from.
select
    {{ generate_surrogate_key(['mentions.article_id', 'mentions.evidence_start']) }} as aid_mention_id,
    facts.aid_id,
    mentions.article_id,
    mentions.site_id,
    mentions.reported_on,
    mentions.amount_role,
    mentions.amount_text,
    mentions.conversion_text,
    mentions.amount_value,
    mentions.amount_value_max,
    mentions.currency_code,
    mentions.qualifier,
    mentions.amount_vnd_stated,
    mentions.unit_value,
    mentions.unit_count,
    mentions.is_cumulative,
    facts.is_primary_mention,
    mentions.donor_text,
    mentions.recipient_text,
    mentions.purpose_text,
    mentions.evidence_sentence,
    mentions.evidence_start,
    mentions.evidence_end,
    mentions.record_id
from {{ ref('int_aid__mentions') }} as mentions
inner join {{ ref('int_aid__facts') }} as facts using (record_id)
