import { Definition } from '../src/schema/definition.ts';

/**
 * A 150-item definition (6 profile + 9 × 16) shaped like the real ones: a profile driving
 * visibility, nine clause sections (some nested) mixing yes/no, choices,
 * maturity scales, numbers and evidence, derived values, gates and tiers.
 */
export function syntheticDefinition(sectionsCount = 9, itemsPerSection = 16): Definition {
  const sections = Array.from({ length: sectionsCount }, (_, s) => {
    const items = Array.from({ length: itemsPerSection }, (_, i) => {
      const id = `c${s}.i${i}`;
      const common = {
        id,
        prompt: `第${s}章第${i}题：是否有相应的制度与记录？`,
        recommendation: '补齐制度文件并保留运行记录',
        citations: [{ standard: 'gbt29490-2023', clause: `${4 + (s % 7)}.${1 + (i % 3)}` }],
        ...(i % 5 === 4 ? { visibleWhen: { op: 'eq', ref: 'p.make', value: true } } : {}),
        ...(i % 6 === 5 ? { allowNotApplicable: true } : {}),
      };
      switch (i % 5) {
        case 0:
          return { ...common, kind: 'yesno', points: 5 };
        case 1:
          return { ...common, kind: 'scale', scale: 'maturity', points: 10 };
        case 2:
          return {
            ...common,
            kind: 'single',
            options: [
              { id: 'none', label: '无', points: 0 },
              { id: 'some', label: '部分', points: 3 },
              { id: 'full', label: '完整', points: 6 },
            ],
          };
        case 3:
          return { ...common, kind: 'number', scoring: { type: 'target', target: 10, points: 8 } };
        default:
          return { ...common, kind: 'evidence', points: 4 };
      }
    });
    return s % 3 === 2
      ? {
          id: `c${s}`,
          title: `第${s}章`,
          weight: 1 + (s % 3),
          sections: [
            { id: `c${s}.a`, title: `第${s}章 甲`, items: items.slice(0, 8) },
            { id: `c${s}.b`, title: `第${s}章 乙`, items: items.slice(8) },
          ],
        }
      : { id: `c${s}`, title: `第${s}章`, weight: 1 + (s % 3), items };
  });
  return Definition.parse({
    id: 'synthetic',
    version: '1.0.0',
    family: 'gbt29490',
    title: '基准测试问卷',
    audience: ['enterprise'],
    sources: ['gbt29490-2023'],
    scales: {
      maturity: [
        { value: 0, label: '未建立', fraction: 0 },
        { value: 1, label: '有文件', fraction: 0.4 },
        { value: 2, label: '运行有记录', fraction: 0.75 },
        { value: 3, label: '持续改进', fraction: 1 },
      ],
    },
    sections: [
      {
        id: 'profile',
        title: '概况',
        items: [
          { id: 'p.make', kind: 'yesno', prompt: '是否生产？' },
          { id: 'p.started', kind: 'date', prompt: '体系运行起始日' },
          { id: 'p.penalty', kind: 'yesno', prompt: '是否受过行政处罚？' },
          { id: 'p.staff', kind: 'number', prompt: '员工人数' },
          { id: 'p.ip-staff', kind: 'number', prompt: '知识产权人员数' },
          { id: 'p.audit', kind: 'yesno', prompt: '是否做过内审？' },
        ],
      },
      ...sections,
    ],
    derived: [
      { id: 'd.months', label: '运行月数', expr: { op: 'monthsSince', ref: 'p.started' } },
      {
        id: 'd.ip-share',
        label: '知识产权人员占比',
        expr: { op: 'div', args: [{ ref: 'p.ip-staff' }, { ref: 'p.staff' }] },
      },
    ],
    gates: [
      {
        id: 'g.running',
        title: '运行满3个月',
        condition: { op: 'gt', ref: 'd.months', value: 3 },
        failMessage: '未满3个月',
      },
      {
        id: 'g.penalty',
        title: '无处罚',
        kind: 'veto',
        condition: { op: 'eq', ref: 'p.penalty', value: false },
        failMessage: '有处罚',
      },
      {
        id: 'g.audit',
        title: '已内审',
        condition: {
          op: 'all',
          of: [
            { op: 'eq', ref: 'p.audit', value: true },
            { op: 'gt', ref: 'd.ip-share', value: 0.001 },
          ],
        },
        failMessage: '未内审',
      },
    ],
    tiers: [
      { id: 'not-ready', label: '尚未就绪' },
      { id: 'nearly', label: '基本就绪', minScore: 60, gates: ['g.penalty'] },
      { id: 'ready', label: '可以申请', minScore: 80, gates: ['g.running', 'g.audit'] },
    ],
  });
}

/** Deterministic, realistic answers: most items answered, graded like a real self-assessment. */
export function syntheticAnswers(def: Definition, seed: number): Record<string, unknown> {
  let x = seed || 1;
  const rnd = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
  const answers: Record<string, unknown> = {
    'p.make': rnd() < 0.6,
    'p.started': '2026-03-01',
    'p.penalty': rnd() < 0.05,
    'p.staff': 300,
    'p.ip-staff': 4,
    'p.audit': rnd() < 0.8,
  };
  const walk = (ss: Definition['sections']) => {
    for (const s of ss) {
      for (const item of s.items) {
        if (item.id.startsWith('p.') || rnd() < 0.1) continue;
        if (item.allowNotApplicable && rnd() < 0.1)
          answers[item.id] = { notApplicable: true, reason: '不涉及' };
        else if (item.kind === 'yesno') answers[item.id] = rnd() < 0.7;
        else if (item.kind === 'scale') answers[item.id] = Math.floor(rnd() * 4);
        else if (item.kind === 'single')
          answers[item.id] = ['none', 'some', 'full'][Math.floor(rnd() * 3)];
        else if (item.kind === 'number') answers[item.id] = Math.floor(rnd() * 15);
        else if (item.kind === 'evidence' && rnd() < 0.7)
          answers[item.id] = { files: [{ id: 'f1', name: '制度.pdf' }], note: '见附件' };
      }
      walk(s.sections);
    }
  };
  walk(def.sections);
  return answers;
}
