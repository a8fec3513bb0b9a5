/**
 * Questionnaire responsiveness in a real browser, on the largest built-in
 * definition (gbt29490-2013), with the CPU slowed 4× (a modest office laptop):
 *
 *   - a keystroke in a text field → the next paint
 *   - an answer that shows or hides other questions → the next paint
 *
 * Latency is measured in the page from the event's own timestamp to a
 * message posted from the first animation frame after it (which runs after
 * that frame is painted). For the show/hide answer it is also measured to
 * the paint after the shown or hidden questions changed in the DOM
 * ("settled": they follow in a React transition). Event Timing entries
 * (INP's source, 8 ms granularity) are reported alongside.
 * Target: p90 < 50 ms to the next paint; exits 1 above it.
 *
 *   npx tsx test/bench/browser.bench.ts        (needs /usr/bin/chromium)
 *
 * WEB_DIST=/path/to/another/dist measures another build of the app (e.g. a
 * copy of web/dist from before a change) against the same API, for a
 * before/after comparison in one sitting; the load average is printed.
 */
import { loadavg } from 'node:os';
import { launch } from '../e2e/support/browser.ts';
import { startApi } from '../e2e/support/server.ts';
import { ensureWebBuilt } from '../e2e/support/web-build.ts';

const RATE = Number(process.env.CPU_THROTTLE ?? 4);
const SAMPLES = Number(process.env.SAMPLES ?? 40);
const TARGET_MS = 50;

// Runs in the page: records event → next-paint latency per event type, and
// for clicks also → the paint after the questions shown on the page changed.
const probe = `
  window.__lat = { keydown: [], click: [], settled: [] };
  window.__evt = { keydown: [], click: [] };
  const painted = (list, t0) => requestAnimationFrame(() => {
    const mc = new MessageChannel();
    mc.port1.onmessage = () => list.push(performance.now() - t0);
    mc.port2.postMessage(0);
  });
  let lastClick = 0;
  let count = -1;
  addEventListener('keydown', (e) => painted(window.__lat.keydown, e.timeStamp), true);
  addEventListener('click', (e) => { lastClick = e.timeStamp; painted(window.__lat.click, e.timeStamp); }, true);
  addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
    const n = document.querySelectorAll('[data-item]').length;
    if (n === count) return;
    const was = count;
    count = n;
    if (was >= 0 && lastClick) { painted(window.__lat.settled, lastClick); lastClick = 0; }
  }).observe(document.body, { childList: true, subtree: true }));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name in window.__evt) window.__evt[e.name].push(e.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const fmt = (xs: number[]) =>
  `median ${pct(xs, 50).toFixed(1)} ms, p90 ${pct(xs, 90).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

const otherDist = process.env.WEB_DIST;
if (!otherDist) ensureWebBuilt();
const api = await startApi(otherDist ? { WEB_DIST: otherDist } : {});
const browser = await launch();
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  await page.goto(`${api.url}/`);
  await page.locator('#login-email').fill('qiye@demo.zhiping.cn');
  await page.locator('#login-password').fill('Demo-2026-zhiping');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByRole('button', { name: /^开始：GB\/T 29490-2013/ }).click();
  await page.waitForURL(/\/fill$/);
  await page.locator('#zp-step-title').waitFor();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const reset = () =>
    page.evaluate(
      'window.__lat = { keydown: [], click: [], settled: [] }; window.__evt = { keydown: [], click: [] };',
    );
  const read = async (k: 'keydown' | 'click') =>
    (await page.evaluate(`[window.__lat.${k}, window.__evt.${k}, window.__lat.settled]`)) as [
      number[],
      number[],
      number[],
    ];
  const visibleItems = () => page.locator('[data-item]').count();
  // Polled from here: the app's CSP (no eval) rules out waitForFunction with a string.
  const countIs = async (n: number) => {
    for (let i = 0; i < 500; i++) {
      if ((await visibleItems()) === n) return;
      await page.waitForTimeout(10);
    }
    throw new Error(`the questions on the step never became ${n}`);
  };

  // 1. An answer that shows/hides others: "holds a 2013 certificate?" governs two questions.
  const cert = page.locator('[data-item="p.holds-2013-cert"]');
  await cert.getByRole('radio', { name: '否', exact: true }).click();
  await page.waitForTimeout(300);
  const hidden = await visibleItems();
  await cert.getByRole('radio', { name: '是', exact: true }).click();
  await page.waitForTimeout(300);
  const shown = await visibleItems();
  if (shown <= hidden) throw new Error(`answering did not show questions (${hidden} → ${shown})`);
  // Real mouse clicks at fixed points (the answers shown or hidden are below this
  // question, so it does not move): no locator work in the page between samples.
  const point = async (name: string) => {
    const box = await cert.locator('label', { hasText: name }).first().boundingBox();
    if (!box) throw new Error(`no "${name}" on screen`);
    return { x: box.x + 10, y: box.y + box.height / 2 };
  };
  const [no, yes] = [await point('否'), await point('是')];
  await reset();
  for (let i = 0; i < SAMPLES; i++) {
    const p = i % 2 ? yes : no;
    await page.mouse.click(p.x, p.y);
    await countIs(i % 2 ? shown : hidden);
    await page.waitForTimeout(100);
  }
  const [toggle, toggleEvt, settled] = await read('click');

  // 2. Keystrokes in a text field (an evidence reference), on the step that holds one.
  const ref = page.locator('input[id$="-input-ref"]').first();
  for (let step = 0; step < 10 && (await ref.count()) === 0; step++)
    await page.locator('.zp-actions').getByRole('button', { name: '下一步' }).click();
  // A step change moves focus to the step's heading once rendered: click the field after
  // that, and make sure it has the focus, or the keystrokes go nowhere (and look fast).
  await page.waitForTimeout(1_000);
  await ref.click();
  if (!(await ref.evaluate((e) => e === e.ownerDocument.activeElement)))
    throw new Error('the text field did not take the focus');
  const before = (await ref.inputValue()).length;
  await reset();
  // Main-thread work per keystroke (script, and all tasks), from Chromium's own counters:
  // steadier than latency on a busy machine. Includes the deferred work after the paint.
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: m } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const of = (n: string) => m.find((x) => x.name === n)?.value ?? 0;
    return { script: of('ScriptDuration'), task: of('TaskDuration') };
  };
  const m0 = await metrics();
  for (let i = 0; i < SAMPLES; i++) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(80);
  }
  const m1 = await metrics();
  const typed = (await ref.inputValue()).length - before;
  if (typed !== SAMPLES)
    throw new Error(`only ${typed} of ${SAMPLES} keystrokes reached the field`);
  const [keys, keysEvt] = await read('keydown');
  const perKey = (k: 'script' | 'task') => (((m1[k] - m0[k]) * 1000) / SAMPLES).toFixed(1);

  console.log(
    `gbt29490-2013 questionnaire, CPU throttled ${RATE}×, Chromium headless; ${otherDist ?? 'web/dist'}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `show/hide answer → next paint: ${fmt(toggle)}  (${hidden}↔${shown} questions on the step)`,
  );
  console.log(`  … → questions shown/hidden painted: ${fmt(settled)}`);
  console.log(`keystroke → next paint:        ${fmt(keys)}`);
  console.log(
    `  main-thread work per keystroke: script ${perKey('script')} ms, all tasks ${perKey('task')} ms (throttled)`,
  );
  if (toggleEvt.length || keysEvt.length)
    console.log(
      `Event Timing ≥16 ms entries: click ${toggleEvt.length} (p90 ${pct(toggleEvt, 90) || 0} ms), keydown ${keysEvt.length} (p90 ${pct(keysEvt, 90) || 0} ms)`,
    );
  // The target is on the next paint (the answer visibly taken); "settled" is reported for
  // information: the questions it shows or hides follow in a React transition.
  for (const [name, xs] of [
    ['show/hide', toggle],
    ['keystroke', keys],
  ] as const) {
    if (pct(xs, 90) > TARGET_MS) {
      console.log(`over target: ${name} p90 > ${TARGET_MS} ms`);
      failed = true;
    }
  }
} finally {
  await browser.close();
  await api.stop();
}
process.exit(failed ? 1 : 0);
