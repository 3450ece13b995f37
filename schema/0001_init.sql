-- cancelog schema, version 1: the whole data model of SPEC.md.
--
-- Conventions
--   * Calendar dates are TEXT 'YYYY-MM-DD' in the user's local calendar.
--   * Instants are TEXT 'YYYY-MM-DDTHH:MM:SSZ' in UTC, so that text order is time order.
--   * Enumerations are TEXT with a CHECK, so that the file stays readable with plain sqlite3.
--   * Ids use AUTOINCREMENT: an id is never reused, even after `undo` removed its row, so a
--     case number written on paper can never come to mean another case.

-- The operator directory. Names match case-insensitively ("azercell" finds "Azercell").
CREATE TABLE operators (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  name    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  country TEXT NOT NULL DEFAULT '' CHECK (country = '' OR country GLOB '[A-Z][A-Z]'),
  hotline TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  note    TEXT NOT NULL DEFAULT ''
);

-- E.164 prefix -> operator. Only a hint: numbers are portable between operators.
CREATE TABLE prefix_hints (
  prefix      TEXT PRIMARY KEY CHECK (prefix GLOB '+[0-9]*'),
  operator_id INTEGER NOT NULL REFERENCES operators (id) ON DELETE CASCADE
) WITHOUT ROWID;

-- A cancellation request.
CREATE TABLE cases (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid              TEXT NOT NULL UNIQUE,
  number            TEXT NOT NULL CHECK (number GLOB '+[1-9][0-9]*'),   -- E.164
  number_raw        TEXT NOT NULL,                                       -- as the user typed it
  operator_id       INTEGER NOT NULL REFERENCES operators (id),
  operator_inferred INTEGER NOT NULL DEFAULT 0 CHECK (operator_inferred IN (0, 1)),
  card              TEXT NOT NULL CHECK (card IN ('prepaid', 'postpaid')),
  channel           TEXT NOT NULL CHECK (channel IN ('store', 'online', 'phone', 'other')),
  requested_on      TEXT NOT NULL,
  receipt           TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'requested'
                    CHECK (status IN ('requested', 'pending', 'action-needed', 'no-answer',
                                      'confirmed', 'rejected', 'withdrawn')),
  next_check_on     TEXT,                                                -- NULL: no reminder
  note              TEXT NOT NULL DEFAULT '',
  follows           INTEGER REFERENCES cases (id) ON DELETE SET NULL,    -- the rejected case this one retries
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX cases_number ON cases (number);
CREATE INDEX cases_status ON cases (status);
CREATE INDEX cases_requested_on ON cases (requested_on, id);
-- `due` reads only cases that still have a reminder.
CREATE INDEX cases_next_check_on ON cases (next_check_on) WHERE next_check_on IS NOT NULL;

-- A status check: what the operator said when the user asked.
CREATE TABLE checks (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  checked_at TEXT NOT NULL,
  method     TEXT NOT NULL CHECK (method IN ('phone', 'online', 'store', 'sms', 'other')),
  outcome    TEXT NOT NULL
             CHECK (outcome IN ('pending', 'action-needed', 'no-answer', 'confirmed', 'rejected')),
  reference  TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  imported   INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),   -- made by `import` from a status column
  created_at TEXT NOT NULL
);
CREATE INDEX checks_case ON checks (case_id, checked_at);

-- Ticked checklist items; an item without a row is not ticked.
CREATE TABLE checklist (
  case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  item      TEXT NOT NULL
            CHECK (item IN ('no-arrears', 'balance-used', 'data-backed-up', 'accounts-moved',
                            'receipt-kept', 'number-dead', 'sim-destroyed', 'final-bill-settled')),
  ticked_at TEXT NOT NULL,
  PRIMARY KEY (case_id, item)
) WITHOUT ROWID;

-- Receipt files kept inside the database. The content column comes last so that reading
-- the other columns never touches the BLOB's overflow pages.
CREATE TABLE receipt_files (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  name       TEXT NOT NULL CHECK (length(name) > 0),
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL CHECK (size >= 0),
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),                 -- lower-case hex
  added_at   TEXT NOT NULL,
  content    BLOB NOT NULL,
  UNIQUE (case_id, name)
);

-- Settings changed by the user; keys absent here take the program's defaults.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per changing command: the unit that `undo` reverts.
CREATE TABLE event_groups (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  command   TEXT NOT NULL,                                  -- 'add', 'check', 'undo', ...
  undoes    INTEGER REFERENCES event_groups (id),           -- set on the group an `undo` wrote
  undone_by INTEGER REFERENCES event_groups (id)            -- set on the group it reverted
);

-- The append-only history. old/new are JSON values (a whole row for creations).
-- case_id..case_last names a range of cases for bulk events (`import`); single-case events
-- leave case_last NULL. There is no foreign key to cases: history outlives an undone case.
CREATE TABLE events (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id  INTEGER NOT NULL REFERENCES event_groups (id),
  case_id   INTEGER,
  case_last INTEGER,
  kind      TEXT NOT NULL,
  field     TEXT,
  old       TEXT,
  new       TEXT
);
CREATE INDEX events_case ON events (case_id);
CREATE INDEX events_range ON events (case_last) WHERE case_last IS NOT NULL;
CREATE INDEX events_group ON events (group_id);

-- Seed data: the first market, Azerbaijan.
INSERT INTO operators (name, country, hotline, website, note) VALUES
  ('Azercell', 'AZ', '*1111', 'azercell.com', 'contact centre *1111'),
  ('Bakcell', 'AZ', '555', 'bakcell.com', 'information centre 555'),
  ('Nar', 'AZ', '', 'nar.az', '');

INSERT INTO prefix_hints (prefix, operator_id)
  SELECT p.prefix, o.id FROM (
    SELECT '+99410' AS prefix, 'Azercell' AS name UNION ALL
    SELECT '+99450', 'Azercell' UNION ALL
    SELECT '+99451', 'Azercell' UNION ALL
    SELECT '+99455', 'Bakcell' UNION ALL
    SELECT '+99499', 'Bakcell' UNION ALL
    SELECT '+99470', 'Nar' UNION ALL
    SELECT '+99477', 'Nar'
  ) AS p JOIN operators AS o ON o.name = p.name;
-- No hint for +99460: Naxtel closed in December 2025 and its numbers moved to other operators.
