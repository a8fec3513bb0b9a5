import type { Compiled, ScoreResult, Section } from '@zhiping/forms';

export interface Step {
  id: string;
  section: Section;
  /** Items asked in this step (visible, applicable, not computed). */
  applicable: number;
  answered: number;
  requiredMissing: number;
}

/**
 * The questionnaire's steps: one per top-level section that currently
 * applies, with how far the respondent has got in each.
 */
export function stepsOf(c: Compiled, r: ScoreResult): Step[] {
  const missing = new Set(r.progress.requiredMissing);
  const byTop = new Map<string, Step>();
  const steps: Step[] = [];
  for (const i of c.top) {
    const cs = c.sections[i];
    if (!cs || r.sections[i]?.visible !== true) continue;
    const step = {
      id: cs.section.id,
      section: cs.section,
      applicable: 0,
      answered: 0,
      requiredMissing: 0,
    };
    byTop.set(step.id, step);
    steps.push(step);
  }
  for (const ci of c.items) {
    const res = r.items[ci.index];
    if (!res?.visible || res.status === 'not_applicable' || ci.item.kind === 'computed') continue;
    const step = byTop.get(topOf(c, ci.section));
    if (!step) continue;
    step.applicable++;
    if (res.status !== 'unanswered') step.answered++;
    if (missing.has(ci.item.id)) step.requiredMissing++;
  }
  return steps;
}

/** The id of the top-level section that holds section index `s`. */
export function topOf(c: Compiled, s: number): string {
  let cs = c.sections[s];
  while (cs && cs.parent >= 0) cs = c.sections[cs.parent];
  return cs?.section.id ?? '';
}

/** The step holding an item, for "go to" links in the missing-answers summary. */
export function stepOfItem(c: Compiled, itemId: string): string | undefined {
  const i = c.itemIndex.get(itemId);
  const ci = i === undefined ? undefined : c.items[i];
  return ci ? topOf(c, ci.section) : undefined;
}
