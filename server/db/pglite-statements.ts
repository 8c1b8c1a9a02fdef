import { parse, protocol, type PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";

/** Only queries are prepared: not DDL (migrations), transaction control, SET, or several statements in one text. */
export const PREPARABLE = /^\s*(select|insert|update|delete|with)\b[^;]*$/i;

/**
 * How many statements the embedded database keeps prepared: past it, the one used longest ago is closed to make room
 * (bounded memory, and the statements in use stay prepared however many texts pass by once).
 */
const PREPARED_STATEMENTS = 300;
/** How many texts seen once are remembered: a text is prepared the second time it runs, not the first. */
const SEEN_ONCE = 2_000;

type Prepared = { name: string; paramTypes: number[] };
type BackendMessage = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];

/**
 * A prepared statement the database no longer has, or whose rows or parameters changed type under it (a migration):
 * its parameter types were fixed when it was prepared, so a column's new type may refuse them (42804, 42883). Run
 * again unnamed, a query that is wrong in itself fails the same way and that error is the one reported.
 */
const isStale = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "26000" ||
    code === "42804" ||
    code === "42883" ||
    (code === "0A000" && String((error as Error).message).includes("cached plan"))
  );
};

const joined = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/**
 * Queries outside transactions on the embedded database are prepared once, by their text, and then only bound and
 * executed, as the pool's connections do on PostgreSQL (`namingClient` in client.ts). PGlite's own `query` parses
 * and plans every statement: planning runs in the server's own thread (PostgreSQL compiled to WebAssembly, which asks
 * the file system for each relation's size) and, with 20 clients on one incident list, made the page's p95 swing
 * between 65 and 135 ms (bench:incidents, PGlite part). The messages of one execution go to PGlite in one call.
 * Statements planned for their values (`plannedForItsValues`) and transactions keep PGlite's path.
 */
export function prepareStatements(client: PGlite, capacity = PREPARED_STATEMENTS): void {
  const unnamed = client.query.bind(client);
  /** By text, the one used longest ago first. */
  const prepared = new Map<string, Prepared>();
  const seenOnce = new Set<string>();
  let named = 0;
  const serialize = protocol.serialize;
  const send = (parts: Uint8Array[], options?: QueryOptions) =>
    client.execProtocolStream(joined(parts), { syncToFs: false, onNotice: options?.onNotice });

  async function run<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    await client._checkReady(); // closed while this call waited for its turn
    const messages: BackendMessage[] = [];
    let statement = prepared.get(text);
    if (statement) {
      prepared.delete(text); // now the one used last
      prepared.set(text, statement);
    } else {
      for (const [oldest, old] of prepared) {
        if (prepared.size < capacity) break;
        prepared.delete(oldest);
        await send([serialize.close({ type: "S", name: old.name }), serialize.sync()]);
      }
      const name = `tansiq_${++named}`;
      const described = await send(
        [serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()],
        options,
      );
      const parameters = described.find((m) => m.name === "parameterDescription") as
        { dataTypeIDs: number[] } | undefined;
      statement = { name, paramTypes: parameters?.dataTypeIDs ?? [] };
      prepared.set(text, statement);
    }
    const types = statement.paramTypes;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const write = options?.serializers?.[types[i]!] ?? client.serializers[types[i]!];
      return write ? write(value) : String(value);
    });
    messages.push(
      ...(await send(
        [
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: "P" }),
          serialize.execute({}),
          serialize.sync(),
        ],
        options,
      )),
    );
    if (!client.isInTransaction()) await client.syncToFs();
    return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
  }

  client.query = async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions) {
    if (!PREPARABLE.test(text) || options?.blob || options?.paramTypes)
      return unnamed<T>(text, params, options);
    if (!prepared.has(text) && !seenOnce.has(text)) {
      // A text run once may never come back (one-off statements): prepared when it does.
      if (seenOnce.size >= SEEN_ONCE) seenOnce.clear();
      seenOnce.add(text);
      return unnamed<T>(text, params, options);
    }
    seenOnce.delete(text);
    await client._checkReady(); // closing or closed: PGlite's own error, before any message is sent
    try {
      return await client._runExclusiveTransaction(() =>
        client._runExclusiveQuery(() => run<T>(text, params, options)),
      );
    } catch (error) {
      if (!isStale(error)) throw error;
      // Prepared again at the next call; this one runs as PGlite runs it.
      const statement = prepared.get(text);
      prepared.delete(text);
      if (statement)
        await client
          ._runExclusiveTransaction(() =>
            client._runExclusiveQuery(() =>
              send([serialize.close({ type: "S", name: statement.name }), serialize.sync()]),
            ),
          )
          .catch(() => {});
      return unnamed<T>(text, params, options);
    }
  } as PGlite["query"];
}
