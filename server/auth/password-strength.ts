import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as arabic from "@zxcvbn-ts/language-ar";
import * as common from "@zxcvbn-ts/language-common";
import { AppError } from "../http/app-error";

/**
 * zxcvbn's score (0–4) a new password must reach: 3 means about 10⁸ guesses or more. Below it are the common
 * password lists (49,000 entries), keyboard walks, repeats ("aaaaaaaaaa", "abcabcabcabc"), dates, common names
 * (the Arabic package's given and family names, transliterated) and the account's own names.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Words every Tansiq password is checked against, beside the account's own names. */
const SITE_WORDS = ["tansiq", "تنسيق", "tobruk", "طبرق", "libya", "ليبيا", "ministry", "interior", "admin"];

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Built on first use: loading the dictionaries takes about 100 ms.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...arabic.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** Whether a password is strong enough, and if not, zxcvbn's reason (e.g. `common`, `simpleRepeat`). */
export function passwordStrength(
  password: string,
  userInputs: (string | null | undefined)[] = [],
): { strong: boolean; score: number; reason: string | null } {
  const inputs = [...SITE_WORDS, ...userInputs.filter((s): s is string => Boolean(s))];
  const result = estimator().check(password, inputs);
  return { strong: result.score >= MIN_PASSWORD_SCORE, score: result.score, reason: result.feedback.warning };
}

/** Refuses a weak password with a field error in the user's language; nothing is written. */
export function assertStrongPassword(
  password: string,
  field: string,
  userInputs: (string | null | undefined)[] = [],
): void {
  if (!passwordStrength(password, userInputs).strong) {
    throw new AppError("validation_failed", { fields: [{ field, issue: "weak_password" }] });
  }
}
