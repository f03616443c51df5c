-- Leaves are found by their position only. A unique index on the random response ids made every
-- append dirty one more B-tree page at each group commit: about a quarter of durable ingest. The
-- response row now records its leaf position (same row, no extra index), and lookups by response
-- go through the response's own primary key.
ALTER TABLE survey_responses ADD COLUMN leaf_index INTEGER;
UPDATE survey_responses
   SET leaf_index = (SELECT l.leaf_index FROM log_leaves l WHERE l.response_id = survey_responses.id);

CREATE TABLE log_leaves_by_position (
  unit TEXT NOT NULL,
  leaf_index INTEGER NOT NULL,
  response_id TEXT NOT NULL,
  leaf_hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  nodes TEXT NOT NULL,
  PRIMARY KEY (unit, leaf_index)
) WITHOUT ROWID;
INSERT INTO log_leaves_by_position (unit, leaf_index, response_id, leaf_hash, received_at, nodes)
  SELECT unit, leaf_index, response_id, leaf_hash, received_at, nodes FROM log_leaves;
DROP TABLE log_leaves;
ALTER TABLE log_leaves_by_position RENAME TO log_leaves;
