import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults a newcomer can run with', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 8080,
      SEED_DEMO: true,
      SQLITE_DURABILITY: 'group',
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
  });

  it('resolves a relative data directory from where the command was run', () => {
    expect(loadConfig({ INIT_CWD: '/srv/zhiping' }).dataDir).toBe('/srv/zhiping/data');
    expect(loadConfig({ INIT_CWD: '/srv/zhiping', DATA_DIR: '/var/lib/zp' }).dataDir).toBe(
      '/var/lib/zp',
    );
  });

  it('reads flags and numbers from strings, and treats empty as unset', () => {
    const c = loadConfig({ PORT: '9000', SEED_DEMO: '0', DATABASE_URL: '' });
    expect(c.PORT).toBe(9000);
    expect(c.SEED_DEMO).toBe(false);
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('works in Asia/Shanghai unless told otherwise, and refuses unknown time zones', () => {
    expect(loadConfig({}).TIME_ZONE).toBe('Asia/Shanghai');
    expect(loadConfig({ TIME_ZONE: 'Europe/Berlin' }).TIME_ZONE).toBe('Europe/Berlin');
    expect(() => loadConfig({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE/);
  });

  it('names every bad variable at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const v of ['PORT', 'DATABASE_URL', 'SEED_DEMO']) expect(msg).toContain(v);
  });
});
