import type { Problem } from '../problem.ts';

/*
 * The checker's and the schema's problems in Chinese, for the admin who
 * publishes a definition. Checker messages are English sentences with the
 * ids in double quotes; the words here say what is wrong and what to do,
 * and the quoted ids are carried over so the author knows which one.
 */
const ZH: Record<string, string> = {
  yaml_syntax: '文件格式有误（YAML/JSON 语法）：请检查缩进、冒号、引号和括号',
  duplicate_id: '编号重复：每个节、题目、派生值、门槛和等级的编号必须唯一',
  mixed_section: '同一节里既有题目又有子节：请把题目移到一个子节中',
  empty_section: '这一节没有题目',
  unknown_ref: '引用了不存在的编号（题目、派生值、量表或门槛）',
  invalid_range: '范围有误：下限大于上限',
  no_recommendation: '计分题没有写“未达标时怎么做”（recommendation）',
  type_mismatch: '条件或计算的类型不匹配（如拿日期和数字比较、选项不存在）',
  cycle: '存在循环依赖：这些题目或派生值互相引用',
  no_citation: '没有引用出处：每道题和每个门槛都应注明依据',
  unknown_source: '引用的文件不在出处目录中',
  wrong_source_kind: '引用方式与出处类型不符：标准用 standard/clause，文件用 source/article',
  undeclared_source: '引用了出处，但未列在定义的 sources 中',
  veto_without_effect: '一票否决门槛不会起作用',
  unused_gate: '门槛没有被任何等级使用，不会影响结论：请在它所阻挡的等级中列出，或设为一票否决',
  nested_bonus: '只有顶层节可以作为加分节',
  unreachable_tier: '这个等级永远达不到（分数线过高或条件相互矛盾）',
  hidden_input: '门槛读取的题目可能被隐藏：请用 whenNotApplicable 说明此时门槛通过还是不通过',
  threshold_not_cited: '门槛中的数值没有出处：请引用规定该数值的文件条款',
  missing_document: '找不到引用的文件原文',
  incompatible_pair: '映射的两道题类型不兼容',
  // The schema (zod) codes.
  invalid_type: '类型不对或缺少必填字段',
  invalid_value: '不是允许的取值',
  unrecognized_keys: '有不认识的字段（拼写错误或多余字段）',
  too_small: '内容太少、太短或数值太小',
  too_big: '内容太多、太长或数值太大',
  invalid_format: '格式不对',
  invalid_union: '不符合任何一种允许的写法',
  not_multiple_of: '数值不是所需的倍数',
  custom: '内容不符合要求',
};

/** The ids a checker message names in double quotes. */
const named = (message: string) => [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);

/**
 * A definition problem in Chinese: what is wrong, and which ids it concerns.
 *
 * @example definitionProblemText({ code: 'duplicate_id', message: 'duplicate item "q1"', path: [], severity: 'error' })
 * // '编号重复：每个节、题目、派生值、门槛和等级的编号必须唯一（q1）'
 */
export function definitionProblemText(p: Pick<Problem, 'code' | 'message'>): string {
  const words = ZH[p.code] ?? '定义有误';
  const ids = named(p.message);
  return ids.length > 0 ? `${words}（${ids.join('、')}）` : words;
}

/** A problem's path as an author reads it: `sections[1].items[0].points`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
