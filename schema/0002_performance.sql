-- cancelog schema, version 2: the same tables and constraints, checked faster.
--
-- SQLite evaluates a CHECK of the form `x IN ('a', 'b', 'c')` (three values or more) by
-- building a temporary index of the values for every row written: in EXPLAIN, an
-- OpenEphemeral per constraint per row. An import of a million cases built five million of
-- them (channel and status of the case, method and outcome of its check, the checklist
-- item). The same rules written as `x = 'a' OR x = 'b' OR ...` compare in place. The
-- columns, defaults, keys, indexes and every row stay as they were; one index is added
-- (cases_follows, below).
--
-- SQLite cannot change a CHECK in place: each table is rebuilt (sqlite.org/lang_altertable.html,
-- "Making Other Kinds Of Table Schema Changes"). The program runs this file with foreign keys
-- off and checks them (PRAGMA foreign_key_check) before it commits, as that procedure says;
-- the rowids are copied, so every reference stays valid.

-- AUTOINCREMENT's memory of the highest id ever used goes with a dropped table: keep it, so
-- that an id removed by `undo` is still never given again.
CREATE TEMP TABLE v2_sequence AS SELECT name, seq FROM sqlite_sequence;

CREATE TABLE cases_v2 (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid              TEXT NOT NULL UNIQUE,
  number            TEXT NOT NULL CHECK (number GLOB '+[1-9][0-9]*'),   -- E.164
  number_raw        TEXT NOT NULL,                                       -- as the user typed it
  operator_id       INTEGER NOT NULL REFERENCES operators (id),
  operator_inferred INTEGER NOT NULL DEFAULT 0 CHECK (operator_inferred IN (0, 1)),
  card              TEXT NOT NULL CHECK (card IN ('prepaid', 'postpaid')),
  channel           TEXT NOT NULL
                    CHECK (channel = 'store' OR channel = 'online' OR channel = 'phone'
                           OR channel = 'other'),
  requested_on      TEXT NOT NULL,
  receipt           TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'requested'
                    CHECK (status = 'requested' OR status = 'pending'
                           OR status = 'action-needed' OR status = 'no-answer'
                           OR status = 'confirmed' OR status = 'rejected'
                           OR status = 'withdrawn'),
  next_check_on     TEXT,                                                -- NULL: no reminder
  note              TEXT NOT NULL DEFAULT '',
  follows           INTEGER REFERENCES cases (id) ON DELETE SET NULL,    -- the rejected case this one retries
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
INSERT INTO cases_v2 SELECT * FROM cases;
DROP TABLE cases;
ALTER TABLE cases_v2 RENAME TO cases;
CREATE INDEX cases_number ON cases (number);
CREATE INDEX cases_status ON cases (status);
CREATE INDEX cases_requested_on ON cases (requested_on, id);
-- `due` reads only cases that still have a reminder.
CREATE INDEX cases_next_check_on ON cases (next_check_on) WHERE next_check_on IS NOT NULL;
-- New: the cases that follow a case. `show` lists them, and removing a case (`undo` of an
-- import removes many) clears the links to it (ON DELETE SET NULL): both read the whole
-- table without this index, a second per case in a database of a million.
CREATE INDEX cases_follows ON cases (follows) WHERE follows IS NOT NULL;

CREATE TABLE checks_v2 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  checked_at TEXT NOT NULL,
  method     TEXT NOT NULL
             CHECK (method = 'phone' OR method = 'online' OR method = 'store' OR method = 'sms'
                    OR method = 'other'),
  outcome    TEXT NOT NULL
             CHECK (outcome = 'pending' OR outcome = 'action-needed' OR outcome = 'no-answer'
                    OR outcome = 'confirmed' OR outcome = 'rejected'),
  reference  TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  imported   INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),   -- made by `import` from a status column
  created_at TEXT NOT NULL
);
INSERT INTO checks_v2 SELECT * FROM checks;
DROP TABLE checks;
ALTER TABLE checks_v2 RENAME TO checks;
CREATE INDEX checks_case ON checks (case_id, checked_at);

CREATE TABLE checklist_v2 (
  case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  item      TEXT NOT NULL
            CHECK (item = 'no-arrears' OR item = 'balance-used' OR item = 'data-backed-up'
                   OR item = 'accounts-moved' OR item = 'receipt-kept' OR item = 'number-dead'
                   OR item = 'sim-destroyed' OR item = 'final-bill-settled'),
  ticked_at TEXT NOT NULL,
  PRIMARY KEY (case_id, item)
) WITHOUT ROWID;
INSERT INTO checklist_v2 SELECT * FROM checklist;
DROP TABLE checklist;
ALTER TABLE checklist_v2 RENAME TO checklist;

DELETE FROM sqlite_sequence WHERE name IN ('cases', 'checks');
INSERT INTO sqlite_sequence (name, seq)
  SELECT name, seq FROM temp.v2_sequence WHERE name IN ('cases', 'checks');
DROP TABLE temp.v2_sequence;
