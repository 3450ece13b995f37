-- cancelog schema, version 3: what `due` lists after a confirmation, found without a scan.
--
-- `due` lists the confirmed cases whose "after" items are not all ticked: number-dead,
-- sim-destroyed, and for a postpaid line final-bill-settled (core::after_todo_items says the
-- same in C++). That is the absence of checklist rows, which no index can find: a query would
-- have to visit every confirmed case. So each case carries the answer in `after_todo`
-- (1: something left to do, NULL: nothing, or not confirmed), kept true by the triggers
-- below whatever writes the tables (commands, import, undo), and a partial index holds only
-- the cases where it is 1: `due` reads as many rows as it prints.

ALTER TABLE cases ADD COLUMN after_todo INTEGER CHECK (after_todo IS NULL OR after_todo = 1);

-- The rule, in one place: 1 for a confirmed case with an after item unticked, else NULL.
CREATE VIEW case_after_todo (case_id, after_todo) AS
  SELECT c.id,
         CASE WHEN c.status = 'confirmed' AND (
                NOT EXISTS (SELECT 1 FROM checklist AS t
                            WHERE t.case_id = c.id AND t.item = 'number-dead')
                OR NOT EXISTS (SELECT 1 FROM checklist AS t
                               WHERE t.case_id = c.id AND t.item = 'sim-destroyed')
                OR (c.card = 'postpaid' AND NOT EXISTS (SELECT 1 FROM checklist AS t
                    WHERE t.case_id = c.id AND t.item = 'final-bill-settled')))
              THEN 1 END
  FROM cases AS c;

UPDATE cases SET after_todo = 1
  WHERE status = 'confirmed'
    AND (SELECT v.after_todo FROM case_after_todo AS v WHERE v.case_id = cases.id) = 1;

CREATE INDEX cases_after_todo ON cases (after_todo) WHERE after_todo IS NOT NULL;

-- A case recorded as confirmed (import).
CREATE TRIGGER cases_after_todo_insert AFTER INSERT ON cases
  WHEN NEW.status = 'confirmed'
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

-- An after item ticked or unticked on a confirmed case (cases not confirmed stay NULL).
CREATE TRIGGER checklist_after_todo_tick AFTER INSERT ON checklist
  WHEN NEW.item IN ('number-dead', 'sim-destroyed', 'final-bill-settled')
BEGIN
  UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                                 WHERE v.case_id = NEW.case_id)
    WHERE id = NEW.case_id AND status = 'confirmed';
END;

CREATE TRIGGER checklist_after_todo_untick AFTER DELETE ON checklist
  WHEN OLD.item IN ('number-dead', 'sim-destroyed', 'final-bill-settled')
BEGIN
  UPDATE cases SET after_todo = (SELECT v.after_todo FROM case_after_todo AS v
                                 WHERE v.case_id = OLD.case_id)
    WHERE id = OLD.case_id AND status = 'confirmed';
END;
