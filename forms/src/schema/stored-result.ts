import { z } from 'zod';
import type { Text } from './common.ts';
import { type Blocker, type Reason, ScoreResult, type TraceStep } from './result.ts';

/*
 * Results frozen before the engine returned codes (engine ≤ 0.1) carried
 * finished Chinese sentences in `verdict.reasons` and `trace[].detail`.
 * Everything those sentences said is also in the structured parts of the
 * same result (the trace's rule ids and outcomes, the total, `next`), so the
 * codes are rebuilt from those — without re-scoring, which a newer engine
 * might decide differently.
 */

interface LegacyStep {
  rule: string;
  outcome: 'passed' | 'failed' | 'unknown';
  detail?: string;
}

const isLegacy = (r: unknown): r is Record<string, unknown> & { trace: LegacyStep[] } =>
  typeof r === 'object' &&
  r !== null &&
  Array.isArray((r as { trace?: unknown }).trace) &&
  (r as { trace: unknown[] }).trace.some(
    (t) => typeof t === 'object' && t !== null && !('code' in t),
  );

/** The old "no tier reached" label, which is now `null`. */
const LEGACY_NONE = '未达到任何等级';

function step(t: LegacyStep, total: number): TraceStep {
  const { rule, outcome } = t;
  let m = /^gate:(.+)$/.exec(rule);
  if (m) return { rule, outcome, code: 'gate', gate: m[1] as string };
  m = /^tier:(.+)\.minScore$/.exec(rule);
  if (m) {
    // "总分 72.5 ≥ 60": the threshold is the last number of the old detail.
    const min = Number(/([\d.]+)\s*$/.exec(t.detail ?? '')?.[1] ?? Number.NaN);
    return { rule, outcome, code: 'tier.score', tier: m[1] as string, score: total, min };
  }
  m = /^tier:(.+?)\.gate:(.+)$/.exec(rule);
  if (m) return { rule, outcome, code: 'tier.gate', tier: m[1] as string, gate: m[2] as string };
  m = /^tier:(.+)\.requires$/.exec(rule);
  if (m) return { rule, outcome, code: 'tier.requires', tier: m[1] as string };
  throw new Error(`unknown legacy trace rule "${rule}"`);
}

function blockersOf(tier: string, trace: TraceStep[], label: Text): Blocker[] {
  const out: Blocker[] = [];
  for (const t of trace) {
    if (t.code === 'gate' || t.tier !== tier || t.outcome === 'passed') continue;
    if (t.code === 'tier.score') out.push({ code: 'score.below', score: t.score, min: t.min });
    else if (t.code === 'tier.gate')
      out.push({ code: t.outcome === 'failed' ? 'gate.failed' : 'gate.unknown', gate: t.gate });
    else
      out.push({
        code: t.outcome === 'failed' ? 'requires.failed' : 'requires.unknown',
        tier,
        label,
      });
  }
  return out;
}

/** A result frozen by the first engine, in today's shape. */
export function upgradeLegacyResult(raw: Record<string, unknown> & { trace: LegacyStep[] }) {
  const total = (raw.total as { score: number }).score;
  const trace = raw.trace.map((t) => step(t, total));
  const verdict = raw.verdict as { tier: string | null; label: Text | null };
  const label = verdict.label === LEGACY_NONE ? null : verdict.label;
  const tiers = [...new Set(trace.flatMap((t) => (t.code === 'tier.score' ? [t.tier] : [])))];
  const reached = verdict.tier === null ? -1 : tiers.indexOf(verdict.tier);
  const reasons: Reason[] = [];
  if (verdict.tier !== null && label !== null)
    reasons.push({ code: 'tier.reached', tier: verdict.tier, label, score: total });
  const above = tiers[reached + 1];
  const next = raw.next as { tier: string; label: Text } | null;
  if (above !== undefined) {
    // The old reason began 未达到「label」：, and `next` names the same tier.
    const oldReason = (raw.verdict as { reasons?: unknown[] }).reasons?.find(
      (r): r is string => typeof r === 'string' && r.startsWith('未达到「'),
    );
    const aboveLabel: Text =
      next?.tier === above ? next.label : (/^未达到「(.+?)」/.exec(oldReason ?? '')?.[1] ?? above);
    reasons.push({
      code: 'tier.missed',
      tier: above,
      label: aboveLabel,
      blockers: blockersOf(above, trace, aboveLabel),
    });
  }
  return { ...raw, verdict: { ...verdict, label, reasons }, trace };
}

/**
 * A result as stored in a database column: today's shape, or the first
 * engine's, upgraded on the way in. Parse stored results with this, once.
 */
export const StoredScoreResult = z.preprocess(
  (raw) => (isLegacy(raw) ? upgradeLegacyResult(raw) : raw),
  ScoreResult,
);
