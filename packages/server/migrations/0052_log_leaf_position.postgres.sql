-- Leaves are found by their position only (see 0052_log_leaf_position.sqlite.sql): the response row
-- records its leaf position and the unique index on random response ids goes.
ALTER TABLE survey_responses ADD COLUMN leaf_index BIGINT;
UPDATE survey_responses r SET leaf_index = l.leaf_index FROM log_leaves l WHERE l.response_id = r.id;
ALTER TABLE log_leaves DROP CONSTRAINT log_leaves_response_id_key;
