import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { Db } from "../db/client";
import { auditChainHead, chainAuditEvents } from "./chain-events";
import { verifyAuditChain, type AuditAnchor, type ChainReport } from "./verify-chain";

const AnchorFile = z.object({ position: z.number().int().min(1), link: z.string().regex(/^[0-9a-f]{64}$/) });

function readAnchor(file: string): AuditAnchor {
  return AnchorFile.parse(JSON.parse(readFileSync(file, "utf8")));
}

function describeFailure(report: Extract<ChainReport, { ok: false }>): string {
  const event = report.seq === null ? "" : ` (event #${report.seq})`;
  return `Audit chain broken at position ${report.position}${event}: ${report.reason}; the ${report.count} events before it are intact.`;
}

/** `audit verify [--anchor FILE]` and `audit anchor [FILE]`. Returns the exit code. */
export async function runAuditCommand(db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "verify" && (rest.length === 0 || (rest.length === 2 && rest[0] === "--anchor"))) {
    const anchor = rest[1] ? readAnchor(rest[1]) : undefined;
    const report = await verifyAuditChain(db, anchor ? { anchor } : {});
    if (!report.ok) {
      console.error(describeFailure(report));
      return 1;
    }
    const anchored = anchor ? `; the anchored head (position ${anchor.position}) is in it` : "";
    console.log(`Audit chain intact: ${report.count} events${anchored}.`);
    return 0;
  }
  if (sub === "anchor" && rest.length <= 1) {
    await chainAuditEvents(db);
    const head = await auditChainHead(db);
    if (!head) {
      console.error("The audit log is empty: nothing to anchor.");
      return 1;
    }
    const text = `${JSON.stringify({ ...head, anchoredAt: new Date().toISOString() }, null, 2)}\n`;
    if (rest[0]) {
      writeFileSync(rest[0], text);
      console.error(`Audit chain head (position ${head.position}) written to ${rest[0]}.`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  }
  console.error("Usage: tansiq audit verify [--anchor FILE] | tansiq audit anchor [FILE]");
  return 2;
}
