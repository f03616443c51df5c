-- Accepted survey responses. `seq` orders them as received; `id` is the client's UUID.
-- No IP address or other personal data is stored with the answers.
CREATE TABLE survey_responses (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  unit TEXT NOT NULL REFERENCES units(id),
  questionnaire TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  dossier TEXT,
  procedure_code TEXT,
  field TEXT,
  channel TEXT NOT NULL,
  answers TEXT NOT NULL,
  submitted_at TEXT,
  received_at TEXT NOT NULL,
  -- SHA-256 of the canonical payload: a resend must match it exactly.
  body_hash TEXT NOT NULL,
  receipt TEXT NOT NULL
);
-- A dossier (mã hồ sơ) counts once per unit.
CREATE UNIQUE INDEX survey_responses_dossier ON survey_responses(unit, dossier) WHERE dossier IS NOT NULL;
CREATE INDEX survey_responses_unit_received ON survey_responses(unit, received_at);
