import { definePolicy } from "../authz/engine";

/** Every signed-in user may open the stream; what it carries is filtered per record (live.routes.ts). */
export const livePolicy = definePolicy({ entity: "live", routes: { read: () => true }, record: {} });
