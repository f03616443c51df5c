-- A unit's administrative procedures (TTHC). `body` is the whole Procedure as JSON; the columns
-- beside it are what the list and its search need, so the list never parses the bodies.
CREATE TABLE procedures (
  unit TEXT NOT NULL REFERENCES units(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  field TEXT NOT NULL,
  online_level TEXT,
  online INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  -- SHA-256 of the canonical body: the detail's ETag, and what the catalogue's ETag is built from.
  body_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit, code)
);

-- One row per unit with procedures: the catalogue's ETag, recomputed after every change.
CREATE TABLE procedure_catalogues (
  unit TEXT PRIMARY KEY REFERENCES units(id),
  etag TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
