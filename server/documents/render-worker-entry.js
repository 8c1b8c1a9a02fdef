// The render pool's worker thread starts here: it runs TypeScript through tsx, as the server does.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
