CREATE TABLE "need_totals" (
	"agency_id" uuid NOT NULL,
	"responsible_agency_id" uuid NOT NULL,
	"sensitivity" text NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"currency" text NOT NULL,
	"is_short" boolean NOT NULL,
	"needs" integer DEFAULT 0 NOT NULL,
	"quantity" numeric(30, 2) DEFAULT 0 NOT NULL,
	"remaining_quantity" numeric(30, 2) DEFAULT 0 NOT NULL,
	"estimated_cost" numeric(30, 4) DEFAULT 0 NOT NULL,
	"remaining_value" numeric(30, 4) DEFAULT 0 NOT NULL,
	CONSTRAINT "need_totals_pk" PRIMARY KEY("agency_id","responsible_agency_id","sensitivity","status","category","priority","currency","is_short"),
	CONSTRAINT "need_totals_sensitivity_check" CHECK ("sensitivity" in ('internal', 'restricted')),
	CONSTRAINT "need_totals_status_check" CHECK ("status" in ('draft', 'submitted', 'endorsed', 'under_review', 'approved', 'rejected', 'in_progress', 'fulfilled', 'partially_fulfilled')),
	CONSTRAINT "need_totals_category_check" CHECK ("category" in ('personnel', 'vehicles', 'equipment', 'communications_it', 'buildings_infrastructure', 'training', 'legislation', 'other')),
	CONSTRAINT "need_totals_priority_check" CHECK ("priority" in ('critical', 'high', 'medium', 'low')),
	CONSTRAINT "need_totals_currency_check" CHECK ("currency" in ('LYD', 'USD', 'EUR')),
	CONSTRAINT "need_totals_tallies_check" CHECK ("need_totals"."needs" >= 0)
);
--> statement-breakpoint
CREATE TABLE "task_due_counts" (
	"agency_id" uuid NOT NULL,
	"sensitivity" text NOT NULL,
	"due_on" date NOT NULL,
	"tasks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_due_counts_due_on_agency_id_sensitivity_pk" PRIMARY KEY("due_on","agency_id","sensitivity"),
	CONSTRAINT "task_due_counts_sensitivity_check" CHECK ("sensitivity" in ('internal', 'restricted')),
	CONSTRAINT "task_due_counts_tallies_check" CHECK ("task_due_counts"."tasks" >= 0)
);--> statement-breakpoint
-- Hand-written: the register rollups follow every row change of needs and tasks in the writing transaction (the old
-- row's share taken away, the new row's added), whoever writes, like migration 0007. They start from the rows already
-- there. See need-rollups.table.ts and task-rollups.table.ts.
INSERT INTO "need_totals" ("agency_id", "responsible_agency_id", "sensitivity", "status", "category", "priority", "currency", "is_short", "needs", "quantity", "remaining_quantity", "estimated_cost", "remaining_value")
  SELECT "agency_id", "responsible_agency_id", "sensitivity", "status", "category", "priority", "currency", "delivered_quantity" < "quantity", count(*), sum("quantity"), sum(greatest("quantity" - "delivered_quantity", 0)), sum("quantity" * "unit_cost"), sum(greatest("quantity" - "delivered_quantity", 0) * "unit_cost")
  FROM "needs" WHERE "is_active" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;--> statement-breakpoint
CREATE FUNCTION need_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.is_active, OLD.agency_id, OLD.responsible_agency_id, OLD.sensitivity, OLD.status, OLD.category, OLD.priority, OLD.currency, OLD.quantity, OLD.delivered_quantity, OLD.unit_cost) IS NOT DISTINCT FROM (NEW.is_active, NEW.agency_id, NEW.responsible_agency_id, NEW.sensitivity, NEW.status, NEW.category, NEW.priority, NEW.currency, NEW.quantity, NEW.delivered_quantity, NEW.unit_cost) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.is_active THEN
    UPDATE need_totals SET needs = needs - 1, quantity = quantity - OLD.quantity,
      remaining_quantity = remaining_quantity - greatest(OLD.quantity - OLD.delivered_quantity, 0),
      estimated_cost = estimated_cost - OLD.quantity * OLD.unit_cost,
      remaining_value = remaining_value - greatest(OLD.quantity - OLD.delivered_quantity, 0) * OLD.unit_cost
    WHERE agency_id = OLD.agency_id AND responsible_agency_id = OLD.responsible_agency_id AND sensitivity = OLD.sensitivity
      AND status = OLD.status AND category = OLD.category AND priority = OLD.priority AND currency = OLD.currency
      AND is_short = (OLD.delivered_quantity < OLD.quantity);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.is_active THEN
    INSERT INTO need_totals AS c (agency_id, responsible_agency_id, sensitivity, status, category, priority, currency, is_short, needs, quantity, remaining_quantity, estimated_cost, remaining_value)
    VALUES (NEW.agency_id, NEW.responsible_agency_id, NEW.sensitivity, NEW.status, NEW.category, NEW.priority, NEW.currency, NEW.delivered_quantity < NEW.quantity, 1, NEW.quantity, greatest(NEW.quantity - NEW.delivered_quantity, 0), NEW.quantity * NEW.unit_cost, greatest(NEW.quantity - NEW.delivered_quantity, 0) * NEW.unit_cost)
    ON CONFLICT (agency_id, responsible_agency_id, sensitivity, status, category, priority, currency, is_short) DO UPDATE SET needs = c.needs + 1, quantity = c.quantity + excluded.quantity,
      remaining_quantity = c.remaining_quantity + excluded.remaining_quantity, estimated_cost = c.estimated_cost + excluded.estimated_cost,
      remaining_value = c.remaining_value + excluded.remaining_value;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION need_totals_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM need_totals;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER needs_totals AFTER INSERT OR UPDATE OR DELETE ON needs
  FOR EACH ROW EXECUTE FUNCTION need_totals_apply();--> statement-breakpoint
CREATE TRIGGER needs_totals_truncate AFTER TRUNCATE ON needs
  FOR EACH STATEMENT EXECUTE FUNCTION need_totals_clear();--> statement-breakpoint
INSERT INTO "task_due_counts" ("agency_id", "sensitivity", "due_on", "tasks")
  SELECT "agency_id", "sensitivity", coalesce("due_on", 'infinity'::date), count(*) FROM "tasks"
  WHERE "status" IN ('todo', 'in_progress', 'blocked') GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE FUNCTION task_due_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.status IN ('todo', 'in_progress', 'blocked'), OLD.agency_id, OLD.sensitivity, OLD.due_on) IS NOT DISTINCT FROM (NEW.status IN ('todo', 'in_progress', 'blocked'), NEW.agency_id, NEW.sensitivity, NEW.due_on) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status IN ('todo', 'in_progress', 'blocked') THEN
    UPDATE task_due_counts SET tasks = tasks - 1
    WHERE due_on = coalesce(OLD.due_on, 'infinity'::date) AND agency_id = OLD.agency_id AND sensitivity = OLD.sensitivity;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status IN ('todo', 'in_progress', 'blocked') THEN
    INSERT INTO task_due_counts AS c (agency_id, sensitivity, due_on, tasks)
    VALUES (NEW.agency_id, NEW.sensitivity, coalesce(NEW.due_on, 'infinity'::date), 1)
    ON CONFLICT (due_on, agency_id, sensitivity) DO UPDATE SET tasks = c.tasks + 1;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION task_due_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_due_counts;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER tasks_due_counts AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_due_counts_apply();--> statement-breakpoint
CREATE TRIGGER tasks_due_counts_truncate AFTER TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION task_due_counts_clear();
