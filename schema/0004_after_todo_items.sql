-- cancelog schema, version 4: `due` reads what is left to do on a confirmed line from one
-- index, without visiting the case's row or its checklist.
--
-- In version 3, `cases.after_todo` said only whether something was left (1 or NULL), and
-- `due` looked each such case up in the table and its ticks up in `checklist`: at a million
-- cases with 17,000 lines to tick, two thirds of its time. Now the column holds which
-- after items are left, as bits (core::after_items_of_bits reads them):
--   1 number-dead, 2 sim-destroyed, 4 final-bill-settled (postpaid lines only);
-- NULL when none is left or the case is not confirmed. The partial index holds, for those
-- cases only and in id order, every column `due` shows. The same triggers keep it true.

DROP TRIGGER cases_after_todo_insert;
DROP TRIGGER cases_after_todo_update;
DROP TRIGGER checklist_after_todo_tick;
DROP TRIGGER checklist_after_todo_untick;
DROP INDEX cases_after_todo;
DROP VIEW case_after_todo;
ALTER TABLE cases DROP COLUMN after_todo;
ALTER TABLE cases ADD COLUMN after_todo INTEGER
  CHECK (after_todo IS NULL OR (after_todo >= 1 AND after_todo <= 7));

-- The rule, in one place: the bits of the after items left on a confirmed case, else NULL.
CREATE VIEW case_after_todo (case_id, after_todo) AS
  SELECT c.id,
         CASE WHEN c.status = 'confirmed' THEN nullif(
             (CASE WHEN EXISTS (SELECT 1 FROM checklist AS t
                                WHERE t.case_id = c.id AND t.item = 'number-dead')
                   THEN 0 ELSE 1 END)
           + (CASE WHEN EXISTS (SELECT 1 FROM checklist AS t
                                WHERE t.case_id = c.id AND t.item = 'sim-destroyed')
                   THEN 0 ELSE 2 END)
           + (CASE WHEN c.card <> 'postpaid' OR EXISTS (SELECT 1 FROM checklist AS t
                                WHERE t.case_id = c.id AND t.item = 'final-bill-settled')
                   THEN 0 ELSE 4 END), 0) END
  FROM cases AS c;

UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                               WHERE v.case_id = cases.id)
  WHERE status = 'confirmed';

CREATE INDEX cases_after_todo ON cases (id, uuid, number, operator_id, card, after_todo)
  WHERE after_todo IS NOT NULL;

-- A case inserted (by import, or by hand). A new case has no ticks yet, so its bits are all
-- the after items of its card when it is confirmed (3, or 7 for a postpaid line), else NULL:
-- cancelog writes them with the row (core::after_bits_of_new_case) and this trigger has
-- nothing to do, which halves the cost of importing a confirmed case; it corrects any other
-- writer (sqlite3 by hand) through the view.
CREATE TRIGGER cases_after_todo_insert AFTER INSERT ON cases
  WHEN NEW.after_todo IS NOT (CASE WHEN NEW.status = 'confirmed'
                                   THEN (CASE NEW.card WHEN 'postpaid' THEN 7 ELSE 3 END) END)
BEGIN
  UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                                 WHERE v.case_id = NEW.id)
    WHERE id = NEW.id;
END;

-- A case confirmed, reopened, or whose card changed while confirmed. The UPDATE inside sets
-- only after_todo, so it does not fire this trigger again.
CREATE TRIGGER cases_after_todo_update AFTER UPDATE OF status, card ON cases
  WHEN (OLD.status = 'confirmed' OR NEW.status = 'confirmed')
       AND (OLD.status IS NOT NEW.status OR OLD.card IS NOT NEW.card)
BEGIN
  UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                                 WHERE v.case_id = NEW.id)
    WHERE id = NEW.id;
END;

-- An after item ticked or unticked on a confirmed case (cases not confirmed stay NULL). The
-- items are compared one by one, not with IN (…): SQLite builds a temporary table for an IN
-- list each time the trigger runs, and an import ticks receipt-kept on most of its cases
-- (a third of an import's instructions went there).
CREATE TRIGGER checklist_after_todo_tick AFTER INSERT ON checklist
  WHEN NEW.item = 'number-dead' OR NEW.item = 'sim-destroyed' OR NEW.item = 'final-bill-settled'
BEGIN
  UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                                 WHERE v.case_id = NEW.case_id)
    WHERE id = NEW.case_id AND status = 'confirmed';
END;

CREATE TRIGGER checklist_after_todo_untick AFTER DELETE ON checklist
  WHEN OLD.item = 'number-dead' OR OLD.item = 'sim-destroyed' OR OLD.item = 'final-bill-settled'
BEGIN
  UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                                 WHERE v.case_id = OLD.case_id)
    WHERE id = OLD.case_id AND status = 'confirmed';
END;
