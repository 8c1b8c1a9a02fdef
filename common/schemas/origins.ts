import { z } from "zod";
import { Id } from "./base";

/**
 * Where a record came from, when another feature created it (e.g. a task converted from a meeting's commitment):
 * the source record and its parent (the meeting), each with a reference and a label. `parent` is null when the
 * reader may not see it. Sent on the task and need pages.
 */
export const RecordOrigin = z.object({
  entity: z.enum(["commitment"]),
  id: Id,
  reference: z.string(),
  label: z.string(),
  parent: z
    .object({
      entity: z.enum(["meeting"]),
      id: Id,
      reference: z.string(),
      label: z.string(),
    })
    .nullable(),
});
export type RecordOrigin = z.infer<typeof RecordOrigin>;
