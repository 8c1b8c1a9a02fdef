export { setMe, useCurrentUser, useLogout, useMe, useSavePreferences } from "./session-queries";
export type { Preferences } from "./session-queries";
