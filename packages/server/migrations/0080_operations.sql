-- The yearly decisions on days off (Tết, the day beside Quốc khánh, swapped working days), as an
-- admin enters them; a unit without its own uses its nearest ancestor's, else the computed ones.
CREATE TABLE holiday_years (
  unit TEXT NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  -- JSON [{ "date": "2027-02-05", "name": "…" }]: every public holiday and day off of the year.
  days TEXT NOT NULL,
  -- JSON ["2027-02-20"]: weekend days made working days by the decision.
  working_days TEXT NOT NULL DEFAULT '[]',
  decision TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit, year)
);

-- An uploaded procedures file checked and waiting for an admin's confirmation in the desk.
CREATE TABLE procedure_imports (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL REFERENCES units(id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  -- The catalogue's ETag when previewed: confirming after someone else changed it is refused.
  base_etag TEXT NOT NULL,
  replace_all INTEGER NOT NULL,
  procedures TEXT NOT NULL,
  confirmed_at TEXT
);
