import { generateSecret, generateURI, verifySync } from "otplib";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: "Tansiq", label: username, secret });
}

/** Checks a code at `now` (±1 step) and returns its time step, or null. A step at or before `lastStep` is refused. */
export function checkTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
