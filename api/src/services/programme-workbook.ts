import { cohortGradeText, cohortReasonText, textOf } from '@zhiping/forms';
import ExcelJS from 'exceljs';
import type { Actor } from '../auth/session.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { formatForPrint } from '../reports/excel-format.ts';
import { applicantsOf } from './programme-ranking.ts';
import { programmeFor } from './programmes.ts';

/**
 * The ranking as the workbook an office files upward: one row per
 * applicant in rank order, with the reasons in words. Only after the
 * window closes — before that the list can still change.
 */
export async function rankingWorkbook(deps: Deps, actor: Actor, id: string) {
  const view = await applicantsOf(deps, actor, id);
  const { programme } = await programmeFor(deps, actor, id);
  if (view.window !== 'closed')
    throw new DomainError('programme_open', { closesOn: programme.closesOn });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排名');
  ws.columns = [
    { header: '名次', key: 'rank', width: 8 },
    { header: '申报单位', key: 'org', width: 32 },
    { header: '评审得分', key: 'score', width: 10 },
    { header: '自评得分', key: 'self', width: 10 },
    { header: '评级', key: 'grade', width: 8 },
    { header: '获评等级', key: 'tier', width: 12 },
    { header: '说明', key: 'why', width: 60 },
  ];
  const label = (tier: string | null) =>
    tier === null ? '—' : textOf(view.tiers.find((t) => t.id === tier)?.label ?? tier);
  for (const r of view.rows)
    ws.addRow({
      rank: r.rank ?? '—',
      org: r.organisation.name,
      score: r.reviewed?.score ?? '—',
      self: r.selfScore ?? '—',
      grade: r.grade ? cohortGradeText(r.grade) : '—',
      tier: label(r.awarded),
      why: r.reasons.map((x) => cohortReasonText(x, 'zh', label)).join('；'),
    });
  formatForPrint(ws, {
    landscape: true,
    title: `${programme.title} · 排名`,
    seal: `${programme.definitionId}@${programme.definitionVersion}`,
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, filename: `${programme.title}-排名.xlsx` };
}
