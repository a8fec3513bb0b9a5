import DataLoader from 'dataloader';
import {
  type DetailHead,
  findDetailHead,
  findDetailHeads,
} from '../db/repositories/assessment-reads.ts';
import type { Deps } from '../deps.ts';

/*
 * The columns of an assessment its ETag is made of (a respondent's reread
 * decides from them alone whether anything else must be read).
 *
 * SQLite: kept between requests while data_version says no other
 * connection wrote (Db.heads, db/read-cache.ts).
 *
 * PostgreSQL: read on every request, so a save another process has just
 * acknowledged is never missed — but the reads of all requests that arrived
 * in the same turn of the event loop go out as one statement
 * (DataLoader, batch scheduled on setImmediate: after the poll phase that
 * parsed those requests). A batch is sent only after each of its requests
 * arrived, so it sees every commit acknowledged before any of them was
 * sent. Under load several rereads then share a round trip, and the
 * database parses, binds and answers once for them (issue 15).
 */
export async function headOf(
  deps: Deps,
  id: string,
  orgId: string,
): Promise<DetailHead | undefined> {
  const db = deps.db;
  if (db.dialect === 'postgres') {
    const head = await loaderFor(db).load(id);
    // Another organisation's assessment is as absent as a missing one.
    return head?.org_id === orgId ? head : undefined;
  }
  const heads = db.heads;
  const kept = heads?.get(id);
  if (kept?.org_id === orgId) return kept;
  const generation = heads?.begin() ?? 0;
  const head = await findDetailHead(db.kysely, db.dialect, id, orgId);
  if (head) heads?.put(id, head, generation);
  return head;
}

type Loader = DataLoader<string, DetailHead | undefined>;
const loaders = new WeakMap<Deps['db'], Loader>();

function loaderFor(db: Deps['db']): Loader {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader<string, DetailHead | undefined>(
      async (ids) => {
        const rows = await findDetailHeads(db.kysely, [...new Set(ids)]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id));
      },
      {
        // Never answer from memory: each load is a fresh read (see above).
        cache: false,
        batchScheduleFn: (run) => setImmediate(run),
        maxBatchSize: 200,
      },
    );
    loaders.set(db, loader);
  }
  return loader;
}
