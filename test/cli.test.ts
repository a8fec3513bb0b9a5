import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The authors' CLI as a person runs it: a separate process, real files.
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
// Run from the forms package (where tsx is installed); paths resolve against INIT_CWD as under pnpm.
const cli = (...args: string[]) =>
  run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: join(root, 'forms'),
    env: { ...process.env, INIT_CWD: root },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

const scratch = mkdtempSync(join(tmpdir(), 'zhiping-cli-'));
const file = (name: string, text: string) => {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return p;
};

describe('pnpm forms', () => {
  it('check passes on every built-in definition and mapping', async () => {
    const r = await cli('check', '--strict');
    expect(r.stdout).toMatch(/checked \d+ file\(s\): 0 error\(s\), 0 warning\(s\)/);
    expect(r.code).toBe(0);
  });

  it('check lists every problem of a bad file with its line, and exits 1', async () => {
    const bad = file(
      'bad.yaml',
      [
        'id: bad-example',
        'version: 1.0.0',
        'family: gbt29490',
        'title: 坏例子',
        'audience: [enterprise]',
        'sections:',
        '  - id: s',
        '    title: 节',
        '    items:',
        '      - id: s.a',
        '        kind: yesno',
        '        prompt: 甲？',
        '        visibleWhen: { op: eq, ref: s.nothing, value: true }',
        '      - id: s.a',
        '        kind: single',
        '        prompt: 乙？',
        '        options: [{ id: x, label: X }, { id: y, label: Y }]',
        'tiers:',
        '  - { id: t, label: T, gates: [g.none] }',
      ].join('\n'),
    );
    const r = await cli('check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'bad.yaml:13  sections.0.items.0.visibleWhen.ref  unknown item or derived value "s.nothing"',
    );
    expect(r.stdout).toContain(
      'bad.yaml:14  sections.0.items.1.id  "s.a" is already used by a item',
    );
    expect(r.stdout).toContain('bad.yaml:19  tiers.0.gates.0  unknown gate "g.none"');
    expect(r.stdout).not.toContain('at ');
  });

  it('score prints a readable summary of a sample', async () => {
    const r = await cli('score', 'fixture-free', 'nothing.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no definition "fixture-free"/);
    const ok = await cli(
      'score',
      'gbt29490-2023',
      'seeds/samples/gbt29490-2023/ready-manufacturer.json',
      '--pretty',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('结论：可以申请认证');
  });

  it('score refuses answers of the wrong type with structured problems, not a stack trace', async () => {
    const answers = file(
      'answers.json',
      JSON.stringify({ 'pre.internal-audit': 'yes', 'zz.unknown': 1 }),
    );
    const r = await cli('score', 'gbt29490-2023', answers);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stderr) as { problems: { path: string[]; message: string }[] };
    expect(out.problems).toContainEqual(expect.objectContaining({ path: ['pre.internal-audit'] }));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('pnpm forms check: gates that cannot act', () => {
  it('rejects, with file:line, a gate no tier uses and a veto that cannot take effect', async () => {
    const bad = file(
      'gates.yaml',
      [
        'id: gates-example',
        'version: 1.0.0',
        'family: gbt29490',
        'title: 门槛例子',
        'audience: [enterprise]',
        'sections:',
        '  - id: s',
        '    title: 节',
        '    items:',
        '      - { id: s.a, kind: yesno, points: 1, prompt: 甲？, recommendation: 做, citations: [{ standard: gbt29490-2023, clause: "5.2" }] }',
        'gates:',
        '  - id: g.orphan',
        '    title: 没人用',
        '    condition: { op: eq, ref: s.a, value: true }',
        '    failMessage: 不满足',
        '  - id: g.veto',
        '    kind: veto',
        '    title: 否决',
        '    condition: { op: eq, ref: s.a, value: true }',
        '    failMessage: 否决',
        'tiers:',
        '  - { id: low, label: 低, gates: [g.veto] }',
        '  - { id: high, label: 高, minScore: 50 }',
      ].join('\n'),
    );
    const r = await cli('check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gates.yaml:12  gates.0.id  gate "g.orphan" is named by no tier');
    expect(r.stdout).toContain(
      'gates.yaml:22  tiers.0.gates.0  veto gate "g.veto" is a condition of the lowest tier',
    );
  });
});
