import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of a test's own (initdb in a temp directory, its own
 * port): the test may stop and start it at will, never touching the
 * machine's shared server. Runs the server as `postgres` when the test runs
 * as root (PostgreSQL refuses to run as root).
 */
export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Whether this machine can make one: PostgreSQL 15's binaries, and root or postgres. */
  static available(): boolean {
    const who = userInfo().username;
    return existsSync(join(BIN, 'initdb')) && (who === 'root' || who === 'postgres');
  }

  static create(port: number): PgCluster {
    const dir = mkdtempSync(join(tmpdir(), 'zhiping-pg-'));
    if (userInfo().username === 'root') chownSync(dir, uid('postgres'), gid('postgres'));
    const c = new PgCluster(dir, port);
    c.run(`${BIN}/initdb -D ${dir}/data -A trust -U postgres --no-sync`);
    c.start();
    return c;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    this.run(
      `${BIN}/pg_ctl -D ${this.dir}/data -l ${this.dir}/log -w start -o "-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1"`,
    );
  }

  /** A fast shutdown: every session is terminated, as in a restart or failover. */
  stop(): void {
    this.run(`${BIN}/pg_ctl -D ${this.dir}/data -m fast -w stop`);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(cmd: string): void {
    const asRoot = userInfo().username === 'root';
    execFileSync(
      asRoot ? 'su' : 'sh',
      asRoot ? ['postgres', '-s', '/bin/sh', '-c', cmd] : ['-c', cmd],
      {
        stdio: 'ignore',
      },
    );
  }
}

const uid = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());
const gid = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim());
