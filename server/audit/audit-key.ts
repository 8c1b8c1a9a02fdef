import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../config";

/** The audit chain's HMAC key: TANSIQ_AUDIT_KEY, or the key file (made on first use). Never in the database. */
export type AuditKeySource = { key: string | undefined; file: string };

let current: Buffer | undefined;

/** Reads the key; a missing key file is made with 32 random bytes, readable by its owner only. */
export function loadAuditKey(source: AuditKeySource): Buffer {
  if (source.key) return Buffer.from(source.key, "utf8");
  const file = path.resolve(source.file);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const text = readFileSync(file, "utf8").trim();
      if (text.length < 32) throw new Error(`The audit key file ${file} holds fewer than 32 characters.`);
      return Buffer.from(text, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process made it first
    }
  }
  throw new Error(`Could not read the audit key file ${file}.`);
}

/** Sets the key this process signs and checks the chain with (the server and CLI set it from their config). */
export function useAuditKey(key: Buffer): void {
  current = key;
}

/** The key in use; by default the one the environment names. */
export function auditKey(): Buffer {
  current ??= loadAuditKey(loadConfig().auditKey);
  return current;
}
