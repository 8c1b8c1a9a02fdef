import { randomBytes } from "node:crypto";

// Verification codes: 80 random bits written as 16 Crockford base-32 characters in four groups of four
// (e.g. 7KQ2-M9XD-4HTR-B0VZ). The alphabet has no I, L, O or U, so a code read aloud or copied by hand is typed
// back right; when typed, case, dashes and spaces do not matter and I/L read as 1, O as 0.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 16;

/** A new code from 80 bits of the operating system's randomness (10 bytes = 16 × 5 bits). */
export function newCertificateCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = CODE_LENGTH - 1; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** The code as printed and shown: four groups of four. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** A code as typed → its stored form, or null when it cannot be a code (wrong length or letters). */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}
