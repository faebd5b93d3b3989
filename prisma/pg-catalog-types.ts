/**
 * Works around a Prisma 6.19 bug (prisma/orm#27403, open): Prisma Migrate's Wasm schema engine
 * reads PostgreSQL catalog columns typed `name` (oid 19) or `"char"` (oid 18), and
 * @prisma/adapter-pg rejects those types ("Column type 'name' could not be deserialized from the
 * database"), so `migrate deploy` and `db push` fail before doing anything. Both are text types
 * that pg already returns as JS strings, so reporting them as `text` (and their arrays as `text[]`)
 * is lossless.
 *
 * Only the Prisma CLI's adapter (prisma/prisma.config.ts) uses this; the app's own queries never
 * read catalog columns. Remove once Prisma maps these types itself.
 */
import { createRequire } from 'node:module';

// Loaded untyped on purpose: the project has no @types/pg, and only query() matters here.
interface PgClient {
  query(...args: unknown[]): unknown;
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (...args: any[]) => PgClient };

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
/** Catalog type oid → the text type oid to report instead. */
const AS_TEXT = new Map<number, number>([
  [18, TEXT_OID], // "char"
  [19, TEXT_OID], // name
  [1002, TEXT_ARRAY_OID], // "char"[]
  [1003, TEXT_ARRAY_OID], // name[]
]);

interface FieldLike {
  dataTypeID: number;
}

/** Rewrites catalog-typed columns of a query result to text, in place; returns the same result. */
export function reportCatalogColumnsAsText<R>(result: R): R {
  const fields = (result as { fields?: unknown })?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields as FieldLike[]) {
      field.dataTypeID = AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
    }
  }
  return result;
}

/** A pg Client whose query results report catalog text types as `text`. */
export class CatalogAsTextClient extends pg.Client {
  // pg's query() has many overloads; this one forwards every call and post-processes the result of
  // both the promise form (adapter transactions) and the callback form (pg.Pool#query uses it).
  override query(...args: unknown[]): unknown {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : reportCatalogColumnsAsText(res));
    }
    const out = super.query(...args);
    if (out instanceof Promise) return out.then(reportCatalogColumnsAsText);
    return out;
  }
}
