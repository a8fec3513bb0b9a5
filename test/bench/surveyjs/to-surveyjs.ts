import type { Condition, Definition, Item, Section } from '@zhiping/forms';

/*
 * Our definition as SurveyJS JSON, for the browser bench only: the same
 * questions, choices, pages (one per top-level section, as our steps) and
 * show/hide rules, so both libraries render and re-evaluate the same form.
 * Scoring, gates and dates have no counterpart and are left out; a calendar
 * rule (elapsed, asOf) becomes "true" (no question of the bench reads one).
 */

type Json = Record<string, unknown>;

const text = (t: Definition['title'] | undefined): string =>
  t === undefined ? '' : typeof t === 'string' ? t : t.zh;
const lit = (v: unknown) => (typeof v === 'string' ? `'${v.replace(/'/g, "\\'")}'` : String(v));

/** A condition as a SurveyJS expression. */
export function expression(c: Condition): string {
  switch (c.op) {
    case 'all':
      return `(${c.of.map(expression).join(' and ')})`;
    case 'any':
      return `(${c.of.map(expression).join(' or ')})`;
    case 'not':
      return `!(${expression(c.cond)})`;
    case 'answered':
      return `{${c.ref}} notempty`;
    case 'includes':
      return `{${c.ref}} contains ${lit(c.value)}`;
    case 'in':
      return `{${c.ref}} anyof [${c.values.map(lit).join(', ')}]`;
    case 'eq':
      return `{${c.ref}} = ${lit(c.value)}`;
    case 'ne':
      return `{${c.ref}} <> ${lit(c.value)}`;
    case 'gt':
      return `{${c.ref}} > ${lit(c.value)}`;
    case 'gte':
      return `{${c.ref}} >= ${lit(c.value)}`;
    case 'lt':
      return `{${c.ref}} < ${lit(c.value)}`;
    case 'lte':
      return `{${c.ref}} <= ${lit(c.value)}`;
    default:
      return 'true';
  }
}

function question(item: Item, def: Definition): Json | null {
  const base: Json = {
    name: item.id,
    title: text(item.prompt),
    ...(item.help ? { description: text(item.help) } : {}),
    ...(item.visibleWhen ? { visibleIf: expression(item.visibleWhen) } : {}),
    ...(item.required && !item.requiredWhen ? { isRequired: true } : {}),
  };
  switch (item.kind) {
    case 'yesno':
      // A radio group of 是/否, as ours (SurveyJS's boolean is a switch).
      return {
        ...base,
        type: 'radiogroup',
        choices: [
          { value: true, text: '是' },
          { value: false, text: '否' },
        ],
      };
    case 'single':
      return {
        ...base,
        type: 'radiogroup',
        choices: item.options.map((o) => ({ value: o.id, text: text(o.label) })),
      };
    case 'multi':
      return {
        ...base,
        type: 'checkbox',
        choices: item.options.map((o) => ({ value: o.id, text: text(o.label) })),
      };
    case 'scale':
      return {
        ...base,
        type: 'radiogroup',
        choices: (def.scales[item.scale] ?? []).map((l) => ({
          value: l.value,
          text: text(l.label),
        })),
      };
    case 'number':
      return {
        ...base,
        type: 'text',
        inputType: 'number',
        ...(item.min !== undefined ? { min: item.min } : {}),
        ...(item.max !== undefined ? { max: item.max } : {}),
      };
    case 'date':
      return { ...base, type: 'text', inputType: 'date' };
    case 'text':
      return { ...base, type: 'comment', maxLength: item.maxLength };
    case 'evidence':
      // Where the evidence is kept and a note, as our evidence input (files left out).
      return {
        type: 'panel',
        name: item.id,
        title: text(item.prompt),
        ...(item.visibleWhen ? { visibleIf: expression(item.visibleWhen) } : {}),
        elements: [
          {
            type: 'text',
            name: `${item.id}__ref`,
            title: '证据出处（文件名、存放位置或系统链接）',
            maxLength: 500,
          },
          { type: 'comment', name: `${item.id}__note`, title: '补充说明', maxLength: 2000 },
        ],
      };
    case 'computed':
      return { ...base, type: 'expression', expression: 'true', isRequired: false };
  }
}

function elements(s: Section, def: Definition): Json[] {
  const own = s.items.map((i) => question(i, def)).filter((q): q is Json => q !== null);
  const kids = s.sections.map((c) => ({
    type: 'panel',
    name: `s-${c.id}`,
    title: `${c.clause ? `${c.clause} ` : ''}${text(c.title)}`,
    ...(c.visibleWhen ? { visibleIf: expression(c.visibleWhen) } : {}),
    elements: elements(c, def),
  }));
  return [...own, ...kids];
}

/** The whole definition: one page per top-level section, in order. */
export function toSurveyJs(def: Definition): Json {
  return {
    title: text(def.title),
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onComplete',
    pages: def.sections.map((s) => ({
      name: s.id,
      title: `${s.clause ? `${s.clause} ` : ''}${text(s.title)}`,
      ...(s.visibleWhen ? { visibleIf: expression(s.visibleWhen) } : {}),
      elements: elements(s, def),
    })),
  };
}
