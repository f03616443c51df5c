-- Feedback and recommendations (PAKN). `id` is the client's UUID; `tracking_code` what the sender
-- reads aloud or types. The sender's contact details are personal data: only staff routes read them.
CREATE TABLE feedback_cases (
  id TEXT PRIMARY KEY,
  tracking_code TEXT NOT NULL UNIQUE,
  unit TEXT NOT NULL REFERENCES units(id),
  topic TEXT NOT NULL,
  procedure_code TEXT,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  sender_address TEXT NOT NULL,
  sender_phone TEXT NOT NULL,
  sender_email TEXT,
  -- Last four digits of the phone: the second way to look a case up.
  phone_tail TEXT NOT NULL,
  -- SHA-256 of the lookup secret; the secret itself is never stored.
  secret_hash TEXT NOT NULL,
  -- The exact consent text and its version, and when it was given.
  consent_version TEXT NOT NULL,
  consent_text TEXT NOT NULL,
  consent_at TEXT NOT NULL,
  -- SHA-256 of the canonical submission: a resend must match it exactly.
  body_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  due_on TEXT NOT NULL,
  routed_to TEXT,
  answer TEXT,
  answered_at TEXT,
  -- The public version, redacted by staff, and its search text (folded: no case, no diacritics).
  public_title TEXT,
  public_content TEXT,
  public_answer TEXT,
  published_at TEXT,
  search_text TEXT,
  emailed_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX feedback_cases_unit_status ON feedback_cases(unit, status, due_on);
CREATE INDEX feedback_cases_unit_received ON feedback_cases(unit, received_at);
CREATE INDEX feedback_cases_unit_published ON feedback_cases(unit, published_at);

-- The audit trail: every change of a case, numbered per case, never updated or deleted.
CREATE TABLE feedback_events (
  case_id TEXT NOT NULL REFERENCES feedback_cases(id),
  n INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  detail TEXT,
  PRIMARY KEY (case_id, n)
);
