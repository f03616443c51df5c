-- Running result aggregates, maintained inside every survey insert's transaction so that reading
-- a unit's results never scans responses. `day` is the calendar day in Vietnam time (UTC+7) the
-- response was received; `field` is the response's department/field (lĩnh vực), '' when none.
-- `sipas-server rebuild-results` recomputes both tables from survey_responses.
CREATE TABLE result_forms (
  unit TEXT NOT NULL,
  day TEXT NOT NULL,
  questionnaire TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  field TEXT NOT NULL,
  forms INTEGER NOT NULL,
  PRIMARY KEY (unit, day, questionnaire, questionnaire_version, field)
);

-- One row per scored criterion: n1 … n5 count the answers 1 … 5, not_applicable "không áp dụng".
CREATE TABLE result_items (
  unit TEXT NOT NULL,
  day TEXT NOT NULL,
  questionnaire TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  field TEXT NOT NULL,
  item TEXT NOT NULL,
  factor TEXT NOT NULL,
  n1 INTEGER NOT NULL,
  n2 INTEGER NOT NULL,
  n3 INTEGER NOT NULL,
  n4 INTEGER NOT NULL,
  n5 INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  PRIMARY KEY (unit, day, questionnaire, questionnaire_version, field, item)
);
