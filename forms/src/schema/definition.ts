import { z } from 'zod';
import { DefinitionRef, Id, Text, Version } from './common.ts';
import { ConsistencyRule } from './consistency.ts';
import { Audience, Family } from './enums.ts';
import { Derived } from './expr.ts';
import { Gate, Tier } from './gate-tier.ts';
import { IsoDate } from './iso-date.ts';
import { Item, ScaleLevel } from './item.ts';
import { Section } from './section.ts';

const header = {
  id: Id,
  version: Version,
  family: Family,
  title: Text,
  summary: Text.optional(),
  audience: z.array(Audience).min(1),
  sources: z.array(Id).default([]).describe('catalogue ids of the documents and standards cited'),
  validFrom: IsoDate.optional().describe(
    'first assessment date the criteria apply to (e.g. the standard in force)',
  ),
  validUntil: IsoDate.optional().describe(
    'last assessment date the criteria apply to; scored later, no tier is given',
  ),
  supersededBy: Id.optional().describe('the definition id that replaces this one after validUntil'),
  expiredMessage: Text.optional().describe(
    'what an assessment after validUntil means and what to do (e.g. the certificate is no longer valid: migrate)',
  ),
};

/** A complete definition: what the engine scores. */
export const Definition = z.strictObject({
  ...header,
  /** Set by the resolver on a definition produced from an overlay. */
  extends: DefinitionRef.optional(),
  scales: z.record(Id, z.array(ScaleLevel).min(2)).default({}),
  sections: z.array(Section).min(1),
  derived: z.array(Derived).default([]),
  gates: z.array(Gate).default([]),
  tiers: z.array(Tier).min(1),
  consistency: z
    .array(ConsistencyRule)
    .optional()
    // optional, not default([]): a default would change the content hash of every published definition
    .describe('answers that cannot both be true; flagged before submit, refused on submit'),
});
export type Definition = z.infer<typeof Definition>;
export type DefinitionInput = z.input<typeof Definition>;

/*
 * An overlay is a regional or later variant written as changes to a base:
 * patch fields of existing parts by id, add parts, remove parts. The
 * resolver turns it into a plain Definition, checked like any other.
 */
const patches = <T extends z.ZodType>(schema: T) => z.record(Id, schema).optional();

export const Overlay = z.strictObject({
  ...header,
  family: Family.optional(),
  audience: z.array(Audience).min(1).optional(),
  extends: DefinitionRef,
  override: z
    .strictObject({
      sections: patches(
        z.strictObject({
          title: Text.optional(),
          description: Text.optional(),
          weight: z.number().positive().optional(),
        }),
      ),
      items: patches(z.record(z.string(), z.unknown())),
      gates: patches(z.record(z.string(), z.unknown())),
      tiers: patches(z.record(z.string(), z.unknown())),
      derived: patches(z.record(z.string(), z.unknown())),
    })
    .default({}),
  add: z
    .strictObject({
      sections: z.array(z.strictObject({ parent: Id.optional(), section: Section })).default([]),
      items: z.array(z.strictObject({ section: Id, item: Item })).default([]),
      derived: z.array(Derived).default([]),
      gates: z.array(Gate).default([]),
      tiers: z
        .array(z.strictObject({ after: Id.optional(), tier: Tier }))
        .default([])
        .describe('a new tier goes after the named one, or first'),
      scales: z.record(Id, z.array(ScaleLevel).min(2)).default({}),
    })
    .default({ sections: [], items: [], derived: [], gates: [], tiers: [], scales: {} }),
  remove: z
    .strictObject({
      sections: z.array(Id).default([]),
      items: z.array(Id).default([]),
      gates: z.array(Id).default([]),
      tiers: z.array(Id).default([]),
    })
    .default({ sections: [], items: [], gates: [], tiers: [] }),
});
export type Overlay = z.infer<typeof Overlay>;

/** What a definition file holds: a definition, or an overlay on one. */
export type DefinitionFile = Definition | Overlay;

export function isOverlay(file: DefinitionFile): file is Overlay {
  return 'override' in file || 'add' in file || 'remove' in file;
}

export function refOf(def: { id: string; version: string }): string {
  return `${def.id}@${def.version}`;
}
