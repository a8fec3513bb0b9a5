import { compile, itemById } from '../engine/compile.ts';
import { reasonText, translate, verdictLabel } from '../present/index.ts';
import { zh } from '../schema/common.ts';
import type { Definition } from '../schema/definition.ts';
import type { ScoreResult } from '../schema/result.ts';

/** A readable summary of a result for the terminal. */
export function pretty(def: Definition, r: ScoreResult): string {
  const lines: string[] = [];
  lines.push(`${zh(def.title)}  (${r.definition.id}@${r.definition.version})`);
  lines.push(`结论：${verdictLabel(r)}    总分 ${r.total.score.toFixed(1)} / 100`);
  if (r.edition && r.edition.status !== 'current')
    lines.push(`版本：${translate('zh', `edition.${r.edition.status}`)}`);
  for (const reason of r.verdict.reasons)
    lines.push(`  · ${reasonText(reason, { result: r, definition: def })}`);
  lines.push(
    `进度：已答 ${r.progress.answered} / ${r.progress.applicable}，必答未答 ${r.progress.requiredMissing.length}`,
  );
  if (r.gates.length > 0) {
    lines.push('门槛：');
    for (const g of r.gates)
      lines.push(
        `  [${translate('zh', `gateOutcome.${g.outcome}`)}] ${zh(g.title)}${g.message ? ` — ${zh(g.message)}` : ''}${g.eligibleFrom ? `（可于 ${g.eligibleFrom} 起申请）` : ''}`,
      );
  }
  lines.push('章节得分：');
  for (const s of r.sections) {
    const depth = s.parent ? '    ' : '  ';
    const ratio = s.ratio === null ? '  不适用' : `${(s.ratio * 100).toFixed(0).padStart(4)}%`;
    if (!s.parent || r.sections.length <= 40) lines.push(`${depth}${ratio}  ${zh(s.title)}`);
  }
  if (r.gaps.length > 0) {
    lines.push('主要差距（按失分排序）：');
    const c = compile(def);
    for (const g of r.gaps.slice(0, 10)) {
      const item = itemById(c, g.item);
      lines.push(
        `  -${g.cost.toFixed(1).padStart(5)}  [${translate('zh', `itemStatus.${g.status}`)}] ${g.item}  ${item ? zh(item.prompt) : ''}`,
      );
      if (item?.recommendation) lines.push(`          建议：${zh(item.recommendation)}`);
    }
  }
  if (r.next) {
    lines.push(
      `下一等级「${zh(r.next.label)}」：还差 ${r.next.scoreGap.toFixed(1)} 分${r.next.reachable ? '' : '（即使全部达标也不够）'}`,
    );
    if (r.next.items.length > 0)
      lines.push(
        `  最少需改进 ${r.next.items.length} 项：${r.next.items.map((i) => i.item).join('、')}`,
      );
    if (r.next.gates.length > 0) lines.push(`  尚需通过门槛：${r.next.gates.join('、')}`);
  }
  return lines.join('\n');
}
