import { z } from 'zod';
import { type Problem, problem } from '../problem.ts';
import { EvidenceValue, isNotApplicable, NotApplicable } from '../schema/answers.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';
import { compile } from './compile.ts';
import { evaluateState, progressOf } from './state.ts';
import { isIsoDate } from './values.ts';

/** The zod schema of one item's value, with messages a respondent can act on. */
export function valueSchema(item: Item, def: Definition): z.ZodType {
  switch (item.kind) {
    case 'yesno':
      return z.boolean({ error: '请选择“是”或“否”' });
    case 'single': {
      const ids = item.options.map((o) => o.id);
      return z
        .string({ error: '请选择一个选项' })
        .refine((v) => ids.includes(v), { message: '不是本题的选项' });
    }
    case 'multi': {
      const ids = item.options.map((o) => o.id);
      return z
        .array(
          z.string().refine((v) => ids.includes(v), { message: '不是本题的选项' }),
          { error: '请选择选项' },
        )
        .refine((v) => new Set(v).size === v.length, { message: '选项重复' });
    }
    case 'scale': {
      const levels = (def.scales[item.scale] ?? []).map((l) => l.value);
      return z
        .number({ error: '请选择一个等级' })
        .refine((v) => levels.includes(v), { message: `等级应为 ${levels.join('、')} 之一` });
    }
    case 'number': {
      let s = z
        .number({ error: '请填写数字' })
        .refine(Number.isFinite, { message: '请填写有效数字' });
      if (item.integer) s = s.refine(Number.isInteger, { message: '请填写整数' });
      const { min, max } = item;
      if (min !== undefined) s = s.refine((v) => v >= min, { message: `不能小于 ${min}` });
      if (max !== undefined) s = s.refine((v) => v <= max, { message: `不能大于 ${max}` });
      return s;
    }
    case 'date':
      return z
        .string({ error: '请填写日期' })
        .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD' });
    case 'text':
      return z
        .string({ error: '请填写文字' })
        .max(item.maxLength, { message: `不能超过 ${item.maxLength} 字` });
    case 'evidence':
      return EvidenceValue;
    case 'computed':
      return z.never({ error: '此项由系统计算，无需填写' });
  }
}

/** A value or the not-applicable answer, reporting the value's own message rather than a union's. */
function orNotApplicable(v: z.ZodType): z.ZodType {
  return z.unknown().superRefine((val, ctx) => {
    const r = (isNotApplicable(val) ? NotApplicable : v).safeParse(val);
    if (!r.success) {
      for (const i of r.error.issues)
        ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    }
  });
}

export type AnswersMode = 'draft' | 'submit';

const cache = new WeakMap<Definition, Record<AnswersMode, z.ZodType>>();

/**
 * The zod schema of a whole answer set. `draft` checks types and rejects
 * unknown ids; `submit` also requires every visible required item, using
 * the same engine that scores, so client and server agree.
 *
 * @example answersSchema(def, 'submit').safeParse(answers)
 */
export function answersSchema(
  def: Definition,
  mode: AnswersMode = 'draft',
): z.ZodType<Record<string, unknown>> {
  const hit = cache.get(def)?.[mode];
  if (hit) return hit as z.ZodType<Record<string, unknown>>;
  const c = compile(def);
  const shape: Record<string, z.ZodType> = {};
  for (const { item } of c.items) {
    if (item.kind === 'computed') continue;
    const v = valueSchema(item, def);
    shape[item.id] = (item.allowNotApplicable ? orNotApplicable(v) : v).optional();
  }
  const base = z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? `本问卷没有这些题目：${iss.keys.join('、')}` : undefined,
  });
  const draft = base;
  const submit = base.superRefine((answers, ctx) => {
    for (const id of progressOf(c, evaluateState(c, answers, undefined)).requiredMissing) {
      ctx.addIssue({ code: 'custom', path: [id], message: '此题必答' });
    }
  });
  const entry = { draft, submit } as Record<AnswersMode, z.ZodType>;
  cache.set(def, entry);
  return entry[mode] as z.ZodType<Record<string, unknown>>;
}

/**
 * Validates answers and returns every problem with the item id as its path;
 * never throws.
 */
export function validateAnswers(
  def: Definition,
  answers: unknown,
  mode: AnswersMode = 'draft',
): Problem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return [problem([], 'invalid_type', '答案应为以题目编号为键的对象')];
  }
  const r = answersSchema(def, mode).safeParse(answers);
  if (r.success) return [];
  return r.error.issues.map((i) =>
    problem(
      i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      i.code === 'custom' && i.message === '此题必答' ? 'required' : i.code,
      i.message,
    ),
  );
}
