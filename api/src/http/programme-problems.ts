import type { DomainErrorParams } from '../domain/errors.ts';
import { Problem } from './problem.ts';

/* A programme's refusals as problems (issue 18): status, type and words a person can act on. */

type ProgrammeCode =
  | 'programme_window'
  | 'not_eligible'
  | 'already_applied'
  | 'definition_mismatch'
  | 'programme_open'
  | 'invalid_programme';

const REASON = {
  region: '所在地区不在申报范围内',
  kind: '机构类型不在申报范围内',
  title: '尚未满足本次申报对已获称号的要求',
} as const;

type TitleGap = NonNullable<DomainErrorParams['not_eligible']['titles']>[number];

/** One tier's unmet title rule in words, with what to do about it. */
const titleGap = (g: TitleGap, closesOn: string) => {
  const need = g.years > 0 ? `须已获评${g.titleLabel}满 ${g.years} 年` : `须已获评${g.titleLabel}`;
  const have =
    g.heldSince === null
      ? '本机构尚无该称号的记录（如已获评，请发起机构凭认定文件登记）'
      : `本机构自 ${g.heldSince} 起获评，至 ${closesOn} 不满 ${g.years} 年，${g.metFrom} 起满足`;
  return `申报${g.tierLabel}${need}（截至 ${closesOn}）：${have}`;
};

export const PROGRAMME_PROBLEMS: {
  [C in ProgrammeCode]: (p: DomainErrorParams[C]) => Problem;
} = {
  programme_window: ({ opensOn, closesOn, today, step }) =>
    new Problem(
      409,
      'programme-window',
      step === 'apply' ? '不在申报时间内' : '申报已截止，不能撤回',
      `申报时间为 ${opensOn} 至 ${closesOn}（含首尾两日），今天是 ${today}。`,
      { opensOn, closesOn, today },
    ),
  not_eligible: ({ reasons, region, titles, closesOn }) =>
    new Problem(
      403,
      'not-eligible',
      '本机构不符合申报条件',
      [
        `${reasons.map((r) => REASON[r]).join('；')}（申报范围：${region || '全国'}）。`,
        ...(titles ?? []).map((g) => `${titleGap(g, closesOn ?? '')}。`),
      ].join(''),
      { reasons, ...(titles ? { titles } : {}) },
    ),
  already_applied: ({ assessment }) =>
    new Problem(
      409,
      'already-applied',
      '已经申报过',
      '本机构已有一份有效申报；如需更换，请先撤回。',
      {
        assessment,
      },
    ),
  definition_mismatch: ({ expected, actual }) =>
    new Problem(
      422,
      'definition-mismatch',
      '评估表版本不符',
      `本次申报使用 ${expected}，所选自评是 ${actual}。请新建一份申报用的自评（可带入原答案）。`,
      {
        errors: [{ path: 'assessment', message: `应为 ${expected}`, code: 'definition_mismatch' }],
      },
    ),
  programme_open: ({ closesOn }) =>
    new Problem(
      409,
      'programme-open',
      '申报尚未截止',
      `排名在 ${closesOn} 截止后才能生成：之前申报仍可能变化。`,
      {
        closesOn,
      },
    ),
  invalid_programme: ({ field, reason }) =>
    new Problem(422, 'unprocessable', '申报设置有误', reason, {
      errors: [{ path: field, message: reason, code: 'invalid_programme' }],
    }),
};
