/**
 * Questionnaire responsiveness in a real browser, side by side with SurveyJS
 * (survey-react-ui rendering the same definition, converted in
 * test/bench/surveyjs/), on the largest built-in definition (gbt29490-2013),
 * with the CPU slowed 4× (a modest office laptop):
 *
 *   - a keystroke in a text field → the next paint
 *   - an answer that shows or hides other questions → the next paint, and
 *     → the paint after the questions shown changed ("settled")
 *   - moving to the next or previous section → the paint after its
 *     questions are on the page
 *
 * Latency is measured in the page from the event's own timestamp to a
 * message posted from the first animation frame after it (which runs after
 * that frame is painted). Both sides run in one sitting, in alternating
 * rounds (ROUNDS, default 2), and the medians of all their samples are
 * compared; the load average is printed before and after (other work on the
 * machine slows both sides alike, not always evenly: quote the ratios).
 * Targets: keystroke ≤ half of SurveyJS's; show/hide and section switch
 * ≥ 5× faster. Exits 1 when one is missed.
 *
 * For scale, each round also types into a plain HTML page without any
 * script (the evidence section's prompts, each with an input): the browser's
 * own cost of a keystroke on a page that long, which no library can beat.
 *
 *   npx tsx test/bench/browser.bench.ts        (needs /usr/bin/chromium)
 *
 * WEB_DIST=/path/to/another/dist measures another build of our app;
 * BENCH_PORT=n serves it on that port (else any free one).
 * PROFILE=/some/dir writes a CPU profile of each measured phase there
 * (<side>-<phase>-<n>.cpuprofile; build with --minify false for names);
 * test/bench/profile-summary.ts lists where their time went.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { zh } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launch } from '../e2e/support/browser.ts';
import { startApi } from '../e2e/support/server.ts';
import { ensureWebBuilt } from '../e2e/support/web-build.ts';
import { buildSurveyPage } from './surveyjs/build.ts';
import { SURVEY_ORIGIN, serveSurveyPage } from './surveyjs/serve.ts';

const RATE = Number(process.env.CPU_THROTTLE ?? 4);
const PROFILE = process.env.PROFILE;
if (PROFILE) mkdirSync(PROFILE, { recursive: true });
let profiled = 0;
const SAMPLES = Number(process.env.SAMPLES ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const DEF = 'gbt29490-2013';
const GOVERNS = 'p.holds-2013-cert'; // "holds a 2013 certificate?" shows two questions

// Runs in the page: event → next-paint latency per event type, and for clicks
// also → the paint after the questions on the page changed (their number or
// the first of them: showing/hiding, or another section).
const probe = `
  window.__lat = { keydown: [], click: [], settled: [] };
  const painted = (list, t0) => requestAnimationFrame(() => {
    const mc = new MessageChannel();
    mc.port1.onmessage = () => list.push(performance.now() - t0);
    mc.port2.postMessage(0);
  });
  let lastClick = 0;
  let sig = '';
  addEventListener('keydown', (e) => painted(window.__lat.keydown, e.timeStamp), true);
  addEventListener('click', (e) => { lastClick = e.timeStamp; painted(window.__lat.click, e.timeStamp); }, true);
  addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
    const items = document.querySelectorAll('[data-item]');
    const now = items.length + ':' + (items[0] ? items[0].getAttribute('data-item') : '');
    if (now === sig) return;
    const was = sig;
    sig = now;
    if (was && lastClick) { painted(window.__lat.settled, lastClick); lastClick = 0; }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-item'] }));
`;

/** The probe's figures in the page. */
interface Probe {
  __lat: Record<'keydown' | 'click' | 'settled', number[]>;
}

/** How one library's page is opened and driven. */
interface Side {
  name: string;
  /** Opens the page on the section holding `section`. */
  open(page: Page, section: string): Promise<void>;
  next(page: Page): Locator;
  prev(page: Page): Locator;
  /** The text field typed into on the evidence section. */
  field(page: Page, evidenceId: string): Locator;
}

const def = loadBuiltins().get(DEF);
const topOf = (pred: (id: string, kind: string) => boolean) => {
  const has = (s: (typeof def.sections)[number]): boolean =>
    s.items.some((i) => pred(i.id, i.kind)) || s.sections.some(has);
  const top = def.sections.find(has);
  if (!top) throw new Error('no such section');
  return top.id;
};
const governSection = topOf((id) => id === GOVERNS);
const evidenceSection = topOf((_, kind) => kind === 'evidence');
const evidenceId = (() => {
  const walk = (s: (typeof def.sections)[number]): string | undefined =>
    s.items.find((i) => i.kind === 'evidence')?.id ?? s.sections.map(walk).find(Boolean);
  const top = def.sections.find((s) => s.id === evidenceSection);
  const id = top ? walk(top) : undefined;
  if (!id) throw new Error('no evidence item');
  return id;
})();

const otherDist = process.env.WEB_DIST;
if (!otherDist) ensureWebBuilt();
// BENCH_PORT pins the API's port (a shared machine hands each user a range).
const benchPort = process.env.BENCH_PORT;
const api = await startApi(
  otherDist ? { WEB_DIST: otherDist } : {},
  benchPort
    ? { port: Number(benchPort), dataDir: mkdtempSync(join(tmpdir(), 'zp-bench-')) }
    : undefined,
);
const surveyDir = await buildSurveyPage(def);
const browser = await launch();

let fillUrl: string | null = null;
const ours: Side = {
  name: 'Zhiping',
  async open(page, section) {
    // One draft per page: the first open signs in and starts it, later ones change step.
    if (!fillUrl || !page.url().startsWith(api.url)) {
      // Signed in already in a later round (the context keeps the cookie): home, not the form.
      await page.goto(`${api.url}/`);
      const start = page.getByRole('button', { name: /^开始：GB\/T 29490-2013/ });
      const email = page.locator('#login-email');
      await start.or(email).first().waitFor();
      if (await email.isVisible()) {
        await email.fill('qiye@demo.zhiping.cn');
        await page.locator('#login-password').fill('Demo-2026-zhiping');
        await page.locator('button[type=submit]').click();
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      }
      await page.getByRole('button', { name: /^开始：GB\/T 29490-2013/ }).click();
      await page.waitForURL(/\/fill/);
      await page.locator('#zp-step-title').waitFor();
      fillUrl = page.url();
    }
    const url = new URL(fillUrl);
    url.searchParams.set('step', section);
    url.searchParams.delete('item');
    await page.goto(url.toString());
    await page.locator('#zp-step-title').waitFor();
  },
  next: (page) => page.locator('.zp-actions').getByRole('button', { name: '下一步' }),
  prev: (page) => page.locator('.zp-actions').getByRole('button', { name: '上一步' }),
  field: (page, id) => page.locator(`[data-item="${id}"] input[id$="-input-ref"]`),
};
const survey: Side = {
  name: 'SurveyJS',
  async open(page, section) {
    await page.goto(`${SURVEY_ORIGIN}/?page=${encodeURIComponent(section)}`);
    await page.locator('[data-item]').first().waitFor();
  },
  next: (page) => page.locator('.sd-navigation__next-btn'),
  prev: (page) => page.locator('.sd-navigation__prev-btn'),
  field: (page, id) => page.locator(`[data-item="${id}__ref"] input`),
};

/** The plain page (no script): the evidence section's prompts, each with a text input. */
const PLAIN_ORIGIN = 'http://plain.bench';
const plainPage = (() => {
  const esc = (x: string) => x.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const rows: string[] = [];
  const walk = (sec: (typeof def.sections)[number]) => {
    for (const i of sec.items)
      rows.push(
        `<div style="padding:14px 0;border-bottom:1px dashed #ddd"><label for="${esc(i.id)}">${esc(zh(i.prompt))}</label><p>${esc(i.help ? zh(i.help) : '')}</p><input id="${esc(i.id)}" style="width:100%"></div>`,
      );
    for (const c of sec.sections) walk(c);
  };
  const top = def.sections.find((x) => x.id === evidenceSection);
  if (top) walk(top);
  return `<!doctype html><meta charset="utf-8"><main style="max-width:760px;margin:24px auto;font:14px sans-serif">${rows.join('')}</main>`;
})();

/** Keystroke → next paint on the plain page, as `measure` types (same probe, throttle, pace). */
async function measurePlain(context: BrowserContext): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${PLAIN_ORIGIN}/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const field = page.locator(`input[id="${evidenceId}"]`);
  await page.waitForTimeout(1_000);
  await field.click();
  await page.evaluate('window.__lat = { keydown: [], click: [], settled: [] };');
  for (let i = 0; i < SAMPLES; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(100);
  }
  const typed = (await field.inputValue()).length;
  if (typed !== SAMPLES) throw new Error(`plain page: ${typed} of ${SAMPLES} keystrokes arrived`);
  const { keydown } = (await page.evaluate('window.__lat')) as { keydown: number[] };
  await page.close();
  return keydown;
}

type Figures = Record<
  'keystroke' | 'keyScript' | 'keyTask' | 'showHide' | 'showHideSettled' | 'section',
  number[]
>;

async function measure(context: BrowserContext, side: Side): Promise<Figures> {
  const page = await context.newPage();
  fillUrl = null;
  const cdp = await context.newCDPSession(page);
  const reset = () => page.evaluate('window.__lat = { keydown: [], click: [], settled: [] };');
  const read = async () =>
    (await page.evaluate('window.__lat')) as Record<'keydown' | 'click' | 'settled', number[]>;
  const count = () => page.locator('[data-item]').count();
  // The JS profile of one phase (PROFILE): sampling slows both sides alike.
  const profile = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    if (!PROFILE) return run();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const base = `${PROFILE}/${side.name}-${phase}-${++profiled}`;
    // And the browser's own timeline (style, layout, paint), for trace-summary.
    await browser.startTracing(page, {
      path: `${base}.trace.json`,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
      ],
    });
    const out = await run();
    await browser.stopTracing();
    const { profile: p } = await cdp.send('Profiler.stop');
    writeFileSync(`${base}.cpuprofile`, JSON.stringify(p));
    return out;
  };
  // Waits in the page (a timer every 20 ms): a locator polled from here runs Playwright's
  // query engine in the page, several ms of main-thread work at 4× that could land between an
  // event and its paint, on either side.
  const waitCount = async (n: number) => {
    await page
      .waitForFunction((k) => document.querySelectorAll('[data-item]').length === k, n, {
        polling: 20,
        timeout: 10_000,
      })
      .catch(() => {
        throw new Error(`${side.name}: the questions never became ${n}`);
      });
  };
  /** Until the probe has timed `k` section switches (the paint after the questions changed). */
  const waitSettled = (k: number) =>
    page.waitForFunction((n) => (window as unknown as Probe).__lat.settled.length >= n, k, {
      polling: 20,
      timeout: 10_000,
    });

  // 1. Show/hide: answering the certificate question shows or hides two others.
  await side.open(page, governSection);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const cert = page.locator(`[data-item="${GOVERNS}"]`);
  const label = (name: string) =>
    cert.locator('label', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
  await label('否').click();
  await page.waitForTimeout(500);
  const hidden = await count();
  await label('是').click();
  // The shown questions follow in a transition: on a busy machine, give them time.
  let shown = await count();
  for (let i = 0; i < 500 && shown <= hidden; i++) {
    await page.waitForTimeout(20);
    shown = await count();
  }
  if (shown <= hidden)
    throw new Error(`${side.name}: answering did not show questions (${hidden} → ${shown})`);
  // Real mouse clicks at fixed points: no locator work in the page between samples.
  const point = async (name: string) => {
    const box = await label(name).boundingBox();
    if (!box) throw new Error(`${side.name}: no "${name}" on screen`);
    return { x: box.x + Math.min(10, box.width / 2), y: box.y + box.height / 2 };
  };
  const [no, yes] = [await point('否'), await point('是')];
  await reset();
  await profile('showhide', async () => {
    for (let i = 0; i < SAMPLES; i++) {
      const p = i % 2 ? yes : no;
      await page.mouse.click(p.x, p.y);
      await waitCount(i % 2 ? shown : hidden);
      await page.waitForTimeout(150);
    }
  });
  const toggled = await read();

  // 2. Section switch: next, previous, … each to the paint of the other section's questions.
  await reset();
  await profile('section', async () => {
    for (let i = 0; i < SAMPLES; i++) {
      await (i % 2 ? side.prev(page) : side.next(page)).click();
      await waitSettled(i + 1).catch(() => {
        throw new Error(`${side.name}: section switch ${i + 1} never painted other questions`);
      });
      await page.waitForTimeout(300);
    }
  });
  const switched = await read();

  // 3. Keystrokes in the evidence reference field.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await side.open(page, evidenceSection);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const field = side.field(page, evidenceId);
  await page.waitForTimeout(1_000);
  await field.click();
  if (!(await field.evaluate((e) => e === e.ownerDocument.activeElement)))
    throw new Error(`${side.name}: the text field did not take the focus`);
  const before = (await field.inputValue()).length;
  await reset();
  // Main-thread work per keystroke, from Chromium's own counters (throttled): steadier than
  // latency on a busy machine; includes the work deferred after the paint.
  await cdp.send('Performance.enable');
  const work = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const of = (n: string) => (metrics.find((x) => x.name === n)?.value ?? 0) * 1000;
    return { script: of('ScriptDuration'), task: of('TaskDuration') };
  };
  const w0 = await work();
  await profile('keystroke', async () => {
    for (let i = 0; i < SAMPLES; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(100);
    }
  });
  const typed = (await field.inputValue()).length - before;
  if (typed !== SAMPLES) throw new Error(`${side.name}: ${typed} of ${SAMPLES} keystrokes arrived`);
  const w1 = await work();
  const keys = await read();
  await page.close();
  return {
    keystroke: keys.keydown,
    keyScript: [(w1.script - w0.script) / SAMPLES],
    keyTask: [(w1.task - w0.task) / SAMPLES],
    showHide: toggled.click,
    showHideSettled: toggled.settled,
    section: switched.settled,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.9 * s.length))] ?? Number.NaN;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(probe);
  await serveSurveyPage(context, surveyDir);
  await context.route(`${PLAIN_ORIGIN}/`, (route) =>
    route.fulfill({ body: plainPage, contentType: 'text/html' }),
  );
  const all = new Map<string, Figures>();
  const plain: number[] = [];
  const loadBefore = load();
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of r % 2 ? [survey, ours] : [ours, survey]) {
      const f = await measure(context, side);
      const acc = all.get(side.name);
      if (!acc) all.set(side.name, f);
      else for (const k of Object.keys(f) as (keyof Figures)[]) acc[k].push(...f[k]);
    }
    plain.push(...(await measurePlain(context)));
  }
  const a = all.get(ours.name);
  const b = all.get(survey.name);
  if (!a || !b) throw new Error('a side did not run');
  console.log(
    `${DEF}, CPU throttled ${RATE}×, Chromium headless, ${ROUNDS} alternating rounds × ${SAMPLES} samples; ${otherDist ?? 'web/dist'}; load average ${loadBefore} → ${load()}`,
  );
  console.log(
    'what (ms, median / p90)          Zhiping          SurveyJS         SurveyJS ÷ Zhiping',
  );
  const row = (name: string, k: keyof Figures) => {
    const ratio = median(b[k]) / median(a[k]);
    console.log(
      `${name.padEnd(32)} ${median(a[k]).toFixed(1).padStart(6)} / ${p90(a[k]).toFixed(1).padEnd(7)} ${median(b[k]).toFixed(1).padStart(6)} / ${p90(b[k]).toFixed(1).padEnd(7)} ${ratio.toFixed(2)}×`,
    );
    return ratio;
  };
  const keyRatio = row('keystroke → next paint', 'keystroke');
  console.log(
    `${'  plain HTML page, no script'.padEnd(32)} ${median(plain).toFixed(1).padStart(6)} / ${p90(plain).toFixed(1).padEnd(7)} (the browser's own floor; half of SurveyJS is ${(median(b.keystroke) / 2).toFixed(1)})`,
  );
  row('  script per keystroke (per round)', 'keyScript');
  row('  all tasks per keystroke', 'keyTask');
  const showRatio = row('show/hide → next paint', 'showHide');
  const settledRatio = row('show/hide → questions painted', 'showHideSettled');
  const sectionRatio = row('section switch → painted', 'section');
  for (const [what, ok] of [
    ['keystroke ≤ half of SurveyJS', keyRatio >= 2],
    ['show/hide ≥ 5× faster (questions painted)', settledRatio >= 5],
    ['section switch ≥ 5× faster', sectionRatio >= 5],
  ] as const) {
    console.log(`${ok ? 'met   ' : 'MISSED'} ${what}`);
    if (!ok) failed = true;
  }
  void showRatio;
} finally {
  await browser.close();
  await api.stop();
}
process.exit(failed ? 1 : 0);
