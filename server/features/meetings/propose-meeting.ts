// Runs the extractor on a pasted report and adds match proposals against the personnel and agencies the
// actor may see. Proposes only: the reviewer chooses, nothing is merged or written.

import {
  ruleExtractor,
  proposeBodyMatches,
  proposeMatches,
  type MeetingExtractor,
} from "../../../common/extraction";
import type { MeetingExtractBody, MeetingExtractResponse } from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { and, eq } from "drizzle-orm";
import { agencies, agenciesVisibleTo } from "../agencies";
import { personnelVisibleTo } from "../personnel/personnel.policy";
import { personnel } from "../personnel/personnel.table";
import { findDuplicateMeetings } from "./find-duplicate-meetings";

/** Candidates read for matching; a region's register is far smaller. */
const MAX_CANDIDATES = 20_000;

export async function proposeMeeting(
  db: Db,
  actor: Actor,
  input: MeetingExtractBody,
  extractor: MeetingExtractor = ruleExtractor,
): Promise<MeetingExtractResponse["data"]> {
  const result = extractor.extract(input.text, { publicationDate: input.publicationDate });
  if (!result.ok) throw new AppError(result.error);
  const [people, bodies] = await Promise.all([
    db
      .select({ id: personnel.id, name: personnel.nameAr })
      .from(personnel)
      .where(personnelVisibleTo(actor))
      .limit(MAX_CANDIDATES),
    db
      .select({ id: agencies.id, name: agencies.nameAr })
      .from(agencies)
      .where(and(eq(agencies.isActive, true), agenciesVisibleTo(actor)))
      .limit(MAX_CANDIDATES),
  ]);
  const { host, ...proposal } = result.proposal;
  const duplicates = await findDuplicateMeetings(db, actor, {
    title: proposal.title,
    day: proposal.date?.date ?? input.publicationDate ?? null,
    host: host ? { name: host.name, title: host.title } : null,
  });
  return {
    extractor: extractor.name,
    warnings: result.warnings,
    duplicates,
    proposal: {
      ...proposal,
      hostId: host?.id ?? null,
      people: proposal.people.map((p) => ({
        ...p,
        personnelMatches: p.name ? proposeMatches(p.name, people) : [],
      })),
      commitments: proposal.commitments.map((c) => ({
        ...c,
        agencyMatches: c.ownerBody ? proposeBodyMatches(c.ownerBody, bodies) : [],
      })),
    },
  };
}
