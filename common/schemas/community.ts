import { z } from "zod";
import {
  COMMUNITY_ACTIONS,
  COMMUNITY_CATEGORIES,
  COMMUNITY_MESSAGE_KINDS,
  COMMUNITY_OUTCOMES,
  COMMUNITY_STATUSES,
  COMMUNITY_WHEN,
} from "../enums";
import { LIMITS } from "../limits";
import { TOWNS } from "../towns";
import { Id, NO_CONTROL_CHARS, Page, PageQuery, Sensitivity, Timestamp, abilities, oneOf } from "./base";
import { DistrictPcode } from "./meetings";

export const CommunityCategory = z.enum(COMMUNITY_CATEGORIES);
export const CommunityStatus = z.enum(COMMUNITY_STATUSES);
export const CommunityOutcome = z.enum(COMMUNITY_OUTCOMES);
export const CommunityWhen = z.enum(COMMUNITY_WHEN);

/** Free text written by a person: line breaks and tabs allowed, other control characters not. */
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const NO_CONTROL_BUT_LINES = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const Text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL_BUT_LINES);

const TOWN_PCODES = TOWNS.map((t) => t.pcode) as [string, ...string[]];
/** An e-mail address or a phone number (digits, spaces, +, -), or nothing. */
const Contact = z
  .string()
  .trim()
  .max(LIMITS.communityContact)
  .regex(NO_CONTROL_CHARS)
  .refine((s) => s === "" || /^\+?[0-9\s-]{6,20}$/.test(s) || z.email().safeParse(s).success, "contact")
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .default(null);

// ─── Public side (/api/public/community/…) ─────────────────────────────────────────────────────────────

export const CommunityChallenge = z.object({ challenge: z.string(), bits: z.number() });
export const CommunityChallengeResponse = oneOf(CommunityChallenge);

export const CommunitySubmitBody = z
  .strictObject({
    category: CommunityCategory,
    text: Text(LIMITS.communityText),
    districtPcode: DistrictPcode,
    townPcode: z.enum(TOWN_PCODES).nullable().default(null),
    /** An optional pin: rounded to 0.01° (about 1 km) before it is stored. */
    latitude: z
      .number()
      .min(LIMITS.incidentArea.south)
      .max(LIMITS.incidentArea.north)
      .nullable()
      .default(null),
    longitude: z
      .number()
      .min(LIMITS.incidentArea.west)
      .max(LIMITS.incidentArea.east)
      .nullable()
      .default(null),
    when: CommunityWhen,
    contact: Contact,
    language: z.enum(["ar", "en"]).default("ar"),
    challenge: z.string().max(200),
    nonce: z.string().max(32),
    /** The honeypot: a field people never see and leave empty. */
    website: z.string().max(200).default(""),
  })
  .superRefine((b, ctx) => {
    if ((b.latitude === null) !== (b.longitude === null))
      ctx.addIssue({ code: "custom", message: "required", path: ["latitude"] });
    const town = b.townPcode ? TOWNS.find((t) => t.pcode === b.townPcode) : undefined;
    if (town && town.district !== b.districtPcode)
      ctx.addIssue({ code: "custom", message: "invalid", path: ["townPcode"] });
  });
export type CommunitySubmitBody = z.infer<typeof CommunitySubmitBody>;

/** What the resident gets back, once: the code to keep. */
export const CommunitySubmitResponse = oneOf(z.object({ code: z.string() }));

export const CommunityTrackBody = z.strictObject({ code: z.string().max(64) });
export const CommunityTrackResponse = oneOf(
  z.object({
    status: CommunityStatus,
    category: CommunityCategory,
    submittedAt: Timestamp,
    replies: z.array(z.object({ text: z.string(), at: Timestamp })),
  }),
);

// ─── Staff inbox (/api/v1/community-reports) ──────────────────────────────────────────────────────────

export const CommunityAbilities = abilities(COMMUNITY_ACTIONS);

export const CommunityMessage = z.object({
  id: Id,
  kind: z.enum(COMMUNITY_MESSAGE_KINDS),
  text: z.string(),
  authorName: z.string().nullable(),
  createdAt: Timestamp,
});

export const CommunityReport = z.object({
  id: Id,
  reference: z.string(),
  category: CommunityCategory,
  text: z.string(),
  districtPcode: DistrictPcode,
  townPcode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  when: CommunityWhen,
  /** Shown only to the assigned agency and leadership; otherwise null, with `hasContact` saying one was left. */
  contact: z.string().nullable(),
  hasContact: z.boolean(),
  status: CommunityStatus,
  outcome: CommunityOutcome.nullable(),
  receivingAgencyId: Id.nullable(),
  assignedAgencyId: Id.nullable(),
  duplicateOfId: Id.nullable(),
  duplicateOfReference: z.string().nullable(),
  /** A report sent earlier in the same district with nearly the same words (a hint, not a decision). */
  similarToId: Id.nullable(),
  similarToReference: z.string().nullable(),
  incidentId: Id.nullable(),
  incidentReference: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: CommunityAbilities,
});
export type CommunityReport = z.infer<typeof CommunityReport>;
export const CommunityReportDetail = CommunityReport.extend({ messages: z.array(CommunityMessage) });
export const CommunityReportResponse = oneOf(CommunityReportDetail);
export const CommunityReportListResponse = z.object({ data: z.array(CommunityReport), page: Page });

export const CommunityListQuery = z.strictObject({
  status: CommunityStatus.optional(),
  district: DistrictPcode.optional(),
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
});
export type CommunityListQuery = z.infer<typeof CommunityListQuery>;

export const CommunityAssignBody = z.strictObject({ agencyId: Id });
export const CommunityMessageBody = z.strictObject({ text: Text(LIMITS.communityText) });
export const CommunityDuplicateBody = z.strictObject({ duplicateOfId: Id });
export const CommunityCloseBody = z.strictObject({ outcome: CommunityOutcome });
/** Converting makes an incident of the assigned agency; the resident's words become its narrative. */
export const CommunityConvertBody = z.strictObject({
  typeId: Id,
  sensitivity: Sensitivity.default("restricted"),
});
export type CommunityConvertBody = z.infer<typeof CommunityConvertBody>;
