-- The admin area (docs/operations.md, "Quản trị"): kiosk keys get their own table so that a revoked
-- key is refused by the very next request in every server process (the unit row is cached in
-- memory for a few seconds; this table is read on each kiosk request, never cached), and every
-- admin change is recorded. 0090_admin.sqlite.sql is the same with SQLite's JSON functions.
CREATE TABLE kiosk_keys (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL REFERENCES units(id),
  label TEXT NOT NULL,
  -- SHA-256 of the key; NULL until the tablet pairs (the key does not exist before).
  sha256 TEXT UNIQUE,
  -- SHA-256 of the one-time pairing code shown as a QR in the desk; NULL once spent.
  pairing_hash TEXT UNIQUE,
  pairing_expires_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT,
  paired_at TEXT,
  revoked_at TEXT,
  revoked_by TEXT
);
CREATE INDEX kiosk_keys_unit ON kiosk_keys(unit);

-- Keys issued before this table, from units.settings.kioskKeys: paired already, created by the CLI.
INSERT INTO kiosk_keys (id, unit, label, sha256, created_at, paired_at)
SELECT k.value ->> 'id', u.id, k.value ->> 'label', k.value ->> 'sha256', k.value ->> 'createdAt', k.value ->> 'createdAt'
FROM units u CROSS JOIN LATERAL jsonb_array_elements(COALESCE(u.settings::jsonb -> 'kioskKeys', '[]'::jsonb)) AS k(value);
UPDATE units SET settings = (settings::jsonb - 'kioskKeys')::text WHERE settings::jsonb -> 'kioskKeys' IS NOT NULL;

-- Who changed what, when: one row per admin change; secrets never appear in `detail`.
CREATE TABLE admin_changes (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX admin_changes_unit_at ON admin_changes(unit, at, id);
