-- Channels and witness cosignatures: see 0060_channels_witnesses.sqlite.sql.
ALTER TABLE survey_responses ADD COLUMN source TEXT;

ALTER TABLE result_forms ADD COLUMN source TEXT NOT NULL DEFAULT 'legacy';
ALTER TABLE result_forms ALTER COLUMN source DROP DEFAULT;
ALTER TABLE result_forms DROP CONSTRAINT result_forms_pkey;
ALTER TABLE result_forms ADD PRIMARY KEY (unit, day, questionnaire, questionnaire_version, field, source);

ALTER TABLE result_items ADD COLUMN source TEXT NOT NULL DEFAULT 'legacy';
ALTER TABLE result_items ALTER COLUMN source DROP DEFAULT;
ALTER TABLE result_items DROP CONSTRAINT result_items_pkey;
ALTER TABLE result_items ADD PRIMARY KEY (unit, day, questionnaire, questionnaire_version, field, source, item);

CREATE TABLE log_cosignatures (
  unit TEXT NOT NULL,
  witness TEXT NOT NULL,
  size BIGINT NOT NULL,
  root TEXT NOT NULL,
  signed_time BIGINT NOT NULL,
  line TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (unit, witness, size)
);
