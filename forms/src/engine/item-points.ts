import type { Definition } from '../schema/definition.ts';
import type { Item, NumericScoring, ScaleLevel } from '../schema/item.ts';
import { compareNumbers } from './numbers.ts';
import type { Value } from './values.ts';

/** How an item earns points: its maximum, and the points for a given value. */
export interface ItemScorer {
  max: number;
  points(value: Value): number;
}

const NONE: ItemScorer = { max: 0, points: () => 0 };

function numericScorer(s: NumericScoring | undefined): ItemScorer {
  if (!s) return NONE;
  if (s.type === 'target') {
    const { target, points, direction } = s;
    return {
      max: points,
      points: (v) => {
        if (typeof v !== 'number') return 0;
        // At the target (as a decimal) the item is met in full.
        const c = compareNumbers(v, target);
        if (direction === 'atMost') return c <= 0 ? points : points * Math.max(0, target / v);
        return c >= 0 ? points : points * Math.min(Math.max(v / target, 0), 1);
      },
    };
  }
  const bands = s.bands;
  return {
    max: Math.max(...bands.map((b) => b.points)),
    points: (v) => {
      if (typeof v !== 'number') return 0;
      const band = bands.find(
        (b) =>
          (b.min === undefined || compareNumbers(v, b.min) >= 0) &&
          (b.max === undefined || compareNumbers(v, b.max) < 0),
      );
      return band ? band.points : 0;
    },
  };
}

/** Builds the scorer of one item; scales are looked up in the definition. */
export function scorerFor(item: Item, scales: Definition['scales']): ItemScorer {
  switch (item.kind) {
    case 'yesno': {
      if (item.points === undefined) return NONE;
      const { yes, no } =
        typeof item.points === 'number' ? { yes: item.points, no: 0 } : item.points;
      return { max: Math.max(yes, no), points: (v) => (v === true ? yes : v === false ? no : 0) };
    }
    case 'single': {
      const byId = new Map(item.options.map((o) => [o.id, o.points]));
      return {
        max: Math.max(...item.options.map((o) => o.points)),
        points: (v) => (typeof v === 'string' ? (byId.get(v) ?? 0) : 0),
      };
    }
    case 'multi': {
      const byId = new Map(item.options.map((o) => [o.id, o.points]));
      const sum = item.options.reduce((s, o) => s + o.points, 0);
      const max = item.maxPoints ?? sum;
      return {
        max,
        points: (v) => {
          if (!Array.isArray(v)) return 0;
          let p = 0;
          for (const id of v) p += byId.get(id) ?? 0;
          return Math.min(p, max);
        },
      };
    }
    case 'scale': {
      const levels: ScaleLevel[] = scales[item.scale] ?? [];
      const fraction = new Map(levels.map((l) => [l.value, l.fraction]));
      const points = item.points;
      return {
        max: points,
        points: (v) => (typeof v === 'number' ? (fraction.get(v) ?? 0) * points : 0),
      };
    }
    case 'number':
    case 'computed':
      return numericScorer(item.scoring);
    case 'evidence':
      return { max: item.points, points: (v) => (v === true ? item.points : 0) };
    case 'date':
    case 'text':
      return NONE;
  }
}
