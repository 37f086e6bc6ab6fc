-- An article reports what happened up to its own date. An event a report dates later must be
-- announced as coming (sẽ, dự kiến, sắp, kế hoạch...); anything else is a misread date.
select event_mention_id, event_date, reported_on, evidence_sentence
from {{ ref('fct_event_mention') }}
where reported_on is not null
  and event_date > reported_on
  and not regexp_matches(lower(evidence_sentence), '(sẽ|dự kiến|sắp|kế hoạch|chuẩn bị|tới đây|tiếp theo)')
