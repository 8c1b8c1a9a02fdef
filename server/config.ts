import { z } from "zod";

const Bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TANSIQ_DATA_DIR: z.string().default("./data"),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.string().trim().default("false"),
  TANSIQ_SECURE_COOKIES: Bool.optional(),
  TANSIQ_HSTS: Bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Tansiq <no-reply@tansiq.local>"),
  TANSIQ_DEMO_PASSWORD: z.string().min(8).default("Tobruk-Demo-2026"),
  TANSIQ_AUDIT_KEY: z.string().min(32).optional(),
  TANSIQ_AUDIT_KEY_FILE: z.string().optional(),
  TANSIQ_SWEEP_EVERY_MS: z.coerce.number().int().min(100).default(3_600_000),
  TANSIQ_DOCUMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  TANSIQ_PDF_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
});

export type Config = {
  port: number;
  host: string;
  database:
    { engine: "postgres"; url: string; poolSize: number } | { engine: "pglite"; dataDir: string | null };
  publicUrl: string | undefined;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  /**
   * Whose X-Forwarded-For to believe: nobody (false) or the proxies' addresses/CIDRs. Never "everybody": a client
   * would choose its own address and escape the per-address limits.
   */
  trustProxy: false | string[];
  secureCookies: boolean;
  hsts: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  /** Account lockout after `maxFailures`; at most `maxPerAddress` attempts per client address in 5 minutes. */
  login: { maxFailures: number; lockMinutes: number; maxPerAddress: number };
  /** Demo mode (npm start): demo users may sign in without a second factor; said at start and in the UI. */
  demoMode: boolean;
  demoPassword: string;
  webDist: string | null;
  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`); none sent when unset. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The audit chain's HMAC key (TANSIQ_AUDIT_KEY) or its file (default `<data folder>/audit.key`). */
  auditKey: { key: string | undefined; file: string };
  /** How often a serving instance runs the due sweeps and prunes rate-limit counters (hourly; tests: faster). */
  sweepEveryMs: number;
  /** PDFs drawn per user per minute (all instances together), and the worker threads drawing them (default: cores − 1, 1–2). */
  documents: { perUserPerMinute: number; workers: number | undefined };
};

/**
 * TRUST_PROXY: "false" (default); the proxies' addresses, CIDRs or proxy-addr names, comma-separated
 * ("10.0.0.2", "10.0.0.0/8", "loopback"); "true" means the private ranges (loopback, link-local, unique-local),
 * where a reverse proxy sits. The client address is then the first untrusted hop from the end of X-Forwarded-For,
 * so entries a client writes itself are never believed. (Fastify trusts no one for a bare hop count.)
 */
export function trustedProxies(value: string): false | string[] {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "false" || v === "0" || v === "no") return false;
  if (v === "true" || v === "yes" || v === "1") return ["loopback", "linklocal", "uniquelocal"];
  return value
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = Env.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { engine: "pglite", dataDir: e.TANSIQ_DATA_DIR },
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustedProxies(e.TRUST_PROXY),
    secureCookies: e.TANSIQ_SECURE_COOKIES ?? e.PUBLIC_URL?.startsWith("https:") ?? false,
    hsts: e.TANSIQ_HSTS,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      maxPerAddress: e.LOGIN_MAX_PER_ADDRESS,
    },
    demoMode: false,
    demoPassword: e.TANSIQ_DEMO_PASSWORD,
    webDist: null,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    auditKey: {
      key: e.TANSIQ_AUDIT_KEY,
      file: e.TANSIQ_AUDIT_KEY_FILE ?? `${e.TANSIQ_DATA_DIR}/audit.key`,
    },
    sweepEveryMs: e.TANSIQ_SWEEP_EVERY_MS,
    documents: { perUserPerMinute: e.TANSIQ_DOCUMENTS_PER_MINUTE, workers: e.TANSIQ_PDF_WORKERS },
    ...overrides,
  };
}
