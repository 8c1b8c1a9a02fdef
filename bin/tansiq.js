#!/usr/bin/env node
// Tansiq's command line. The server is TypeScript run through tsx: no separate build step for the API.
import { register } from "tsx/esm/api";

register();
await import("../server/cli.ts");
