// Tracking codes of community reports: 80 random bits as 16 Crockford base-32 characters in four groups of four
// (e.g. 7KQ2-M9XD-4HTR-B0VZ). The alphabet has no I, L, O or U, so a code read aloud or copied by hand is typed
// back right; when typed, case, dashes and spaces do not matter, and I/L read as 1 and O as 0.

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const TRACKING_CODE_LENGTH = 16;

/** A code from 10 random bytes (80 bits; 16 × 5). The caller brings the randomness (crypto on the server). */
export function trackingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error("a tracking code needs 10 random bytes");
  let bits = 0n;
  for (const byte of bytes.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = TRACKING_CODE_LENGTH - 1; i >= 0; i--)
    code += CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** The code as shown: four groups of four. */
export const formatTrackingCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** A code as typed → its canonical form, or null when it cannot be a code (wrong length or letters). */
export function normalizeTrackingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  for (const char of code) if (!CODE_ALPHABET.includes(char)) return null;
  return code;
}
