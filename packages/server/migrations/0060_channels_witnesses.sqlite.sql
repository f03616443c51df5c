-- Channels (docs/survey.md): how each response came, decided by the server — `dossier` (a token
-- the unit signed), `kiosk` (the unit's kiosk key), `web` (the open web). NULL: received before
-- channels existed (reported as "legacy"). The aggregates are keyed by channel too, so results
-- show each channel beside the total and a unit publishes only the channels it chose.
ALTER TABLE survey_responses ADD COLUMN source TEXT;

CREATE TABLE result_forms_new (
  unit TEXT NOT NULL,
  day TEXT NOT NULL,
  questionnaire TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  field TEXT NOT NULL,
  source TEXT NOT NULL,
  forms INTEGER NOT NULL,
  PRIMARY KEY (unit, day, questionnaire, questionnaire_version, field, source)
);
INSERT INTO result_forms_new SELECT unit, day, questionnaire, questionnaire_version, field, 'legacy', forms FROM result_forms;
DROP TABLE result_forms;
ALTER TABLE result_forms_new RENAME TO result_forms;

CREATE TABLE result_items_new (
  unit TEXT NOT NULL,
  day TEXT NOT NULL,
  questionnaire TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  field TEXT NOT NULL,
  source TEXT NOT NULL,
  item TEXT NOT NULL,
  factor TEXT NOT NULL,
  n1 INTEGER NOT NULL,
  n2 INTEGER NOT NULL,
  n3 INTEGER NOT NULL,
  n4 INTEGER NOT NULL,
  n5 INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  PRIMARY KEY (unit, day, questionnaire, questionnaire_version, field, source, item)
);
INSERT INTO result_items_new SELECT unit, day, questionnaire, questionnaire_version, field, 'legacy', item, factor, n1, n2, n3, n4, n5, not_applicable FROM result_items;
DROP TABLE result_items;
ALTER TABLE result_items_new RENAME TO result_items;

-- Witness cosignatures (C2SP tlog-cosignature) of a unit's checkpoints: one per witness key and
-- tree size, kept as the line appended to the served checkpoint and printed on the minutes.
CREATE TABLE log_cosignatures (
  unit TEXT NOT NULL,
  witness TEXT NOT NULL,
  size INTEGER NOT NULL,
  root TEXT NOT NULL,
  signed_time INTEGER NOT NULL,
  line TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (unit, witness, size)
);
