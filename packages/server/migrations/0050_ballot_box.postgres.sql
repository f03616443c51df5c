-- PostgreSQL twin of 0050_ballot_box.sqlite.sql (which only adds WITHOUT ROWID).
-- The digital sealed ballot box: one append-only RFC 6962 Merkle tree per unit (docs/ballot-box.md).
-- Hashes are lowercase hex. Nothing here is ever updated or deleted except the head row.

-- One row per accepted response, in the order appended. `leaf_hash` is level 0 of the tree;
-- `nodes` holds the subtrees this leaf completes (comma-separated hex, level 1 upward): node
-- `idx` at `level` covers leaves [idx·2^level, (idx+1)·2^level) and is kept on leaf
-- (idx+1)·2^level − 1. An append completes one on average, so any root or proof needs O(log n)
-- reads and never rehashes the tree — and the ingest transaction touches no extra table for them.
CREATE TABLE log_leaves (
  unit TEXT NOT NULL,
  leaf_index INTEGER NOT NULL,
  response_id TEXT NOT NULL UNIQUE,
  -- SHA-256(0x00 ‖ canonical entry bytes), see @sipas/schema log.ts.
  leaf_hash TEXT NOT NULL,
  -- Copied from the response: the opening counts a period from the log itself.
  received_at TEXT NOT NULL,
  nodes TEXT NOT NULL,
  PRIMARY KEY (unit, leaf_index)
);

-- The head of each unit's tree: its size and the right-edge "frontier" (roots of the perfect
-- subtrees the size decomposes into, largest first, as a JSON array); the root is their fold.
CREATE TABLE log_heads (
  unit TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  frontier TEXT NOT NULL
);

-- Checkpoints the server signed (the signed note text), so the same size is signed once and an
-- opening can point at the exact text it printed.
CREATE TABLE log_checkpoints (
  unit TEXT NOT NULL,
  size INTEGER NOT NULL,
  root TEXT NOT NULL,
  key_id TEXT NOT NULL,
  note TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (unit, size, key_id)
);

-- The audit record of each opening of the box (biên bản mở hòm phiếu): who, when, what it showed.
CREATE TABLE log_openings (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL,
  number INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  size INTEGER NOT NULL,
  -- The whole minutes as JSON (BallotOpening), exactly as returned and printed.
  body TEXT NOT NULL,
  UNIQUE (unit, number)
);
