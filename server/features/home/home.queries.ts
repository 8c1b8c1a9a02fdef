import type { NeedAction, NeedStatus } from "../../../common/enums";
import { zonedDay } from "../../../common/dates";
import type { ListLink } from "../../../common/schemas/dashboard";
import type { Home, HomeGroup, HomeGroupKind, HomeItem } from "../../../common/schemas/home";
import type { Actor } from "../../authz/actor";
import { allow } from "../../authz/engine";
import type { Db } from "../../db/client";
import { borderReportsPolicy } from "../border";
// The lists' own functions (filters and visibility in one place): the home counts exactly what each list totals.
import { listCrossings, listReports } from "../border/border.queries";
import type { BorderReportSubject } from "../border/border.policy";
import { listCommitments } from "../meetings";
import { needsPolicy, type NeedRow } from "../needs";
import { listNeeds } from "../needs/needs.queries";
import { listTasks } from "../tasks/tasks.queries";

/** How many records of a group the home shows; the link opens the rest. */
export const HOME_ITEMS = 5;

/**
 * The step that moves a need waiting in each status forward (need-workflow.ts): the decision it waits for. Who may
 * take it is the needs policy's business, asked below.
 */
const WAITING_STEPS: readonly { status: NeedStatus; step: NeedAction }[] = [
  { status: "submitted", step: "endorse" },
  { status: "endorsed", step: "review" },
  { status: "under_review", step: "approve" },
  { status: "approved", step: "start" },
  { status: "draft", step: "submit" },
];
/** No agency: stands for "another agency than the reader's" when asking a policy about a need's scope. */
const OTHER_AGENCY = "00000000-0000-0000-0000-000000000000";

const group = (
  kind: HomeGroupKind,
  link: ListLink,
  count: number,
  items: HomeItem[],
  extra: Partial<Pick<HomeGroup, "step" | "crossing">> = {},
): HomeGroup => ({ kind, step: null, crossing: null, count, link, items, ...extra });

/**
 * What needs the reader's attention today: its agency's overdue tasks (lead or support), the commitments its agency
 * owns that are overdue or due soon, the needs waiting for a step it may take, and the border reports waiting for its
 * approval. Each group is one call of its list's function (the list's filters and visibility): its count is the
 * list's total and its items the list's first rows. A group shows only to readers of its list, and only when
 * something is in it.
 */
export async function homeOf(db: Db, actor: Actor, now: Date): Promise<Home> {
  const mine = actor.agencyId;
  const parts: Promise<HomeGroup[]>[] = [];

  if (allow("tasks.read", actor)) {
    const query = { agencyId: mine, due: "overdue" } as const;
    parts.push(
      listTasks(
        db,
        actor,
        { ...query, role: "any", sort: "dueOn", dir: "asc", page: 1, pageSize: HOME_ITEMS },
        now,
      ).then(({ rows, total }) => [
        group(
          "overdueTasks",
          { list: "tasks", query },
          total,
          rows.map((t) => ({ ...item(t), titleAr: t.titleAr, titleEn: t.titleEn, day: t.dueOn })),
        ),
      ]),
    );
  }

  if (allow("commitments.read", actor)) {
    for (const due of ["overdue", "dueSoon"] as const) {
      const query = { ownerAgencyId: mine, due };
      parts.push(
        listCommitments(
          db,
          actor,
          { ...query, sort: "dueOn", dir: "asc", page: 1, pageSize: HOME_ITEMS },
          now,
        ).then(({ rows, total }) => [
          group(
            due === "overdue" ? "overdueCommitments" : "commitmentsDueSoon",
            { list: "commitments", query },
            total,
            rows.map((c) => ({
              ...item(c),
              titleAr: c.text,
              day: c.dueOn,
              meetingId: c.meetingVisible ? c.meetingId : null,
            })),
          ),
        ]),
      );
    }
  }

  if (allow("needs.read", actor)) {
    for (const { status, step } of WAITING_STEPS) {
      for (const query of needScopes(actor, status, step)) {
        parts.push(
          listNeeds(db, actor, { ...query, page: 1, pageSize: HOME_ITEMS }).then(({ rows, totals }) => [
            group(
              "needDecisions",
              { list: "needs", query },
              totals.count,
              rows.map((n) => ({ ...item(n), titleAr: n.title })),
              { step },
            ),
          ]),
        );
      }
    }
  }

  if (allow("borderReports.read", actor)) {
    parts.push(
      listCrossings(db).then((all) =>
        Promise.all(
          all
            // A crossing closed since keeps its submitted reports waiting: they still need a decision.
            .filter((c) => mayApproveAt(actor, c))
            .map(async (c) => {
              const query = { crossingId: c.id, status: "submitted" } as const;
              const { rows, total } = await listReports(db, { ...query, page: 1, pageSize: HOME_ITEMS });
              return group(
                "borderApprovals",
                { list: "border-reports", query },
                total,
                rows.map((r) => ({ ...item(r), day: r.day, shift: r.shift })),
                { crossing: { nameAr: c.nameAr, nameEn: c.nameEn } },
              );
            }),
        ),
      ),
    );
  }

  const groups = (await Promise.all(parts)).flat().filter((g) => g.count > 0);
  return { today: zonedDay(now), groups };
}

const item = (r: { id: string; reference: string }): HomeItem => ({
  id: r.id,
  reference: r.reference,
  titleAr: r.reference,
  titleEn: null,
  day: null,
  meetingId: null,
  shift: null,
});

/**
 * The register filters under which every need in `status` waits for the reader's `step`, as the needs policy says:
 * the region's (a step it may take on any agency's need), else its own agency's, and those asked of its agency.
 */
function needScopes(actor: Actor, status: NeedStatus, step: NeedAction): Record<string, string>[] {
  // A need as the step rules read it (its status, owning agency and responsible body).
  const may = (agencyId: string, responsibleAgencyId: string) =>
    needsPolicy.record[step](actor, { status, agencyId, responsibleAgencyId } as NeedRow);
  if (may(OTHER_AGENCY, OTHER_AGENCY)) return [{ status }];
  const scopes: Record<string, string>[] = [];
  if (may(actor.agencyId, OTHER_AGENCY)) scopes.push({ agencyId: actor.agencyId, status });
  if (may(OTHER_AGENCY, actor.agencyId)) scopes.push({ responsibleAgencyId: actor.agencyId, status });
  return scopes;
}

/** May the reader approve a report submitted at this crossing (borderReportsPolicy)? */
function mayApproveAt(actor: Actor, crossing: BorderReportSubject["crossing"]): boolean {
  return borderReportsPolicy.record.approve(actor, { status: "submitted", crossing } as BorderReportSubject);
}
