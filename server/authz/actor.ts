import type { Calendar, Language, Numerals, Role } from "../../common/enums";

/** The signed-in user a request acts for. */
export type Actor = {
  userId: string;
  username: string;
  agencyId: string;
  role: Role;
  language: Language;
  calendar: Calendar;
  numerals: Numerals;
  sessionId: string;
  mustEnrollTotp: boolean;
  mustChangePassword: boolean;
};

/** What a command needs besides its input: who acts, and the time (injected, so tests control it). */
export type Ctx = {
  actor: Actor | null;
  now: Date;
  /** Who the audit log names when no one is signed in (a login, the demo seed, a CLI command). */
  actorId?: string;
  actorLabel?: string;
};
