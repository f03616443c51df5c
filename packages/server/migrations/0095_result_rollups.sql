-- Result roll-ups (SQLite and PostgreSQL alike): the per-day aggregates (result_forms, result_items) summed per month
-- (`2026-03`), quarter (`2026-Q1`) and year (`2026`), kept in the same transaction as each
-- response, so a year of results reads one period's rows and a date range reads whole months,
-- quarters and years from here and only the days at its edges from the per-day tables.
-- `sipas-server rebuild-results --check` proves them equal to a recomputation from the responses.
CREATE TABLE result_rollup_forms (
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  questionnaire TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  field TEXT NOT NULL,
  source TEXT NOT NULL,
  forms INTEGER NOT NULL,
  PRIMARY KEY (unit, period, questionnaire, questionnaire_version, field, source)
);

CREATE TABLE result_rollup_items (
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
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
  PRIMARY KEY (unit, period, questionnaire, questionnaire_version, field, source, item)
);

-- The roll-ups of what is already stored: months, then quarters and years.
INSERT INTO result_rollup_forms
  SELECT unit, substr(day, 1, 7), questionnaire, questionnaire_version, field, source, SUM(forms)
  FROM result_forms GROUP BY unit, substr(day, 1, 7), questionnaire, questionnaire_version, field, source;
INSERT INTO result_rollup_items
  SELECT unit, substr(day, 1, 7), questionnaire, questionnaire_version, field, source, item, MIN(factor),
    SUM(n1), SUM(n2), SUM(n3), SUM(n4), SUM(n5), SUM(not_applicable)
  FROM result_items GROUP BY unit, substr(day, 1, 7), questionnaire, questionnaire_version, field, source, item;
INSERT INTO result_rollup_forms
  SELECT unit, substr(period, 1, 4) || '-Q' || ((CAST(substr(period, 6, 2) AS INTEGER) + 2) / 3), questionnaire, questionnaire_version, field, source, SUM(forms)
  FROM result_rollup_forms WHERE length(period) = 7 AND substr(period, 6, 1) <> 'Q'
  GROUP BY unit, substr(period, 1, 4) || '-Q' || ((CAST(substr(period, 6, 2) AS INTEGER) + 2) / 3), questionnaire, questionnaire_version, field, source;
INSERT INTO result_rollup_items
  SELECT unit, substr(period, 1, 4) || '-Q' || ((CAST(substr(period, 6, 2) AS INTEGER) + 2) / 3), questionnaire, questionnaire_version, field, source, item, MIN(factor),
    SUM(n1), SUM(n2), SUM(n3), SUM(n4), SUM(n5), SUM(not_applicable)
  FROM result_rollup_items WHERE length(period) = 7 AND substr(period, 6, 1) <> 'Q'
  GROUP BY unit, substr(period, 1, 4) || '-Q' || ((CAST(substr(period, 6, 2) AS INTEGER) + 2) / 3), questionnaire, questionnaire_version, field, source, item;
INSERT INTO result_rollup_forms
  SELECT unit, substr(period, 1, 4), questionnaire, questionnaire_version, field, source, SUM(forms)
  FROM result_rollup_forms WHERE length(period) = 7 AND substr(period, 6, 1) = 'Q'
  GROUP BY unit, substr(period, 1, 4), questionnaire, questionnaire_version, field, source;
INSERT INTO result_rollup_items
  SELECT unit, substr(period, 1, 4), questionnaire, questionnaire_version, field, source, item, MIN(factor),
    SUM(n1), SUM(n2), SUM(n3), SUM(n4), SUM(n5), SUM(not_applicable)
  FROM result_rollup_items WHERE length(period) = 7 AND substr(period, 6, 1) = 'Q'
  GROUP BY unit, substr(period, 1, 4), questionnaire, questionnaire_version, field, source, item;
