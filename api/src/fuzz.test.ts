import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compile, type Definition, type Item } from '@zhiping/forms';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from './auth/session.ts';
import {
  type Client,
  type Harness,
  harness,
  PASSWORD,
  sampleAnswers,
  skipReason,
  targets,
} from './testing/harness.ts';

/*
 * Bad input, property-based: every route in the OpenAPI document (read at
 * start, so a new route is fuzzed without touching this file), unknown
 * routes and wrong methods, called as anonymous, a respondent, a reviewer and
 * an admin with malformed, mistyped, oversized, deeply nested, invalid-Unicode
 * and hostile input.
 *
 *  1. Every answer is a success or a 4xx problem+json {type, title, status};
 *     never a 5xx, never a stack or a file path; security headers on all of it.
 *  2. A refused request (4xx) and any GET change nothing: the whole database
 *     (every table) and the data directory are fingerprinted around each request.
 *  3. Hostile text that is accepted comes back exactly as sent (after the
 *     documented trim), as JSON.
 *
 * FUZZ_RUNS sets the requests per property and database (default below keeps
 * the file around half a minute with PostgreSQL); FUZZ_SEED replays a run;
 * FUZZ_VERBOSE=1 adds the statuses per operation to the summary.
 * Rather than stop at the first failure, each property collects every
 * violation and the test fails listing them grouped, so one run is a report.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
// Large enough that 10 000 levels of nesting reach the JSON parser, small enough
// that bodies over the limit are cheap to build.
const BODY_LIMIT = 64 * 1024;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by shape at run time
type Json = any;

// ── values that are not plain JSON ─────────────────────────────────────
/** Emitted verbatim into the body text: NaN, 1e309, -0, comments, deep nesting. */
class Raw {
  constructor(readonly text: string) {}
}
/** An object written key by key, so it can repeat keys or carry "__proto__". */
class Entries {
  constructor(readonly entries: [string, Val][]) {}
}
/** Filled in when the request is sent: the target assessment's current revision. */
class Live {
  readonly live = 'revision';
}
type Val = null | boolean | number | string | Raw | Entries | Live | Val[] | { [k: string]: Val };

function render(v: Val, revision: number): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof Live) return String(revision);
  if (v instanceof Entries)
    return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${render(x, revision)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map((x) => render(x, revision)).join(',')}]`;
  if (v !== null && typeof v === 'object') return render(new Entries(Object.entries(v)), revision);
  // JSON.stringify writes a lone surrogate as a \ud800 escape: invalid Unicode, valid JSON.
  return JSON.stringify(v);
}

// ── hostile material ───────────────────────────────────────────────────
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '; DROP TABLE users;',
  "Robert'); DROP TABLE assessments;--",
  '" OR ""="',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\udbff\udbff',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as text
  '${7*7}{{7*7}}<%= 7*7 %>',
  '%s%s%n%x',
  '\u202egnp.exe',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '𠜎𠜱𠝹',
  '\u200b\u200d\ufeff',
  '\r\n\t\u000b\u000c',
  '\\',
  '"',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '中文 标题 「引号」',
  'ＳＥＬＥＣＴ＊',
  ' padded ',
  'x'.repeat(200),
  '汉'.repeat(100),
];

/** Path segments inserted as they are (already percent-encoded, or deliberately not). */
const RAW_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '..%2f..%2f..%2fapi%2fsrc%2fconfig.ts',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..',
  '.',
  '',
  '%',
  '%zz',
  '%ff%fe',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  'a%00b',
  '%252e%252e%252f',
  '%E2%80%AE',
  ';',
  '*',
  '%20',
];

const NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '1e-400', '0.1e999999'];
const WRONG: Val[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  '',
  'x',
  '1',
  [],
  {},
  [1, 'a', null],
  { $gt: '' },
  { toString: 'x' },
  ...NUMBERS.map((n) => new Raw(n)),
];
const WRONG_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  'application/jsonx',
  'application/json-patch',
  'json',
  '',
  '*/*',
];
const JSONISH_TYPES = [
  'application/json; charset=iso-8859-1',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'application/json, text/html',
];

const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Percent-encodes any string; a lone surrogate becomes its (invalid) CESU-8 bytes. */
const encodeSegment = (s: string) =>
  LONE.test(s)
    ? [...s]
        .map((ch) =>
          LONE.test(ch)
            ? [
                0xe0 | (ch.charCodeAt(0) >> 12),
                0x80 | ((ch.charCodeAt(0) >> 6) & 63),
                0x80 | (ch.charCodeAt(0) & 63),
              ]
                .map((b) => `%${b.toString(16).toUpperCase()}`)
                .join('')
            : encodeURIComponent(ch),
        )
        .join('')
    : encodeURIComponent(s);

// ── the OpenAPI document, as far as the fuzzer reads it ────────────────
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
}
interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** One thing the fuzzer can call: a documented operation, or a pseudo one. */
interface Op {
  method: string;
  template: string;
  params: Param[];
  body?: Schema | undefined;
  /** A non-JSON body type (e.g. an upload), sent as raw bytes. */
  rawType?: string | undefined;
  kind: 'documented' | 'wrong-method' | 'undocumented' | 'unknown';
  /** Answers with a file (a report): slow to render, so called less often. */
  slow?: boolean;
}

type Actor = 'anon' | 'alice' | 'rita' | 'admin';
// Signed-in callers more often than anonymous ones, who rarely get past the first check.
const ACTORS: Actor[] = ['anon', 'alice', 'alice', 'alice', 'rita', 'rita', 'admin', 'admin'];

type Body =
  | { kind: 'json'; value: Val; label: string }
  | { kind: 'text'; text: string; label: string }
  | { kind: 'bytes'; bytes: Uint8Array; label: string };

interface Plan {
  actor: Actor;
  op: Op;
  method: string;
  path: string;
  /** The assessment the path names, when it is one we know (for Live revisions). */
  target?: string | undefined;
  headers: Record<string, string>;
  body?: Body | undefined;
  contentLength: boolean;
}

interface Outcome {
  status: number;
  headers: Headers;
  text: string;
}

/** Objects seeded before fuzzing, in every state a request might meet. */
interface World {
  assessments: Record<
    'draft' | 'submitted' | 'inReview' | 'inReview2' | 'returned' | 'decided' | 'foreign',
    string
  >;
  /** For the third property only: a draft and one in review that no fuzzed request names. */
  mine: { draft: string; inReview: string };
  definition: Definition;
  refs: string[];
  items: Item[];
  evidence: string[];
  seals: string[];
  users: string[];
  orgs: string[];
  emails: string[];
  smallDefinition: Record<string, unknown>;
}

const LEAK = /node_modules|\.ts:\d|\.js:\d|\n\s+at |\bat [\w.<>]+ \(|\/work\/|\/home\/|\/tmp\//;
const PASSWD = /root:.*:0:0:/;

// ── generators ──────────────────────────────────────────────────────────
function generators(world: World, doc: OpenApi) {
  const resolve = (s: Schema): Schema =>
    s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop() ?? ''] ?? {}) : s;
  const hostile = fc.constantFrom(...HOSTILE);
  const anyString = fc.oneof(
    hostile,
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );
  const ids = Object.values(world.assessments);
  const OWNER: Record<keyof World['assessments'], Actor> = {
    draft: 'alice',
    submitted: 'admin',
    inReview: 'rita',
    inReview2: 'rita',
    returned: 'alice',
    decided: 'rita',
    foreign: 'alice', // bob's: alice must be refused
  };
  const ownerOf = new Map(
    Object.entries(world.assessments).map(([k, id]) => [id, OWNER[k as keyof typeof OWNER]]),
  );

  /** Values a field of this name could really take here: ids, refs, emails… */
  const known = (name: string): string[] => {
    if (name === 'id') return ids;
    if (name === 'itemId') return world.items.map((i) => i.id);
    if (name === 'ref' || name === 'definition') return world.refs;
    if (name === 'hash') return world.seals.flatMap((s) => [s, s.replace('sha256:', '')]);
    if (name === 'reviewerId') return world.users;
    if (name === 'organisationId') return world.orgs;
    if (name === 'email') return world.emails;
    if (name === 'password') return [PASSWORD, 'short', 'longenough-but-no-digit'];
    if (name === 'family') return ['gbt29490', 'strong-city', 'enterprise-programme', 'indicators'];
    if (name === 'asset') return ['swagger-ui.css', 'swagger-ui-bundle.js', 'index.html'];
    if (name === 'name')
      return [
        '证据.pdf',
        '../../etc/passwd.pdf',
        '..\\..\\boot.pdf',
        'a/b.pdf',
        '..%2F..%2Fx.pdf',
        'a.exe',
      ];
    return [];
  };

  const segment = (name: string): fc.Arbitrary<string> => {
    const real = known(name);
    return fc.oneof(
      {
        weight: 12,
        arbitrary: real.length ? fc.constantFrom(...real).map(encodeSegment) : fc.uuid(),
      },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: hostile.map(encodeSegment) },
      { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
      { weight: 1, arbitrary: fc.integer({ min: 101, max: 8000 }).map((n) => 'x'.repeat(n)) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(encodeSegment) },
    );
  };

  /** Plausible answers: mostly right for their item, sometimes not at all. */
  const value = (item: Item): fc.Arbitrary<Val> => {
    const text = fc.oneof(hostile, fc.string({ maxLength: 30 }));
    const ok: fc.Arbitrary<Val> = (() => {
      switch (item.kind) {
        case 'yesno':
          return fc.boolean();
        case 'single':
          return fc.constantFrom(...item.options.map((o) => o.id));
        case 'multi':
          return fc.subarray(item.options.map((o) => o.id));
        case 'scale':
          return fc.constantFrom(
            ...(world.definition.scales[item.scale] ?? [{ value: 0 }]).map((l) => l.value),
          );
        case 'number':
          return fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double({ noNaN: true }));
        case 'date':
          return fc.constantFrom('2025-01-10', '2025-02-30', '2025-13-01', '0000-00-00', '1-1-1');
        case 'text':
          return text;
        case 'evidence':
          return fc.record(
            {
              files: fc.array(fc.record({ id: fc.oneof(fc.uuid(), hostile), name: text }), {
                maxLength: 3,
              }),
              ref: text,
              note: text,
            },
            { requiredKeys: [] },
          );
        case 'computed':
          return fc.integer();
      }
    })();
    return fc.oneof(
      { weight: 6, arbitrary: ok },
      { weight: 1, arbitrary: fc.record({ notApplicable: fc.constant(true), reason: text }) },
      { weight: 1, arbitrary: fc.constantFrom(...WRONG) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  };
  const answers: fc.Arbitrary<Val> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .subarray(world.items, { maxLength: 6 })
        .chain((items) => fc.record(Object.fromEntries(items.map((i) => [i.id, value(i)])))),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(anyString, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Val>, {
        maxKeys: 4,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...world.evidence).map(
        (id): Val => ({
          [id]: { files: [{ id: 'f-1', name: '../../etc/passwd' }], ref: '..\\..\\boot.ini' },
        }),
      ),
    },
  );

  /** A value the schema allows (roughly), biased towards ones that exist here. */
  const fromSchema = (raw: Schema, name: string, depth = 0): fc.Arbitrary<Val> => {
    const s = resolve(raw);
    if (s.enum) return fc.constantFrom(...(s.enum as Val[]));
    if (name === 'answers') return answers;
    if (name === 'revision')
      return fc.oneof({ weight: 4, arbitrary: fc.constant(new Live()) }, fc.nat(5));
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.length > 1)
      return fc.oneof(...types.map((t) => fromSchema({ ...s, type: t }, name, depth)));
    const real = known(name);
    switch (types[0]) {
      case 'string': {
        const shaped = s.pattern
          ? fc.stringMatching(new RegExp(s.pattern))
          : s.format === 'email'
            ? fc.emailAddress()
            : fc.string({ minLength: s.minLength ?? 0, maxLength: s.maxLength ?? 50 });
        return fc.oneof(
          {
            weight: real.length ? 5 : 0,
            arbitrary: real.length ? fc.constantFrom(...real) : shaped,
          },
          { weight: 3, arbitrary: shaped },
          // Now and then hostile or invalid text: more, and few bodies would get past validation.
          { weight: 1, arbitrary: anyString },
        );
      }
      case 'integer':
        return fc.oneof(fc.nat(10), fc.integer());
      case 'number':
        return fc.oneof(fc.nat(10), fc.double({ noNaN: true, noDefaultInfinity: true }));
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(fromSchema(s.items ?? {}, name, depth + 1), { maxLength: 3 });
      case 'object': {
        const props = s.properties ?? {};
        if (Object.keys(props).length === 0)
          return fc.dictionary(anyString, fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Val>, {
            maxKeys: 4,
          });
        return fc.record(
          Object.fromEntries(
            Object.entries(props).map(([k, p]) => [k, fromSchema(p, k, depth + 1)]),
          ),
          { requiredKeys: s.required ?? [] },
        ) as fc.Arbitrary<Val>;
      }
      default:
        return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Val>;
    }
  };

  /** A real definition to publish (as a new version), sometimes defaced. */
  const definitionBody = fc
    .record({ version: fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)), title: fc.option(anyString) })
    .map(
      ({ version, title }): Val => ({
        ...(world.smallDefinition as { [k: string]: Val }),
        version: `${100 + version[0]}.${version[1]}.${version[2]}`,
        ...(title !== null ? { title } : {}),
      }),
    );

  /** Takes a schema-shaped object apart: a field missing, mistyped, or extra ones. */
  const mutate = (base: fc.Arbitrary<Val>): fc.Arbitrary<Val> =>
    fc
      .tuple(
        base,
        fc.nat(),
        fc.constantFrom('drop', 'wrong', 'extra', 'proto', 'dup', 'deep', 'whole'),
        fc.constantFrom(...WRONG),
        hostile,
      )
      .map(([b, n, how, wrong, text]): Val => {
        if (
          b === null ||
          typeof b !== 'object' ||
          Array.isArray(b) ||
          b instanceof Raw ||
          b instanceof Entries ||
          b instanceof Live
        )
          return how === 'whole' ? wrong : b;
        const keys = Object.keys(b);
        const key = keys.length ? (keys[n % keys.length] as string) : 'x';
        switch (how) {
          case 'drop': {
            const { [key]: _, ...rest } = b;
            return rest;
          }
          case 'wrong':
            return { ...b, [key]: wrong };
          case 'extra':
            return {
              ...b,
              role: 'admin',
              status: 'decided',
              org_id: 'org-b',
              id: text,
              [text]: wrong,
            };
          case 'proto':
            return new Entries([
              ...Object.entries(b),
              ['__proto__', { role: 'admin', isAdmin: true }],
              ['constructor', { prototype: { x: 1 } }],
            ]);
          case 'dup':
            return new Entries([...Object.entries(b), [key, wrong]]);
          case 'deep':
            return { ...b, [key]: new Raw(n % 2 ? deepArray(10_000) : deepObject(5_000)) };
          default:
            return wrong;
        }
      });

  /** Valid JSON text turned into something a parser must refuse (or may accept). */
  const malformed = (base: fc.Arbitrary<Val>): fc.Arbitrary<string> =>
    fc.tuple(base, fc.nat(), fc.constantFrom(...NUMBERS)).map(([b, n, num]) => {
      const t = render(b, 1);
      const choices = [
        t.slice(0, n % Math.max(1, t.length)),
        `${t} x`,
        `${t}}`,
        `${t},`,
        `${t}${t}`,
        `${t}\u0000`,
        `\ufeff${t}`,
        `\ufeff\ufeff${t}`,
        `/* comment */${t}`,
        `${t} // comment`,
        t.replace('{', '{// c\n'),
        t.replaceAll('"', "'"),
        t.replace(/}$/, ',}'),
        t.replace(/"([^"\\]+)":/, '$1:'),
        t.replace(/:(-?\d+(\.\d+)?)/, `:${num}`),
        `{"revision":${num},"answers":{}}`,
        '',
        ' \n\t',
        'null',
        'undefined',
        '{',
        '}',
        '[',
        '"',
        '{"a":}',
        '{"a" 1}',
        '[1,]',
        '{"\\ud800":"\\udc00\\ud800"}',
        '"\\u00"',
        '"\\x41"',
        '{"a":"\u0001\u001f"}',
      ];
      return choices[n % choices.length] as string;
    });

  /** Bytes that are not UTF-8 (or not text at all), some inside otherwise valid JSON. */
  const badBytes = (base: fc.Arbitrary<Val>): fc.Arbitrary<Uint8Array> =>
    fc
      .tuple(
        base,
        fc.nat(),
        fc.constantFrom(
          [0xff],
          [0xfe, 0xff],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0xe4, 0xb8],
          [0xf8, 0x88, 0x80, 0x80, 0x80],
          [0x00],
        ),
        fc.uint8Array({ maxLength: 64 }),
      )
      .map(([b, n, bad, noise]) => {
        const text = new TextEncoder().encode(render(b, 1));
        if (n % 4 === 0) return noise;
        // Inside the first string literal if there is one, else anywhere.
        const quote = text.indexOf(0x22);
        const at = quote >= 0 ? quote + 1 : n % (text.length + 1);
        return new Uint8Array([...text.slice(0, at), ...bad, ...text.slice(at)]);
      });

  const huge = fc
    .tuple(fc.integer({ min: 1, max: 3 * BODY_LIMIT }), fc.boolean())
    .map(([extra, asJson]) => {
      const n = BODY_LIMIT + extra;
      return asJson ? `{"revision":1,"title":"${'x'.repeat(n)}","answers":{}}` : 'x'.repeat(n);
    });

  const bodyFor = (op: Op): fc.Arbitrary<Body | undefined> => {
    const schema = op.body;
    const base: fc.Arbitrary<Val> = schema
      ? schema.$ref?.endsWith('/Definition')
        ? fc.oneof(definitionBody, fromSchema(schema, 'body'))
        : fromSchema(schema, 'body')
      : (fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Val>);
    const json =
      (label: string) =>
      (value: Val): Body => ({ kind: 'json', value, label });
    return fc.oneof(
      // Weighted towards bodies that pass validation often enough to reach the services.
      { weight: schema ? 1 : 8, arbitrary: fc.constant(undefined) },
      { weight: 10, arbitrary: base.map(json('schema-shaped')) },
      { weight: 6, arbitrary: mutate(base).map(json('mutated')) },
      {
        weight: 3,
        arbitrary: malformed(base).map(
          (text): Body => ({ kind: 'text', text, label: 'malformed' }),
        ),
      },
      {
        weight: 2,
        arbitrary: badBytes(base).map(
          (bytes): Body => ({ kind: 'bytes', bytes, label: 'invalid-utf8' }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(deepArray(10_000), deepObject(10_000), `{"answers":${deepObject(10_000)}}`)
          .map((text): Body => ({ kind: 'text', text, label: 'deep' })),
      },
      { weight: 1, arbitrary: huge.map((text): Body => ({ kind: 'text', text, label: 'huge' })) },
      ...(op.rawType
        ? [
            {
              weight: 4,
              // Random bytes, or random bytes behind a PDF signature so some uploads get through.
              arbitrary: fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 2048 })).map(
                ([pdf, bytes]): Body => ({
                  kind: 'bytes',
                  bytes: pdf ? new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...bytes]) : bytes,
                  label: 'raw',
                }),
              ),
            },
          ]
        : []),
    );
  };

  const contentType = (op: Op, body: Body | undefined): fc.Arbitrary<string | undefined> => {
    if (body === undefined)
      return fc.oneof(fc.constant(undefined), fc.constantFrom(...WRONG_TYPES));
    const right = op.rawType && body.label === 'raw' ? op.rawType : 'application/json';
    return fc.oneof(
      { weight: 20, arbitrary: fc.constant(right) },
      { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
      { weight: 1, arbitrary: fc.constantFrom(...JSONISH_TYPES) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  };

  const query = (op: Op): fc.Arbitrary<string> => {
    const qs = op.params.filter((p) => p.in === 'query');
    const one = (p: Param) =>
      fc.oneof(
        { weight: p.required ? 1 : 4, arbitrary: fc.constant('') },
        {
          weight: 6,
          arbitrary: fromSchema(p.schema ?? {}, p.name).map(
            (v) => `${p.name}=${encodeSegment(typeof v === 'string' ? v : render(v, 1))}`,
          ),
        },
        { weight: 2, arbitrary: hostile.map((v) => `${p.name}=${encodeSegment(v)}`) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((v) => `${p.name}=${v}`) },
        { weight: 1, arbitrary: fc.constant(`${p.name}=a&${p.name}=b&${p.name}[]=c`) },
      );
    return fc
      .tuple(
        fc.tuple(...qs.map(one)),
        fc.option(
          fc.constantFrom('__proto__[x]=1', 'constructor=1', 'x=%00', `q=${'a'.repeat(5000)}`),
          { freq: 5 },
        ),
      )
      .map(([parts, junk]) => {
        const all = [...parts, ...(junk ? [junk] : [])].filter(Boolean);
        return all.length ? `?${all.join('&')}` : '';
      });
  };

  const extraHeaders = fc.option(
    fc.constantFrom<Record<string, string>>(
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost', host: 'localhost' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'same-origin' },
      { 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' },
      { cookie: 'zp_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      { cookie: 'zp_session=%00%ff; zp_session=x' },
      { accept: 'text/html' },
      { 'transfer-encoding': 'chunked' },
    ),
    { freq: 8 },
  );

  // Shares of the requests by kind: the many wrong-method pairs would otherwise crowd
  // out the documented operations. Report rendering takes half a second, so a report
  // route gets a fifth of another route's share.
  const SHARE: Record<Op['kind'], number> = {
    documented: 70,
    'wrong-method': 12,
    undocumented: 6,
    unknown: 12,
  };
  const pick = (ops: Op[]) => {
    const units = (o: Op) => (o.slow ? 1 : 5);
    const total = (k: Op['kind']) =>
      ops.filter((o) => o.kind === k).reduce((n, o) => n + units(o), 0);
    return fc.oneof(
      ...ops.map((o) => ({
        weight: Math.max(1, Math.round((1000 * SHARE[o.kind] * units(o)) / total(o.kind))),
        arbitrary: fc.constant(o),
      })),
    );
  };
  const plan = (ops: Op[]): fc.Arbitrary<Plan> =>
    pick(ops).chain((op) => {
      const ps = op.params.filter((p) => p.in === 'path');
      return fc
        .record({
          actor: fc.constantFrom(...ACTORS),
          segs: fc.tuple(...ps.map((p) => segment(p.name))),
          query: query(op),
          body: bodyFor(op),
          headers: extraHeaders,
          contentLength: fc.boolean(),
          asOwner: fc.boolean(),
        })
        .chain((r) =>
          contentType(op, r.body).map((type): Plan => {
            let path = op.template;
            ps.forEach((p, i) => {
              path = path.replace(`{${p.name}}`, r.segs[i] ?? '');
            });
            const idParam = ps.findIndex((p) => p.name === 'id');
            const target =
              idParam >= 0 ? ids.find((id) => encodeSegment(id) === r.segs[idParam]) : undefined;
            const headers: Record<string, string> = {
              ...(type !== undefined ? { 'content-type': type } : {}),
              ...(r.headers ?? {}),
            };
            return {
              // Half the time the caller who may act on the assessment named: otherwise
              // a random caller and a random id rarely meet, and the services go untested.
              actor: r.asOwner && target ? (ownerOf.get(target) ?? r.actor) : r.actor,
              op,
              method: op.method,
              path: path + r.query,
              target,
              headers,
              body: r.body,
              // Real clients send Content-Length (or chunk); app.request() sends neither.
              contentLength: r.contentLength && !('transfer-encoding' in headers),
            };
          }),
        );
    });

  return { plan, anyString, hostile };
}

/** Every operation in the document, wrong methods on its paths, and paths it does not have. */
function operations(doc: OpenApi): Op[] {
  const ops: Op[] = [];
  const resolveBody = (o: Operation) => o.requestBody?.content['application/json']?.schema;
  for (const [path, methods] of Object.entries(doc.paths)) {
    const params = Object.values(methods).flatMap((o) => o.parameters ?? []);
    const pathParams = params.filter(
      (p, i) => p.in === 'path' && params.findIndex((q) => q.name === p.name) === i,
    );
    for (const [method, o] of Object.entries(methods)) {
      const raw = Object.keys(o.requestBody?.content ?? {}).find((t) => !t.includes('json'));
      ops.push({
        method: method.toUpperCase(),
        template: path,
        params: o.parameters ?? [],
        body: resolveBody(o),
        rawType: raw,
        kind: 'documented',
        slow: Object.keys(o.responses?.['200']?.content ?? { json: 1 }).every(
          (t) => !t.includes('json'),
        ),
      });
      // HEAD runs the GET handler and drops the body: now and then, the same checks.
      if (method === 'get')
        ops.push({
          method: 'HEAD',
          template: path,
          params: o.parameters ?? [],
          kind: 'documented',
          slow: true,
        });
    }
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND'])
      if (!(method.toLowerCase() in methods) && !(method === 'HEAD' && 'get' in methods))
        ops.push({ method, template: path, params: pathParams, kind: 'wrong-method' });
  }
  // Routes served outside the document (docs, health) and ones that do not exist at all.
  for (const template of [
    '/api/ping',
    '/api/health',
    '/api/openapi.json',
    '/api/docs',
    '/api/docs/init.js',
    '/api/docs/{asset}',
  ])
    ops.push({
      method: 'GET',
      template,
      params: template.includes('{asset}') ? [{ name: 'asset', in: 'path' }] : [],
      kind: 'undocumented',
    });
  for (const template of [
    '/api/nowhere',
    '/api',
    '/api/',
    '/api//assessments',
    '/API/assessments',
    '/api/assessments/{id}/nope',
    '/api/forms/{ref}/score/extra',
    '/api/../../etc/passwd',
    '/api/%2e%2e/%2e%2e/etc/passwd',
    '/api/docs/..%2f..%2fpackage.json',
    '/assets/..%2f..%2f..%2fapi%2fsrc%2fconfig.ts',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/index.html',
  ])
    for (const method of ['GET', 'POST'])
      ops.push({
        method,
        template,
        params: [...template.matchAll(/\{(\w+)\}/g)].map((m) => ({
          name: m[1] as string,
          in: 'path',
        })),
        body: undefined,
        kind: 'unknown',
      });
  return ops;
}

// ── checks ──────────────────────────────────────────────────────────────
/** Property 1 (and the security headers), for one response. */
function check(p: Plan, r: Outcome): string[] {
  const out: string[] = [];
  const type = r.headers.get('content-type') ?? '';
  if (r.status >= 500) out.push(`5xx (${r.status})`);
  else if (r.status >= 400) {
    if (!/^application\/problem\+json/.test(type)) out.push(`4xx as ${type || 'no content type'}`);
    else if (p.method !== 'HEAD') {
      let b: Json;
      try {
        b = JSON.parse(r.text);
      } catch {
        out.push('problem body is not JSON');
      }
      if (b !== undefined) {
        if (typeof b.type !== 'string' || !b.type.startsWith('urn:zhiping:problem:'))
          out.push(`problem type ${String(b.type)}`);
        // The README promises a Chinese title a person can read, whatever raised the error.
        if (typeof b.title !== 'string' || !/[\u4e00-\u9fff]/.test(b.title))
          out.push(`problem title ${JSON.stringify(b.title)}`);
        if (b.status !== r.status) out.push(`problem status ${String(b.status)} on a ${r.status}`);
      }
    }
  } else if (r.status < 200 || r.status >= 300) out.push(`status ${r.status}`);
  if (r.status >= 400 && LEAK.test(r.text)) out.push(`leaks internals: ${LEAK.exec(r.text)?.[0]}`);
  if (PASSWD.test(r.text)) out.push('served /etc/passwd');
  // Outside the API, a path that names no file gets the app's page, never a file's content.
  if (p.op.kind === 'unknown' && r.status < 300 && !/^text\/html/.test(type))
    out.push(`served ${type} for a path that names no file`);
  if (/json/.test(type) && p.method !== 'HEAD' && r.text !== '')
    try {
      JSON.parse(r.text);
    } catch {
      out.push(`${type} body is not JSON`);
    }
  // Where the request really went: URL parsing resolves dot segments, %2e%2e included.
  const path = new URL(p.path, 'http://localhost').pathname;
  const api = path.startsWith('/api/') && !path.startsWith('/api/docs');
  if (r.status < 400 && api && /text\/html/.test(type)) out.push('API answered with HTML');
  const hd = (n: string) => r.headers.get(n) ?? '';
  if (hd('x-content-type-options') !== 'nosniff') out.push('no X-Content-Type-Options: nosniff');
  if (hd('x-frame-options') !== 'DENY') out.push('no X-Frame-Options: DENY');
  if (hd('referrer-policy') !== 'same-origin') out.push('no Referrer-Policy');
  if (!/frame-ancestors 'none'/.test(hd('content-security-policy')))
    out.push('no CSP frame-ancestors');
  if (r.headers.has('x-powered-by')) out.push('X-Powered-By');
  // Either never stored, or (versioned reads with an ETag, issue 15) kept privately and
  // revalidated on every use, so a change made elsewhere is never served stale.
  const revalidated =
    /private/.test(hd('cache-control')) &&
    /no-cache/.test(hd('cache-control')) &&
    r.headers.has('etag');
  if (api && !/no-store/.test(hd('cache-control')) && !revalidated)
    out.push('API response without Cache-Control: no-store (or private, no-cache with an ETag)');
  return out;
}

/** What a failure message shows of a request. */
function describePlan(p: Plan): string {
  const b = p.body;
  const shown =
    b === undefined
      ? ''
      : b.kind === 'bytes'
        ? `<${b.bytes.length} bytes: ${Buffer.from(b.bytes.slice(0, 40)).toString('hex')}…>`
        : (b.kind === 'json' ? render(b.value, 1) : b.text).slice(0, 300);
  return `${p.actor} ${p.method} ${p.path.slice(0, 200)} [${p.op.kind}${b ? `, ${b.label}` : ''}] ${JSON.stringify(p.headers)} ${shown}`;
}

// ── the run ─────────────────────────────────────────────────────────────
const READY = sampleAnswers('gbt29490-2023/ready-manufacturer');

describe.each(targets)('fuzzing the HTTP surface on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`bad input${skipReason(target)}`, () => {
    let h: Harness;
    let world: World;
    let doc: OpenApi;
    const cookies: Record<Actor, string | null> = {
      anon: null,
      alice: null,
      rita: null,
      admin: null,
    };
    const stats = {
      requests: 0,
      fiveXX: 0,
      byStatus: new Map<number, number>(),
      byOp: new Map<string, Map<number, number>>(),
      started: 0,
      seeded: 0,
      fpTime: 0,
      sendTime: 0,
    };
    const violations = new Map<string, { count: number; example: string }>();

    const record = (key: string, example: string) => {
      const v = violations.get(key);
      if (v) v.count++;
      else violations.set(key, { count: 1, example });
    };
    const report = () =>
      [...violations].map(([k, v]) => `${v.count}× ${k}\n    e.g. ${v.example}`).join('\n');

    async function revisionOf(id: string | undefined) {
      if (!id) return 1;
      const row = await h.deps.db.kysely
        .selectFrom('assessments')
        .select('revision')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.revision ?? 1;
    }

    async function send(p: Plan): Promise<Outcome> {
      const headers = { ...p.headers };
      const own = cookies[p.actor];
      if (own) headers.cookie = headers.cookie ? `${headers.cookie}; ${own}` : own;
      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (p.body && p.method !== 'GET' && p.method !== 'HEAD') {
        const b = p.body;
        body =
          b.kind === 'json'
            ? render(b.value, await revisionOf(p.target))
            : b.kind === 'text'
              ? b.text
              : new Uint8Array(b.bytes);
        if (p.contentLength)
          headers['content-length'] = String(
            typeof body === 'string' ? Buffer.byteLength(body) : body.length,
          );
      }
      const t0 = performance.now();
      const res = await h.app.request(p.path, {
        method: p.method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
      stats.sendTime += performance.now() - t0;
      stats.requests++;
      stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
      const op = `${p.method} ${p.op.template}`;
      const byOp = stats.byOp.get(op) ?? new Map<number, number>();
      byOp.set(res.status, (byOp.get(res.status) ?? 0) + 1);
      stats.byOp.set(op, byOp);
      if (res.status >= 500) stats.fiveXX++;
      // A fuzzed logout ends that actor's session: give them a new one, past the login limiter.
      if (p.op.template === '/api/auth/logout' && res.status === 204 && p.actor !== 'anon')
        cookies[p.actor] = await sessionFor(p.actor);
      return { status: res.status, headers: res.headers, text };
    }

    async function sessionFor(actor: Exclude<Actor, 'anon'>) {
      const s = await createSession(h.deps.db.kysely, h.users[actor].id, 12, h.clock.now);
      return `zp_session=${s.token}`;
    }

    // Property 2's fingerprint: every row of every table (a definition's large text by
    // its length: definitions are never updated, a new version is a new row) and
    // every file under the data directory other than the database's own.
    //
    // Scanning every table after every request is the slow part, so it is done only
    // when something may have been written: SQLite's change counter of the app's one
    // connection, or PostgreSQL's next transaction id (any write anywhere on the
    // server advances it, so other suites only cost a needless scan, never a miss).
    let tables: { name: string; columns: string[] }[] = [];
    let scanned: { mark: string; rows: Record<string, string> } | undefined;
    async function writeMark(): Promise<string> {
      const q =
        target === 'postgres'
          ? sql<{ n: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as n`
          : sql<{ n: number }>`select total_changes() as n`;
      return String((await q.execute(h.deps.db.kysely)).rows[0]?.n);
    }
    async function fingerprint(): Promise<Record<string, string>> {
      const t0 = performance.now();
      try {
        const mark = await writeMark();
        if (scanned?.mark !== mark) scanned = { mark, rows: await scan() };
        return { ...scanned.rows, '(data directory)': dataFiles() };
      } finally {
        stats.fpTime += performance.now() - t0;
      }
    }
    async function scan(): Promise<Record<string, string>> {
      const db = h.deps.db.kysely;
      const out: Record<string, string> = {};
      for (const t of tables) {
        const cols = sql.join(
          t.columns.map((c) =>
            t.name === 'definitions' && (c === 'body' || c === 'source')
              ? sql`length(${sql.ref(c)})`
              : sql.ref(c),
          ),
        );
        const rows = (
          await sql<Record<string, unknown>>`select ${cols} from ${sql.table(t.name)}`.execute(db)
        ).rows;
        const lines = rows.map((r) => JSON.stringify(Object.values(r))).sort();
        out[t.name] =
          `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
      }
      return out;
    }
    function dataFiles(): string {
      const dir = h.deps.config.dataDir;
      const files: string[] = [];
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const full = join(d, e.name);
          if (e.isDirectory()) walk(full);
          else if (!/^zhiping\.db/.test(e.name))
            files.push(`${relative(dir, full)}:${statSync(full).size}`);
        }
      };
      if (existsSync(dir)) walk(dir);
      return files.sort().join(',');
    }
    const changed = (a: Record<string, string>, b: Record<string, string>) =>
      Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);

    beforeAll(async () => {
      stats.started = performance.now();
      h = await harness(target, { BODY_LIMIT: String(BODY_LIMIT) });
      doc = (await h.anon.get('/api/openapi.json')).body;
      const [alice, bob, rita, admin] = await Promise.all(
        ['alice', 'bob', 'rita', 'admin'].map((u) => h.as(u)),
      );
      if (!alice || !bob || !rita || !admin) throw new Error('fixture users');
      cookies.alice = alice.cookie;
      cookies.rita = rita.cookie;
      cookies.admin = admin.cookie;
      world = await seed(h, { alice, bob, rita, admin });
      stats.seeded = performance.now();
      const meta = await h.deps.db.kysely.introspection.getTables();
      const schema =
        target === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(h.deps.db.kysely))
              .rows[0]?.s
          : undefined;
      tables = meta
        .filter(
          (t) =>
            !t.isView &&
            !t.name.startsWith('kysely_') &&
            // A refused login counts as an attempt: that is the limiter's job, not a leak.
            t.name !== 'login_attempts' &&
            (schema === undefined || t.schema === schema),
        )
        .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['assessments', 'audit_log', 'users', 'sessions']),
      );
    }, 120_000);

    afterAll(async () => {
      const tally = (m: Map<number, number>) =>
        [...m]
          .sort(([x], [y]) => x - y)
          .map(([k, v]) => `${k}×${v}`)
          .join(' ');
      const secs = (ms: number) => (ms / 1000).toFixed(1);
      console.log(
        `[fuzz ${target}] seed ${SEED}, ${RUNS} runs per property: ${stats.requests} requests, ` +
          `${stats.fiveXX} 5xx, ${secs(performance.now() - stats.started)} s (boot and seed ` +
          `${secs(stats.seeded - stats.started)} s, requests ${secs(stats.sendTime)} s, ` +
          `fingerprints ${secs(stats.fpTime)} s)\n  statuses: ${tally(stats.byStatus)}` +
          (process.env.FUZZ_VERBOSE
            ? [...stats.byOp]
                .sort()
                .map(([op, m]) => `\n  ${op}: ${tally(m)}`)
                .join('')
            : ''),
      );
      await h?.close();
    });

    it('answers every request with success or a problem, and a refusal changes nothing', async () => {
      const ops = operations(doc);
      // Every documented route is in play: a route added later is fuzzed as well.
      expect(ops.filter((o) => o.kind === 'documented').length).toBeGreaterThanOrEqual(20);
      const { plan } = generators(world, doc);
      // The fingerprint must notice a write, or property 2 would hold vacuously.
      const draft = world.assessments.draft;
      const probe = await fingerprint();
      const saved = await h.app.request(`/api/assessments/${draft}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: cookies.alice ?? '' },
        body: JSON.stringify({ revision: await revisionOf(draft), position: 'probe' }),
      });
      expect(saved.status).toBe(200);
      let before = await fingerprint();
      expect(changed(probe, before)).toEqual(expect.arrayContaining(['assessments', 'audit_log']));
      await fc.assert(
        fc.asyncProperty(plan(ops), async (p) => {
          const r = await send(p);
          for (const v of check(p, r))
            record(
              `${v}: ${p.method} ${p.op.template}`,
              `${describePlan(p)}\n    → ${r.status} ${r.text.slice(0, 300)}`,
            );
          const after = await fingerprint();
          const diff = changed(before, after);
          const refused = r.status >= 400;
          const safe = p.method === 'GET' || p.method === 'HEAD' || p.method === 'OPTIONS';
          if (diff.length > 0 && (refused || safe))
            record(
              `${refused ? `refused (${r.status})` : p.method} request changed ${diff.join(', ')}: ${p.method} ${p.op.template}`,
              `${describePlan(p)}\n    → ${r.status} ${r.text.slice(0, 200)}`,
            );
          before = after;
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(violations.size, `seed ${SEED}\n${report()}`).toBe(0);
    }, 600_000);

    it('stores accepted hostile text exactly as sent and returns it as JSON', async () => {
      violations.clear();
      // Mostly the hostile list: a purely random string is rarely the interesting one.
      const { hostile, anyString } = generators(world, doc);
      const text = fc.oneof({ weight: 3, arbitrary: hostile }, anyString);
      const unique = { n: 0 };
      type Field = {
        name: string;
        actor: Actor;
        weight?: number;
        /** The write: method, path and body for the text s. */
        write(s: string): Promise<[string, string, Val]>;
        /** Reads what was stored, after an accepted write whose answer was `res`. */
        read(res: Json): Promise<unknown>;
        expected(s: string): unknown;
      };
      const get = async (actor: Actor, path: string): Promise<Json> => {
        const r = await send({
          actor,
          op: {
            method: 'GET',
            template: path.replace(/[0-9a-f-]{36}/, '{id}'),
            params: [],
            kind: 'documented',
          },
          method: 'GET',
          path,
          headers: {},
          contentLength: false,
        });
        expect(r.status, path).toBe(200);
        expect(r.headers.get('content-type')).toMatch(/^application\/json/);
        return JSON.parse(r.text);
      };
      // Objects of their own, out of the first property's reach (it may have submitted
      // or decided the shared ones).
      const { draft, inReview } = world.mine;
      const ev = world.evidence[0] as string;
      const fields: Field[] = [
        {
          name: 'new assessment title',
          actor: 'alice',
          write: async (s) => [
            'POST',
            '/api/assessments',
            { definition: 'gbt29490-2023', title: s },
          ],
          read: async (res) => (await get('alice', `/api/assessments/${res.id}`)).title,
          expected: (s) => s.trim(),
        },
        {
          name: 'autosaved title',
          actor: 'alice',
          write: async (s) => [
            'PATCH',
            `/api/assessments/${draft}`,
            { revision: new Live(), title: s },
          ],
          read: async () => (await get('alice', `/api/assessments/${draft}`)).title,
          expected: (s) => s.trim(),
        },
        {
          name: 'autosaved position',
          actor: 'alice',
          write: async (s) => [
            'PATCH',
            `/api/assessments/${draft}`,
            { revision: new Live(), position: s },
          ],
          read: async () => (await get('alice', `/api/assessments/${draft}`)).position,
          expected: (s) => s,
        },
        {
          name: 'evidence reference and note in an answer',
          actor: 'alice',
          write: async (s) => [
            'PATCH',
            `/api/assessments/${draft}`,
            { revision: new Live(), answers: { [ev]: { ref: `ref ${s}`, note: s } } },
          ],
          read: async () => (await get('alice', `/api/assessments/${draft}`)).answers[ev],
          expected: (s) => ({ ref: `ref ${s}`, note: s }),
        },
        {
          name: 'evidence file name in an answer',
          actor: 'alice',
          write: async (s) => [
            'PATCH',
            `/api/assessments/${draft}`,
            { revision: new Live(), answers: { [ev]: { files: [{ id: 'f-1', name: s }] } } },
          ],
          read: async () => (await get('alice', `/api/assessments/${draft}`)).answers[ev],
          expected: (s) => ({ files: [{ id: 'f-1', name: s }] }),
        },
        {
          name: 'review comment',
          actor: 'rita',
          write: async (s) => [
            'PUT',
            `/api/assessments/${inReview}/reviews/${world.items[1]?.id}`,
            { verdict: 'agree', comment: s },
          ],
          read: async () =>
            (await get('rita', `/api/assessments/${inReview}`)).reviews.find(
              (x: Json) => x.item === world.items[1]?.id,
            )?.comment,
          expected: (s) => s.trim() || null,
        },
        {
          name: 'user name',
          actor: 'admin',
          weight: 1, // hashing the password makes this one slow
          write: async (s) => [
            'POST',
            '/api/admin/users',
            {
              email: `fuzz${unique.n++}@example.cn`,
              name: s,
              role: 'respondent',
              organisationId: 'org-a',
              password: 'fuzz-password-1',
            },
          ],
          read: async (res) =>
            (
              await get('admin', `/api/admin/users?pageSize=100&q=${encodeURIComponent(res.email)}`)
            ).items.find((u: Json) => u.id === res.id)?.name,
          expected: (s) => s.trim(),
        },
      ];
      const pickField = fc.oneof(
        ...fields.map((f) => ({ weight: f.weight ?? 3, arbitrary: fc.constant(f) })),
      );
      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(pickField, text, async (f, s) => {
          const [method, path, value] = await f.write(s);
          const p: Plan = {
            actor: f.actor,
            op: { method, template: `(text) ${f.name}`, params: [], kind: 'documented' },
            method,
            path,
            target: path.split('/')[3],
            headers: { 'content-type': 'application/json' },
            body: { kind: 'json', value, label: f.name },
            contentLength: true,
          };
          const r = await send(p);
          for (const v of check(p, r))
            record(
              `${v}: ${f.name}`,
              `${describePlan(p)}\n    → ${r.status} ${r.text.slice(0, 300)}`,
            );
          if (r.status < 300) {
            expect(r.headers.get('content-type') ?? '').toMatch(/^application\/json/);
            const stored = await f.read(r.status === 204 ? {} : JSON.parse(r.text));
            if (JSON.stringify(stored) !== JSON.stringify(f.expected(s)))
              record(
                `accepted text came back altered: ${f.name}`,
                `sent ${JSON.stringify(s)}, stored ${JSON.stringify(stored)}`,
              );
          }
          const after = await fingerprint();
          const diff = changed(before, after);
          if (r.status >= 400 && diff.length > 0)
            record(
              `refused (${r.status}) request changed ${diff.join(', ')}: ${f.name}`,
              describePlan(p),
            );
          before = after;
        }),
        { numRuns: Math.max(50, Math.round(RUNS / 3)), seed: SEED },
      );
      expect(violations.size, `seed ${SEED}\n${report()}`).toBe(0);
    }, 600_000);

    /** One request outside the generators, through the same send() and checks. */
    async function call(
      actor: Actor,
      method: string,
      path: string,
      body?: string | Uint8Array,
      headers: Record<string, string> = { 'content-type': 'application/json' },
      contentLength = !('transfer-encoding' in headers),
    ) {
      const p: Plan = {
        actor,
        op: { method, template: path, params: [], kind: 'documented' },
        method,
        path,
        headers,
        body:
          body === undefined
            ? undefined
            : typeof body === 'string'
              ? { kind: 'text', text: body, label: 'fixed' }
              : { kind: 'bytes', bytes: body, label: 'fixed' },
        contentLength,
      };
      const r = await send(p);
      const problems = check(p, r);
      expect(problems, `${describePlan(p)}\n→ ${r.status} ${r.text.slice(0, 300)}`).toEqual([]);
      return {
        ...r,
        json:
          /json/.test(r.headers.get('content-type') ?? '') && r.text ? JSON.parse(r.text) : null,
      };
    }

    it('keeps the bugs it found fixed', async () => {
      const { draft } = world.mine;
      const { submitted } = world.assessments;
      // U+0000 was a 500 on PostgreSQL and stored as is on SQLite; a lone surrogate was
      // stored as U+FFFD on both, while the answer to the write echoed it unchanged.
      for (const title of ['a\u0000b', '\ud800', 'x\udfffy']) {
        const r = await call(
          'alice',
          'POST',
          '/api/assessments',
          JSON.stringify({ definition: 'gbt29490-2023', title }),
        );
        expect(r.status, JSON.stringify(title)).toBe(400);
        expect(r.json.errors[0]).toMatchObject({ path: 'title', code: 'unstorable_text' });
      }
      const key = await call(
        'alice',
        'PATCH',
        `/api/assessments/${draft}`,
        '{"revision":1,"answers":{"\\u0000":1}}',
      );
      expect(key.status).toBe(400);
      const org = await call(
        'admin',
        'POST',
        '/api/admin/users',
        JSON.stringify({
          email: 'nul@example.cn',
          name: 'n',
          role: 'respondent',
          organisationId: 'org\u0000',
          password: 'fuzz-password-1',
        }),
      );
      expect(org.status).toBe(400);
      for (const path of [
        '/api/assessments/a%00b',
        '/api/assessments/a%00b/audit',
        '/api/assessments/a%00b/report.pdf',
      ])
        expect((await call('alice', 'GET', path)).status, path).toBeLessThan(500);
      // A conflict's `status: 'submitted'` replaced the HTTP status in the problem body.
      const conflict = await call(
        'alice',
        'PATCH',
        `/api/assessments/${submitted}`,
        JSON.stringify({ revision: 0, answers: {} }),
      );
      expect(conflict.status).toBe(409);
      expect(conflict.json.status).toBe(409);
      // Errors raised before the API's no-store middleware were cacheable.
      const cross = await call('alice', 'PATCH', `/api/assessments/${draft}`, '{}', {
        'content-type': 'application/json',
        'sec-fetch-site': 'cross-site',
      });
      expect(cross.status).toBe(403);
      // A body with neither Content-Length nor Content-Type reached the validator's own
      // 415, answered in English as a generic `http-error`.
      const untyped = await call(
        'alice',
        'PATCH',
        `/api/assessments/${draft}`,
        '{"revision":1}',
        {},
        false,
      );
      expect(untyped.status).toBe(415);
      expect(untyped.json.type).toBe('urn:zhiping:problem:unsupported-media-type');
      // `__proto__` and `constructor` found inherited members of an object literal: a 500.
      for (const name of ['__proto__', 'constructor', 'toString'])
        expect((await call('anon', 'GET', `/api/docs/${name}`)).status, name).toBe(404);
      // Reading a JSON body early (a first version of the U+0000 check) left it consumed
      // for the upload route's own body limit: a 500 for any other method on that path.
      const put = await call('alice', 'PUT', `/api/assessments/${draft}/files`, '{"a":1}', {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      });
      expect(put.status).toBe(404);
      // The same inherited-member lookup in services/file-types.ts: an upload named
      // `constructor` or `x.__proto__` was a 500; it now reads own keys only.
      for (const name of ['constructor', 'x.__proto__'])
        expect(
          (
            await call(
              'alice',
              'POST',
              `/api/assessments/${draft}/files?name=${name}`,
              new Uint8Array([37, 80, 68, 70, 45]),
              { 'content-type': 'application/octet-stream' },
            )
          ).status,
          name,
        ).toBeLessThan(500);
    });

    it('renders reports of an assessment full of hostile text', async () => {
      // Everything from the hostile list that can be stored, in the title and an answer.
      const title = HOSTILE.filter((s) => !LONE.test(s) && !s.includes('\u0000'))
        .join(' ')
        .slice(0, 200);
      const created = await call(
        'alice',
        'POST',
        '/api/assessments',
        JSON.stringify({
          definition: 'gbt29490-2023',
          title,
          answers: { [world.evidence[0] as string]: { ref: title, note: title } },
        }),
      );
      expect(created.status).toBe(201);
      for (const ext of ['pdf', 'xlsx']) {
        const r = await call('alice', 'GET', `/api/assessments/${created.json.id}/report.${ext}`);
        expect(r.status, ext).toBe(200);
        // The header is ASCII whatever the title: the name travels percent-encoded.
        expect(r.headers.get('content-disposition')).toMatch(
          /^attachment; filename="report\.\w+"; filename\*=UTF-8''[\x21-\x7e]+$/,
        );
      }
    }, 60_000);
  });
});

/** Assessments in every state, and what the generators need to know about the definition. */
async function seed(
  h: Harness,
  c: { alice: Client; bob: Client; rita: Client; admin: Client },
): Promise<World> {
  const ok = async (r: Promise<{ status: number; body: Json }>, what: string) => {
    const x = await r;
    if (x.status >= 300) throw new Error(`seed: ${what}: ${x.status} ${JSON.stringify(x.body)}`);
    return x.body;
  };
  const create = async (who: Client) =>
    (await ok(who.req('POST', '/api/assessments', { definition: 'gbt29490-2023' }), 'create'))
      .id as string;
  const submitted = async () => {
    const id = await create(c.alice);
    await ok(
      c.alice.req('PATCH', `/api/assessments/${id}`, { revision: 1, answers: READY }),
      'save',
    );
    await ok(c.alice.req('POST', `/api/assessments/${id}/submit`, { revision: 2 }), 'submit');
    return id;
  };
  const inReview = async () => {
    const id = await submitted();
    await ok(
      c.admin.req('POST', `/api/assessments/${id}/reviewers`, { reviewerId: h.users.rita.id }),
      'assign',
    );
    return id;
  };
  const draft = await create(c.alice);
  const returned = await inReview();
  await ok(
    c.rita.req('POST', `/api/assessments/${returned}/decision`, {
      outcome: 'return',
      comment: '请补充证据',
    }),
    'return',
  );
  const decided = await inReview();
  await ok(
    c.rita.req('POST', `/api/assessments/${decided}/decision`, {
      outcome: 'approve',
      agreeRest: true,
    }),
    'approve',
  );
  const assessments = {
    draft,
    submitted: await submitted(),
    inReview: await inReview(),
    inReview2: await inReview(),
    returned,
    decided,
    foreign: await create(c.bob),
  };
  const detail = await ok(c.alice.get('/api/forms/gbt29490-2023'), 'definition');
  const definition = detail.definition as Definition;
  const items = compile(definition).items.map((ci) => ci.item);
  const forms = (await ok(c.alice.get('/api/forms'), 'forms')) as {
    id: string;
    ref: string;
    items: number;
  }[];
  const smallest = [...forms].sort((a, b) => a.items - b.items)[0];
  const small = await ok(c.alice.get(`/api/forms/${smallest?.ref}`), 'small definition');
  const seals: string[] = [];
  for (const id of Object.values(assessments)) {
    const d = await h.deps.db.kysely
      .selectFrom('assessments')
      .select('submission_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    if (d?.submission_hash) seals.push(d.submission_hash);
  }
  return {
    assessments,
    mine: { draft: await create(c.alice), inReview: await inReview() },
    definition,

    refs: forms.flatMap((f) => [f.id, f.ref]),
    items,
    evidence: items.filter((i) => i.kind === 'evidence').map((i) => i.id),
    seals,
    users: Object.values(h.users).map((u) => u.id),
    orgs: ['org-a', 'org-b', 'city', 'reviews', 'platform'],
    emails: Object.values(h.users).map((u) => u.email),
    smallDefinition: small.definition,
  };
}

describe('session cookie', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite', { SECURE_COOKIES: '1' });
  });
  afterAll(() => h?.close());

  it('is Secure behind HTTPS, HttpOnly, SameSite=Lax, host-only, expires with the session, and stays out of the body', async () => {
    const r = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@example.cn', password: PASSWORD }),
    });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    const attrs = cookie
      .split(/;\s*/)
      .slice(1)
      .map((a) => a.toLowerCase());
    expect(attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    // No Domain: the cookie goes back to this host only, not to sibling subdomains.
    expect(attrs.some((a) => a.startsWith('domain='))).toBe(false);
    // Max-Age (relative), so a browser's wrong clock cannot cut the session short: 12 h.
    expect(attrs).toContain(`max-age=${12 * 3600}`);
    expect(attrs.some((a) => a.startsWith('expires='))).toBe(false);
    const token = /^zp_session=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(40);
    // Scripts cannot read an HttpOnly cookie; the body must not hand the token over either.
    expect(await r.text()).not.toContain(token);

    const out = await h.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: `zp_session=${token}` },
    });
    expect(out.status).toBe(204);
    const cleared = out.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^zp_session=;/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(cleared).toMatch(/Path=\//);
  });
});
