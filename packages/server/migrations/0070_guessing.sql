-- Failed staff sign-ins per account (unit + username), whatever address they come from: each
-- failure past the free ones locks the account for longer. Names that do not exist are counted
-- alike, so the answer never tells which accounts exist. An admin can unlock.
CREATE TABLE sign_in_failures (
  unit TEXT NOT NULL,
  username TEXT NOT NULL,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  last_failure_at TEXT NOT NULL,
  PRIMARY KEY (unit, username)
);

-- Wrong "last four phone digits" per feedback case: after a few, only the secret opens the case.
ALTER TABLE feedback_cases ADD COLUMN phone_failures INTEGER NOT NULL DEFAULT 0;
