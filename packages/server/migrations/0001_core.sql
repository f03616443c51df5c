-- Units form a tree of any depth (province → commune/ward, or older three-level trees).
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent TEXT REFERENCES units(id),
  questionnaire TEXT NOT NULL,
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  address TEXT,
  complaints_url TEXT,
  -- Per-unit settings as JSON (feedback period, minimum forms, kiosk keys' hashes …).
  settings TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);
CREATE INDEX units_parent ON units(parent);

-- Questionnaires are data and versioned; a response names the version it answered.
CREATE TABLE questionnaires (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
