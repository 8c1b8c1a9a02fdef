import { z } from "zod";
import { SHARE_ENTITIES } from "../enums";
import { Id } from "./base";

/** At most this many agencies share one record. */
export const SHARES_MAX = 50;

export const ShareParams = z.strictObject({ entity: z.enum(SHARE_ENTITIES), id: Id });
export type ShareParams = z.infer<typeof ShareParams>;

/** The whole list of agencies the record is shared with: agencies left out are unshared. */
export const SharesBody = z.strictObject({ agencyIds: z.array(Id).max(SHARES_MAX) });
export type SharesBody = z.infer<typeof SharesBody>;

export const SharesResponse = z.object({
  data: z.object({
    agencies: z.array(z.object({ id: Id, nameAr: z.string(), nameEn: z.string() })),
    abilities: z.object({ manage: z.boolean() }),
  }),
});
export type SharesResponse = z.infer<typeof SharesResponse>;
