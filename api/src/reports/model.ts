import {
  answerText,
  type Item,
  type ItemResult,
  type ItemStatus,
  type Section,
  type SectionResult,
  textOf,
  translate,
} from '@zhiping/forms';
import { citationsText } from './citations.ts';
import { latestReviews, reviewNote, reviewText } from './review-text.ts';
import type { ReportInput, ReportOptions } from './types.ts';

/** One visible item as both the PDF and the workbook print it. */
export interface ItemRow {
  id: string;
  clause: string;
  /** Section headings from the top-level section down to the item's own. */
  path: string[];
  prompt: string;
  status: ItemStatus;
  statusLabel: string;
  /** Judged 观察项 by the review: scored as met, listed as something to watch. */
  observation: boolean;
  /** The self-assessed status when a reviewer's judgement replaced it. */
  selfStatus: ItemStatus | null;
  points: number;
  max: number;
  answer: string;
  review: string | null;
  /** The reviewer's reason and comment, without the verdict line (for the observation list). */
  reviewNote: string;
  citations: string[];
  unverified: boolean;
}

/** The visible items of one leaf section. */
export interface ItemGroup {
  /** Headings from the top-level section down to this one. */
  path: string[];
  unverified: boolean;
  rows: ItemRow[];
}

export interface TopSection {
  id: string;
  heading: string;
  result: SectionResult | undefined;
  groups: ItemGroup[];
  rows: ItemRow[];
}

export interface ReportModel {
  top: TopSection[];
  /** Every definition item by id, for gaps and next-tier lines. */
  items: Map<string, Item>;
  /** Any reviewer judgement at all: without one the review column is left out. */
  reviewed: boolean;
  /** The items the review judged 观察项, in definition order (both reports list them). */
  observations: ItemRow[];
}

export const sectionHeading = (s: Pick<Section, 'clause' | 'title'>): string =>
  s.clause ? `${s.clause} ${textOf(s.title)}` : textOf(s.title);

/** Walks the definition in order and pairs every visible item with its result and answer. */
export function buildModel(input: ReportInput, options: ReportOptions = {}): ReportModel {
  const { definition, result, answers } = input;
  const itemResults = new Map<string, ItemResult>(result.items.map((r) => [r.id, r]));
  const selfResults = new Map<string, ItemResult>(
    (input.selfResult?.items ?? []).map((r) => [r.id, r]),
  );
  const sectionResults = new Map<string, SectionResult>(result.sections.map((s) => [s.id, s]));
  const reviews = latestReviews(input.reviews);
  const ctx = { scales: definition.scales, derived: result.derived, locale: 'zh' as const };
  const items = new Map<string, Item>();

  const rowOf = (item: Item, path: string[]): ItemRow | null => {
    const r = itemResults.get(item.id);
    if (!r?.visible) return null;
    const self = r.overridden ? selfResults.get(item.id) : undefined;
    const review = reviews.get(item.id);
    return {
      id: item.id,
      clause: item.clause ?? '',
      path,
      prompt: textOf(item.prompt),
      status: r.status,
      observation: r.observation === true,
      statusLabel: translate(
        'zh',
        r.observation ? 'itemStatus.observation' : `itemStatus.${r.status}`,
      ),
      selfStatus: self && self.status !== r.status ? self.status : null,
      points: r.points,
      max: r.max,
      answer: answerText(item, answers[item.id], ctx),
      review: review ? reviewText(review) : null,
      reviewNote: review ? reviewNote(review) : '',
      citations: citationsText(item.citations, options.sources),
      unverified: item.unverified === true,
    };
  };

  const collect = (s: Section, path: string[], groups: ItemGroup[]) => {
    const here = [...path, sectionHeading(s)];
    const rows: ItemRow[] = [];
    for (const item of s.items) {
      items.set(item.id, item);
      const row = rowOf(item, here);
      if (row) rows.push(row);
    }
    if (rows.length > 0) groups.push({ path: here, unverified: s.unverified === true, rows });
    for (const sub of s.sections) collect(sub, here, groups);
  };

  const top: TopSection[] = [];
  for (const s of definition.sections) {
    const groups: ItemGroup[] = [];
    collect(s, [], groups);
    top.push({
      id: s.id,
      heading: sectionHeading(s),
      result: sectionResults.get(s.id),
      groups,
      rows: groups.flatMap((g) => g.rows),
    });
  }
  const observations = top.flatMap((t) => t.rows.filter((r) => r.observation));
  return { top, items, reviewed: reviews.size > 0, observations };
}
