import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness.ts';
import type { RunStatement } from './open.ts';

/*
 * Db.atOnce (SQLite): statements run synchronously in one transaction on
 * the serving connection. It must wait for a transaction Kysely has open
 * there (never join it), roll back when its work throws, and empty the
 * caches its writes touch, as Kysely's statements do (db/write-watch.ts).
 */
describe('Db.atOnce on SQLite', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite');
  });
  afterAll(() => h?.close());

  const org = (id: string) => ({
    id,
    name: `机构 ${id}`,
    kind: 'enterprise' as const,
    region: null,
    created_at: '2026-11-21T08:00:00.000Z',
  });
  const exists = async (id: string) =>
    (await h.deps.db.kysely
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined;
  const atOnce = <T>(work: (run: RunStatement) => T): Promise<T> => {
    const f = h.deps.db.atOnce;
    if (!f) throw new Error('no atOnce on SQLite');
    return f(work);
  };

  it('waits for a transaction Kysely holds open, and does not run inside it', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const order: string[] = [];
    // A transaction that inserts a row, waits, and then rolls back.
    const held = h.deps.db.kysely
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('organisations').values(org('tx-row')).execute();
        order.push('inserted');
        await gate;
        throw new Error('roll back');
      })
      .catch(() => order.push('rolled back'));
    await new Promise((r) => setTimeout(r, 20));
    const changed = atOnce((run) => {
      order.push('atOnce');
      return run('update organisations set name = ? where id = ?', ['看见了', 'tx-row']);
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['inserted']);
    release();
    await held;
    // Inside the transaction it would have seen (and changed) the row rolled back after.
    expect(await changed).toBe(0);
    expect(order).toEqual(['inserted', 'rolled back', 'atOnce']);
    expect(await exists('tx-row')).toBe(false);
  });

  it('rolls back every statement when its work throws, and passes the error on', async () => {
    const insert = `insert into organisations (id, name, kind, region, created_at) values (?, ?, ?, ?, ?)`;
    const o = org('thrown-row');
    await expect(
      atOnce((run) => {
        run(insert, [o.id, o.name, o.kind, o.region, o.created_at]);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await exists('thrown-row')).toBe(false);
    // And a failing statement's own error (a duplicate key) the same way.
    await expect(
      atOnce((run) => {
        run(insert, ['dup-row', o.name, o.kind, o.region, o.created_at]);
        run(insert, ['dup-row', o.name, o.kind, o.region, o.created_at]);
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await exists('dup-row')).toBe(false);
  });

  it('empties the caches its writes touch, and only those', async () => {
    const heads = h.deps.db.heads;
    if (!heads) throw new Error('SQLite keeps assessment heads');
    // A read of an assessment keeps its head (what its ETag is made of).
    const alice = await h.as('alice');
    const made = await alice.req<{ id: string }>('POST', '/api/assessments', {
      definition: 'gbt29490-2013',
    });
    expect((await alice.get(`/api/assessments/${made.body.id}`)).status).toBe(200);
    const kept = heads.size;
    expect(kept).toBeGreaterThan(0);
    await atOnce((run) => run('update organisations set name = name where id = ?', ['org-a']));
    expect(heads.size).toBe(kept);
    await atOnce((run) => run('update assessments set title = title where id = ?', ['none']));
    expect(heads.size).toBe(0);
  });
});
