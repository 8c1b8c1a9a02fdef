import type { Need, NeedDetail } from "../../../common/schemas/needs";
import type { RecordOrigin } from "../../../common/schemas/origins";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { needsPolicy } from "./needs.policy";
import type { DeliveryRow, NeedHistoryRow, NeedRow, PledgeRow } from "./needs.table";

const round2 = (n: number) => Math.round(n * 100) / 100;

export function remainingOf(row: Pick<NeedRow, "quantity" | "deliveredQuantity" | "unitCost">) {
  const remainingQuantity = Math.max(round2(row.quantity - row.deliveredQuantity), 0);
  return { remainingQuantity, remainingValue: round2(remainingQuantity * row.unitCost) };
}

export function presentNeed(row: NeedRow, actor: Actor): Need {
  return {
    id: row.id,
    reference: row.reference,
    agencyId: row.agencyId,
    category: row.category,
    title: row.title,
    description: row.description,
    quantity: row.quantity,
    unit: row.unit,
    unitCost: row.unitCost,
    currency: row.currency,
    estimatedCost: row.estimatedCost,
    priority: row.priority,
    justification: row.justification,
    responsibleAgencyId: row.responsibleAgencyId,
    objectiveId: row.objectiveId,
    taskId: row.taskId,
    problemId: row.problemId,
    status: row.status,
    pledgedQuantity: row.pledgedQuantity,
    deliveredQuantity: row.deliveredQuantity,
    ...remainingOf(row),
    sensitivity: row.sensitivity,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, needsPolicy, row),
  };
}

export function presentNeedDetail(
  row: NeedRow,
  actor: Actor,
  parts: {
    history: (NeedHistoryRow & { actorName: { ar: string; en: string } | null })[];
    pledges: PledgeRow[];
    deliveries: DeliveryRow[];
  },
  origin: RecordOrigin | null,
): NeedDetail {
  return {
    ...presentNeed(row, actor),
    history: parts.history.map((h) => ({
      id: h.id,
      action: h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      actorLabel: h.actorLabel,
      actorName: h.actorName,
      comment: h.comment,
      at: h.at.toISOString(),
    })),
    pledges: parts.pledges.map((p) => ({
      id: p.id,
      pledgerAgencyId: p.pledgerAgencyId,
      pledgerName: p.pledgerName,
      quantity: p.quantity,
      dueOn: p.dueOn,
      note: p.note,
      createdAt: p.createdAt.toISOString(),
    })),
    deliveries: parts.deliveries.map((d) => ({
      id: d.id,
      pledgeId: d.pledgeId,
      quantity: d.quantity,
      deliveredOn: d.deliveredOn,
      reference: d.reference,
      receivedBy: d.receivedBy,
      createdAt: d.createdAt.toISOString(),
    })),
    origin,
  };
}
