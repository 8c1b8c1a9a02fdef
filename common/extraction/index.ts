// Meeting extraction from Arabic reports: the interface, the rule-based extractor, name matching.
export type * from "./types";
export {
  RuleMeetingExtractor,
  ruleExtractor,
  EXTRACTION_MAX_CHARS,
  diagnoseNoMeeting,
  type NoMeetingReason,
} from "./rule-extractor";
export { proposeMatches, proposeBodyMatches, nameSimilarity, nameKey, titleSimilarity } from "./match";
export { dueDateIn } from "./due-date";
