import { type Answers, compile, type Definition, isBlank } from '@zhiping/forms';

/** react-hook-form's values: one field per answerable item. */
export type FormValues = Record<string, unknown>;

/**
 * Maps item ids to form field names and back. Item ids contain dots
 * ("c5.2.policy"), which react-hook-form would read as nested paths, so each
 * item gets a flat name from its position in the compiled definition.
 */
export interface FieldCodec {
  name: (itemId: string) => string | undefined;
  itemId: (name: string) => string | undefined;
  toValues: (answers: Answers) => FormValues;
  toAnswers: (values: FormValues) => Answers;
}

const codecs = new WeakMap<Definition, FieldCodec>();

export function fieldCodec(def: Definition): FieldCodec {
  const hit = codecs.get(def);
  if (hit) return hit;
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const { item, index } of compile(def).items) {
    if (item.kind === 'computed') continue;
    byId.set(item.id, `f${index}`);
    byName.set(`f${index}`, item.id);
  }
  const codec: FieldCodec = {
    name: (id) => byId.get(id),
    itemId: (name) => byName.get(name),
    toValues(answers) {
      const values: FormValues = {};
      for (const [id, name] of byId) values[name] = answers[id];
      return values;
    },
    toAnswers(values) {
      const answers: Answers = {};
      // A cleared input leaves nothing worth storing: the engine's rule (draft/answered.ts).
      for (const [name, id] of byName) {
        const v = values[name];
        if (!isBlank(v)) answers[id] = v;
      }
      return answers;
    },
  };
  codecs.set(def, codec);
  return codec;
}
