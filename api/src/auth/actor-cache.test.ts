import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActorCache } from './actor-cache.ts';
import type { Actor } from './session.ts';

const actor = (id: string): Actor => ({
  id,
  email: `${id}@example.cn`,
  name: id,
  role: 'respondent',
  orgId: 'org-a',
  orgName: '机构 A',
  orgKind: 'enterprise',
  orgRegion: null,
  sessionId: `s-${id}`,
});
const NOW = new Date('2026-11-29T08:00:00.000Z');
const LATER = '2026-11-29T09:00:00.000Z';

describe('ActorCache', () => {
  afterEach(() => vi.useRealTimers());

  it('serves nothing until the change feed is live, and forgets everything when it goes down', () => {
    const c = new ActorCache();
    c.put('d1', actor('a'), LATER, c.begin());
    expect(c.get('d1', NOW)).toBeUndefined();
    c.setLive(true);
    c.put('d1', actor('a'), LATER, c.begin());
    expect(c.get('d1', NOW)?.id).toBe('a');
    c.setLive(false);
    expect(c.get('d1', NOW)).toBeUndefined();
    c.setLive(true);
    expect(c.get('d1', NOW)).toBeUndefined();
  });

  it('drops a read that began before a change was announced', () => {
    const c = new ActorCache();
    c.setLive(true);
    const before = c.begin();
    c.clear(); // a logout elsewhere, announced while the read was under way
    c.put('d1', actor('a'), LATER, before);
    expect(c.get('d1', NOW)).toBeUndefined();
    c.put('d1', actor('a'), LATER, c.begin());
    expect(c.get('d1', NOW)?.id).toBe('a');
    c.clear();
    expect(c.get('d1', NOW)).toBeUndefined();
  });

  it('never outlives the session: expired at its expiry instant, kept one millisecond before', () => {
    const c = new ActorCache();
    c.setLive(true);
    c.put('d1', actor('a'), LATER, c.begin());
    expect(c.get('d1', new Date(Date.parse(LATER) - 1))?.id).toBe('a');
    expect(c.get('d1', new Date(LATER))).toBeUndefined();
    // Gone for good once seen expired.
    expect(c.get('d1', NOW)).toBeUndefined();
  });

  it('lapses after its time to live even when nothing was announced', () => {
    vi.useFakeTimers({ now: NOW });
    const c = new ActorCache(1_000);
    c.setLive(true);
    c.put('d1', actor('a'), LATER, c.begin());
    vi.advanceTimersByTime(1_000);
    expect(c.get('d1', NOW)?.id).toBe('a');
    vi.advanceTimersByTime(1);
    expect(c.get('d1', NOW)).toBeUndefined();
  });

  it('holds at most its capacity, dropping the oldest first', () => {
    const c = new ActorCache(30_000, 2);
    c.setLive(true);
    for (const id of ['a', 'b', 'c']) c.put(id, actor(id), LATER, c.begin());
    expect(c.size).toBe(2);
    expect(c.get('a', NOW)).toBeUndefined();
    expect(c.get('b', NOW)?.id).toBe('b');
    expect(c.get('c', NOW)?.id).toBe('c');
  });
});
