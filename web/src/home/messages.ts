import { fill, type Params } from '@zhiping/forms';
import { useCallback } from 'react';
import { useLocale } from '../i18n/locale.tsx';

/*
 * The words of the lists and of each role's dashboard, Chinese first
 * (read through `useListT`). Statuses and families come from the
 * shared catalogues.
 */
export const listZh = {
  'list.search': '搜索标题',
  'list.anyStatus': '任何状态',
  'list.anyDefinition': '任何评估表',
  'list.anyFamily': '任何类别',
  'list.anyTier': '任何等级',
  'list.anyRegion': '地区（前缀）',
  'list.anyReviewer': '任何评审员',
  'list.from': '起始日',
  'list.to': '截止日',
  'list.datesUpdated': '更新日期',
  'list.datesSubmitted': '提交日期',
  'list.col.asOf': '评估日期',
  'list.col.submitted': '提交时间',
  'list.scoreSelf': '自评',
  'list.scoreDecided': '评审',
  'list.emptyFiltered': '没有符合条件的评估。',
  'list.emptyFilteredHint': '放宽或清除筛选条件再试。',
  'list.emptyMine': '还没有自评。',
  'list.emptyMineHint': '在下方的目录中选一份评估表开始，或回答几个问题找到合适的那份。',
  'list.emptyQueueHint': '管理员分配给您的自评会出现在这里；已退回和已决定的在其他标签页。',
  'list.emptyAdmin': '还没有任何评估。',
  'list.emptyAdminHint': '机构新建或提交自评后会出现在这里。',
  'list.history': '历史',
  'list.historyOf': '{name} 的历史',
  'dash.title': '工作台',
  'dash.standing': '我在各评估表上的位置',
  'dash.latest': '最近一次',
  'dash.decidedLast': '最近评审结论',
  'dash.noDecision': '尚无评审结论',
  'dash.count': '共 {n} 份',
  'dash.next.continue': '继续填写',
  'dash.next.answer-return': '查看退回原因并修改',
  'dash.next.await-review': '等待评审，可先查看结果',
  'dash.next.start-next': '以此为基础开始新一轮',
  'dash.queue': '我的评审队列',
  'dash.queue.pending': '待我评审',
  'dash.queue.finished': '我已评完，待主审',
  'dash.queue.returned': '已退回',
  'dash.queue.decided': '已决定',
  'dash.throughput': '近 8 周的工作量',
  'dash.throughputLabel': '近 8 周每周完成的评审和作出的决定',
  'dash.finished': '完成评审',
  'dash.decided': '作出决定',
  'dash.weekOf': '{date} 当周',
  'dash.agreement': '我与其他评审员的一致性',
  'dash.agreementNone': '还没有与他人共同完成的评审。',
  'dash.byState': '评估按状态',
  'dash.byDefinition': '评估按评估表',
  'dash.total': '合计',
  'dash.reviewers': '评审员工作量',
  'dash.open': '在审',
  'dash.finished28': '近 28 天完成',
  'dash.unassigned': '已提交、尚未分配评审员：{n} 份',
  'dash.toAdmin': '进入管理',
  'dash.noReviewers': '还没有启用的评审员。在“用户”中新建或邀请一位。',
  'dash.empty': '还没有评估。机构开始自评后，这里会显示数量与进展。',
} as const;

export const listEn: Record<keyof typeof listZh, string> = {
  'list.search': 'Search titles',
  'list.anyStatus': 'Any status',
  'list.anyDefinition': 'Any form',
  'list.anyFamily': 'Any family',
  'list.anyTier': 'Any tier',
  'list.anyRegion': 'Region (prefix)',
  'list.anyReviewer': 'Any reviewer',
  'list.from': 'From',
  'list.to': 'To',
  'list.datesUpdated': 'Updated',
  'list.datesSubmitted': 'Submitted',
  'list.col.asOf': 'Assessment date',
  'list.col.submitted': 'Submitted',
  'list.scoreSelf': 'Self',
  'list.scoreDecided': 'Reviewed',
  'list.emptyFiltered': 'No assessment matches.',
  'list.emptyFilteredHint': 'Loosen or clear the filters and try again.',
  'list.emptyMine': 'No assessments yet.',
  'list.emptyMineHint':
    'Pick a form from the catalogue below, or answer a few questions to find the right one.',
  'list.emptyQueueHint':
    'Assessments an admin assigns to you appear here; returned and decided ones are in the other tabs.',
  'list.emptyAdmin': 'No assessments yet.',
  'list.emptyAdminHint': 'Assessments appear here once organisations start or submit them.',
  'list.history': 'History',
  'list.historyOf': 'History of {name}',
  'dash.title': 'Dashboard',
  'dash.standing': 'Where I stand per form',
  'dash.latest': 'Latest',
  'dash.decidedLast': 'Latest review outcome',
  'dash.noDecision': 'No review outcome yet',
  'dash.count': '{n} in all',
  'dash.next.continue': 'Continue filling in',
  'dash.next.answer-return': 'Read the reasons for return and revise',
  'dash.next.await-review': 'Awaiting review; see the results meanwhile',
  'dash.next.start-next': 'Start the next round from this one',
  'dash.queue': 'My review queue',
  'dash.queue.pending': 'To review',
  'dash.queue.finished': 'Finished, awaiting the lead',
  'dash.queue.returned': 'Returned',
  'dash.queue.decided': 'Decided',
  'dash.throughput': 'My work over the last 8 weeks',
  'dash.throughputLabel': 'Reviews finished and decisions made per week over the last 8 weeks',
  'dash.finished': 'Reviews finished',
  'dash.decided': 'Decisions made',
  'dash.weekOf': 'Week of {date}',
  'dash.agreement': 'My agreement with other reviewers',
  'dash.agreementNone': 'No review finished together with others yet.',
  'dash.byState': 'Assessments by status',
  'dash.byDefinition': 'Assessments by form',
  'dash.total': 'Total',
  'dash.reviewers': "Reviewers' load",
  'dash.open': 'Open',
  'dash.finished28': 'Finished (28 days)',
  'dash.unassigned': 'Submitted and not yet assigned: {n}',
  'dash.toAdmin': 'Open administration',
  'dash.noReviewers': 'No active reviewer yet. Create or invite one under Users.',
  'dash.empty': 'No assessments yet. Counts and progress appear once organisations start.',
};

export type ListKey = keyof typeof listZh;

/**
 * The lists' and dashboards' words in the current language. Kept out of the
 * app-wide catalogue (i18n/messages.ts), which every page loads first: only
 * the pages with lists load these (the questionnaire's first paint has a
 * byte budget).
 */
export function useListT(): (key: ListKey, params?: Params) => string {
  const { locale } = useLocale();
  return useCallback(
    (key: ListKey, params?: Params) => fill((locale === 'en' ? listEn : listZh)[key], params),
    [locale],
  );
}
