import type { Definition } from '../schema/definition.ts';
import type { Locale } from '../schema/enums.ts';
import type { Blocker, Reason, ScoreResult, TraceStep } from '../schema/result.ts';
import { formatScore, textOf, translate } from './translate.ts';

/** What the verdict texts look up besides the codes: the result's gates, the definition's tiers. */
export interface VerdictContext {
  result: Pick<ScoreResult, 'gates'>;
  /** Its tiers name tiers; its sections (when given) name the targets missed. */
  definition?: (Pick<Definition, 'tiers'> & Partial<Pick<Definition, 'sections'>>) | undefined;
  locale?: Locale | undefined;
}

const gateOf = (ctx: VerdictContext, id: string) => ctx.result.gates.find((g) => g.id === id);
const gateTitle = (ctx: VerdictContext, id: string) =>
  textOf(gateOf(ctx, id)?.title, ctx.locale) || id;
const tierLabel = (ctx: VerdictContext, id: string) =>
  textOf(ctx.definition?.tiers.find((t) => t.id === id)?.label, ctx.locale) || id;

/** An item's short name (its label, else its prompt), or its id when the definition is not at hand. */
function itemName(ctx: VerdictContext, id: string): string {
  const find = (
    ss: Definition['sections'],
  ): Definition['sections'][number]['items'][number] | undefined => {
    for (const s of ss) {
      const hit = s.items.find((i) => i.id === id) ?? find(s.sections);
      if (hit) return hit;
    }
    return undefined;
  };
  const item = ctx.definition?.sections ? find(ctx.definition.sections) : undefined;
  return textOf(item?.label ?? item?.prompt, ctx.locale) || id;
}

function targetsText(
  t: { attained: number; total: number; missed: string[] },
  ctx: VerdictContext,
): string {
  const l = ctx.locale ?? 'zh';
  if (t.missed.length === 0) return translate(l, 'targets.all', { total: t.total });
  return translate(l, 'targets.missed', {
    attained: t.attained,
    total: t.total,
    names: t.missed.map((id) => itemName(ctx, id)).join(translate(l, 'list.sep')),
  });
}

/** The verdict's label, or "no tier reached". */
export function verdictLabel(r: Pick<ScoreResult, 'verdict'>, locale: Locale = 'zh'): string {
  return r.verdict.label === null
    ? translate(locale, 'verdict.none')
    : textOf(r.verdict.label, locale);
}

export function blockerText(b: Blocker, ctx: VerdictContext): string {
  const l = ctx.locale ?? 'zh';
  switch (b.code) {
    case 'score.below':
      return translate(l, 'blocker.score.below', { score: formatScore(b.score), min: b.min });
    case 'gate.failed': {
      const g = gateOf(ctx, b.gate);
      return translate(l, 'blocker.gate.failed', {
        message: textOf(g?.message, l) || gateTitle(ctx, b.gate),
      });
    }
    case 'gate.unknown':
      return translate(l, 'blocker.gate.unknown', { gate: gateTitle(ctx, b.gate) });
    case 'gate.waiting': {
      const g = gateOf(ctx, b.gate);
      // The date follows the gate's own message: drop its closing full stop.
      const message = (textOf(g?.message, l) || gateTitle(ctx, b.gate)).replace(/[。.]\s*$/, '');
      return translate(l, 'blocker.gate.waiting', {
        message,
        date: b.from,
      });
    }
    case 'requires.failed':
    case 'requires.unknown':
      return translate(l, `blocker.${b.code}`, { label: textOf(b.label, l) });
    case 'targets.missed':
      return targetsText(b, ctx);
  }
}

/**
 * One reason for the verdict in words.
 *
 * @example reasonText(result.verdict.reasons[0], { result, locale: 'en' })
 */
export function reasonText(r: Reason, ctx: VerdictContext): string {
  const l = ctx.locale ?? 'zh';
  if (r.code === 'definition.expired')
    return [
      translate(l, 'reason.definition.expired', {
        until: r.validUntil,
        message: textOf(r.message, l),
      }).trim(),
      r.supersededBy ? translate(l, 'reason.definition.supersededBy', { by: r.supersededBy }) : '',
    ]
      .filter(Boolean)
      .join(l === 'en' ? ' ' : '');
  if (r.code === 'targets.summary') return targetsText(r, ctx);
  if (r.code === 'tier.reached')
    return translate(l, 'reason.tier.reached', {
      label: textOf(r.label, l),
      score: formatScore(r.score),
    });
  return translate(l, 'reason.tier.missed', {
    label: textOf(r.label, l),
    blockers: r.blockers.map((b) => blockerText(b, ctx)).join(translate(l, 'reason.sep')),
  });
}

/** One trace step in words. */
export function traceText(s: TraceStep, ctx: VerdictContext): string {
  const l = ctx.locale ?? 'zh';
  switch (s.code) {
    case 'gate':
      return translate(l, s.eligibleFrom ? 'trace.gate.eligibleFrom' : `trace.gate.${s.outcome}`, {
        gate: gateTitle(ctx, s.gate),
        message: textOf(gateOf(ctx, s.gate)?.message, l),
        date: s.eligibleFrom ?? '',
      });
    case 'tier.score':
      return translate(l, `trace.tier.score.${s.outcome}`, {
        score: formatScore(s.score),
        min: s.min,
      });
    case 'tier.gate':
      return translate(l, 'trace.tier.gate', { gate: gateTitle(ctx, s.gate) });
    case 'tier.requires':
      return translate(l, 'trace.tier.requires', { label: tierLabel(ctx, s.tier) });
  }
}
