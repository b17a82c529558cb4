-- What the stored figures were computed with (catalogue version, confidentiality
-- threshold, computation revision): a start recomputes every year only when it changed.
alter table observatory_state add column computed_with text;
