import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { buildWeb, isWebBuildStale } from "../web-build";

// With DATABASE_URL, one migrated template database is made per run; each test file copies it
// (CREATE DATABASE … TEMPLATE), which is much faster than migrating every time.
export default async function setup(project: TestProject) {
  // The start test and the browser flows serve web/dist: build it once, before the workers start.
  if (isWebBuildStale()) await buildWeb();
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide("pgTemplate", "");
    return;
  }
  const template = `tansiq_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const database = await openDatabase({ engine: "postgres", url: withDatabase(url, template), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
  project.provide("pgTemplate", template);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
