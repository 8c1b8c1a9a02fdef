import { z } from "zod";
import { EXTRACTION_MAX_CHARS } from "../extraction/rule-extractor";

/** Multi-line text pasted by a person: line breaks and tabs allowed, other control characters refused. */
// eslint-disable-next-line no-control-regex -- refuse control characters other than tab and line breaks
const PASTED_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export const IsoDate = z.iso.date();

export const MeetingExtractBody = z.strictObject({
  text: z.string().min(1).max(EXTRACTION_MAX_CHARS).regex(PASTED_TEXT),
  publicationDate: IsoDate.nullable().default(null),
});
export type MeetingExtractBody = z.infer<typeof MeetingExtractBody>;

const Span = z.object({ start: z.number(), end: z.number() });
const Sentence = z.object({ text: z.string(), span: Span });
const Match = z.object({ id: z.string(), name: z.string(), score: z.number(), exact: z.boolean() });

const ProposedPerson = z.object({
  id: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  rank: z.string().nullable(),
  body: z.string().nullable(),
  role: z.enum(["host", "attendee"]),
  span: Span,
  /** Existing personnel this person may be: proposals only, the reviewer chooses. */
  personnelMatches: z.array(Match),
});

export const MeetingProposal = z.object({
  title: z.string(),
  date: z
    .object({
      weekday: z
        .enum(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"])
        .nullable(),
      partOfDay: z.enum(["morning", "noon", "afternoon", "evening", "night"]).nullable(),
      date: z.string().nullable(),
      span: Span,
    })
    .nullable(),
  place: z
    .object({
      text: z.string(),
      districtPcode: z.string().nullable(),
      nameEn: z.string().nullable(),
      venue: z.string().nullable(),
      span: Span,
    })
    .nullable(),
  hostId: z.string().nullable(),
  people: z.array(ProposedPerson),
  agenda: z.array(Sentence),
  statements: z.array(
    z.object({
      speakerId: z.string().nullable(),
      speakerText: z.string().nullable(),
      sentences: z.array(Sentence),
      span: Span,
    }),
  ),
  commitments: z.array(
    z.object({
      text: z.string(),
      ownerPersonId: z.string().nullable(),
      ownerBody: z.string().nullable(),
      /** Existing agencies the owner body may be. */
      agencyMatches: z.array(Match),
      topic: z.enum(["legislation", "needs", "training", "support", "plan", "other"]),
      marker: z.string(),
      span: Span,
    }),
  ),
  honours: z.array(
    z.object({
      kind: z.enum(["shield", "certificate", "medal", "other"]),
      title: z.string(),
      recipientPersonId: z.string().nullable(),
      recipientText: z.string(),
      giverPersonId: z.string().nullable(),
      giverText: z.string().nullable(),
      reason: z.string().nullable(),
      span: Span,
    }),
  ),
});

export const MeetingExtractResponse = z.object({
  data: z.object({
    extractor: z.string(),
    proposal: MeetingProposal,
    warnings: z.array(z.string()),
  }),
});
export type MeetingExtractResponse = z.infer<typeof MeetingExtractResponse>;
