-- Staff accounts per unit. Passwords are stored as scrypt hashes with their parameters.
CREATE TABLE staff_users (
  id TEXT PRIMARY KEY,
  unit TEXT NOT NULL REFERENCES units(id),
  username TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (unit, username)
);

-- Sessions: only the SHA-256 of the bearer token is kept.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES staff_users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions(user_id);
