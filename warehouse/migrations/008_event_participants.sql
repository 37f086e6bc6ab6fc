-- Events' participants (extraction/event_participants.py): each one a person, an organisation or a
-- delegation, with its country and where the text names it, instead of a list of names; and the
-- dates two reports of one event are compared by: the last day of a multi-day activity, and whether
-- the day was counted from the publication date. Rows landed before this migration (an older
-- extractor) lose their names and read as dated by the text; raising EXTRACTOR_VERSION re-extracts
-- them. Columns and comments are the registry's (extraction/kinds.py).
ALTER TABLE extracted.events DROP COLUMN participants;
ALTER TABLE extracted.events ADD COLUMN end_date DATE;
ALTER TABLE extracted.events ADD COLUMN dated_by_publication BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE extracted.events ADD COLUMN participants
    STRUCT(name VARCHAR, kind VARCHAR, country VARCHAR, span_start INTEGER, span_end INTEGER)[] NOT NULL DEFAULT [];
COMMENT ON COLUMN extracted.events.end_date IS 'The last day of a multi-day activity, when the text gives it.';
COMMENT ON COLUMN extracted.events.dated_by_publication IS 'The day was counted from the publication date (hôm qua, sáng nay), not written.';
COMMENT ON COLUMN extracted.events.participants IS 'Who took part, wherever the text names them: name, kind (person, organization or delegation), ISO country code when known, and the offsets of the words naming them.';
