import { evidenceGiven, textGiven } from '../draft/answered.ts';
import { isIsoDate } from '../schema/calendar-day.ts';
import type { Definition } from '../schema/definition.ts';
import type { Item } from '../schema/item.ts';

/**
 * A normalised answer as conditions and expressions see it. Evidence and
 * free text are only ever asked "answered?", so they become `true`.
 */
export type Value = boolean | number | string | readonly string[];

/**
 * The value of a raw answer for an item, or undefined when the answer is
 * missing or does not fit the item (the engine never throws on bad input;
 * `answersSchema` reports it).
 */
export function normalise(
  item: Item,
  raw: unknown,
  scales: Definition['scales'],
): Value | undefined {
  if (raw === undefined || raw === null) return undefined;
  switch (item.kind) {
    case 'yesno':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'single':
      return typeof raw === 'string' && item.options.some((o) => o.id === raw) ? raw : undefined;
    case 'multi': {
      if (!Array.isArray(raw)) return undefined;
      const seen = new Set<string>();
      for (const v of raw) {
        if (typeof v !== 'string' || seen.has(v) || !item.options.some((o) => o.id === v)) {
          return undefined;
        }
        seen.add(v);
      }
      return raw as string[];
    }
    case 'scale':
      return typeof raw === 'number' && (scales[item.scale] ?? []).some((l) => l.value === raw)
        ? raw
        : undefined;
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
      if (item.integer && !Number.isInteger(raw)) return undefined;
      if (item.min !== undefined && raw < item.min) return undefined;
      if (item.max !== undefined && raw > item.max) return undefined;
      return raw;
    }
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? raw : undefined;
    case 'text':
      return textGiven(raw, item.maxLength) ? true : undefined;
    case 'evidence':
      return evidenceGiven(raw) ? true : undefined;
    case 'computed':
      return undefined;
  }
}

/**
 * `normalise` specialised to one item, with its option ids or scale levels
 * looked up once: the engine calls it for every answer of every assessment.
 */
export function reader(
  item: Item,
  scales: Definition['scales'],
): (raw: unknown) => Value | undefined {
  if (item.kind === 'single') {
    const ids = new Set(item.options.map((o) => o.id));
    return (raw) => (typeof raw === 'string' && ids.has(raw) ? raw : undefined);
  }
  if (item.kind === 'scale') {
    const levels = new Set((scales[item.scale] ?? []).map((l) => l.value));
    return (raw) => (typeof raw === 'number' && levels.has(raw) ? raw : undefined);
  }
  return (raw) => normalise(item, raw, scales);
}

export { isIsoDate };
