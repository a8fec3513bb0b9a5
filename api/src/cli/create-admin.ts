/**
 * `pnpm admin:create <email> <name>`: the first real administrator of an
 * install without demo data (which has no user at all). The account is
 * created without a password; the command prints a one-time link (72 h) at
 * which its holder sets one — no password ever passes through a terminal.
 */
import { randomUUID } from 'node:crypto';
import { boot } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { NO_PASSWORD } from '../db/repositories/accounts.ts';
import { issueLink } from '../services/admin-links.ts';
import { ensurePlatform, insertAdmin } from './platform.ts';

const USAGE = '用法 usage: pnpm admin:create <email> <姓名 name>';

async function main(args: string[]): Promise<number> {
  const [email, ...nameParts] = args;
  const name = nameParts.join(' ').trim();
  if (!email || !name || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error(USAGE);
    return 2;
  }
  // A real install: creating its administrator never loads the demo organisations.
  const config = loadConfig({ ...process.env, SEED_DEMO: '0' });
  const deps = await boot(config, { log: { info: () => {}, error: console.error } });
  try {
    const org = await ensurePlatform(deps);
    const now = deps.now();
    const id = randomUUID();
    const created = await insertAdmin(deps, {
      id,
      orgId: org.id,
      email,
      name,
      at: now,
      hash: NO_PASSWORD,
    });
    if (!created) {
      console.error(`已有账号使用 ${email} (this e-mail already has an account)`);
      return 1;
    }
    const actor = {
      id,
      email,
      name,
      role: 'admin' as const,
      orgId: org.id,
      orgName: org.name,
      orgKind: 'platform' as const,
      orgRegion: null,
      sessionId: 'cli',
    };
    const link = await issueLink(deps, actor, id, 'invite');
    // The address this install listens on; behind a proxy, open the same path on the site's address.
    const base = `http://${config.HOST}:${config.PORT}`;
    console.log(`已创建管理员 admin created: ${name} <${email}>`);
    console.log(`请在 ${link.expiresAt} 之前打开此链接设置密码 (open once to set the password):`);
    console.log(`  ${base}${link.path}`);
    return 0;
  } finally {
    await deps.reports.close();
    await deps.db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
