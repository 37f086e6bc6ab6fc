-- Amounts' roles (extraction/amount_roles.py): how the amounts of one text hang together, so that
-- analysts add up donations once. A conversion and a per-unit value are never donations by themselves,
-- a part is linked to its total, a cumulative total is flagged. Ordinals point at other amounts of the
-- same document version. Rows landed before this migration (an older extractor) read as donations;
-- raising EXTRACTOR_VERSION re-extracts them. Columns and comments are the registry's (extraction/kinds.py).
ALTER TABLE extracted.amounts ADD COLUMN role VARCHAR NOT NULL DEFAULT 'donation';
ALTER TABLE extracted.amounts ADD COLUMN converts_ordinal INTEGER;
ALTER TABLE extracted.amounts ADD COLUMN amount_vnd_stated DOUBLE;
ALTER TABLE extracted.amounts ADD COLUMN is_per_unit BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE extracted.amounts ADD COLUMN unit_of_ordinal INTEGER;
ALTER TABLE extracted.amounts ADD COLUMN unit_value DOUBLE;
ALTER TABLE extracted.amounts ADD COLUMN unit_count INTEGER;
ALTER TABLE extracted.amounts ADD COLUMN part_of_ordinal INTEGER;
ALTER TABLE extracted.amounts ADD COLUMN is_cumulative BOOLEAN NOT NULL DEFAULT false;
COMMENT ON COLUMN extracted.amounts.role IS 'donation, part, conversion or unit: a conversion or a unit value is never a donation by itself.';
COMMENT ON COLUMN extracted.amounts.converts_ordinal IS 'For a conversion (tương đương ...): the ordinal of the amount it restates in another currency.';
COMMENT ON COLUMN extracted.amounts.amount_vnd_stated IS 'The amount''s value in VND as the text states it (its conversion), when it does.';
COMMENT ON COLUMN extracted.amounts.is_per_unit IS 'The value of one gift, place or item (mỗi suất, đồng/suất, bình quân).';
COMMENT ON COLUMN extracted.amounts.unit_of_ordinal IS 'For a unit value: the ordinal of the total it is the unit value of, when the text names one.';
COMMENT ON COLUMN extracted.amounts.unit_value IS 'For a donation: the value of one of its units, when given.';
COMMENT ON COLUMN extracted.amounts.unit_count IS 'How many units the text gives (300 suất quà), when it does.';
COMMENT ON COLUMN extracted.amounts.part_of_ordinal IS 'For a part (trong đó ...): the ordinal of its total, so it is not counted twice.';
COMMENT ON COLUMN extracted.amounts.is_cumulative IS 'A total over years or many donations (từ năm 2015 đến nay, tổng cộng, lũy kế): not to be added up.';
