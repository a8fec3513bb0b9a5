import { createRoute, z } from '@hono/zod-openapi';
import type { ScoreResult } from '@zhiping/forms';
import { loadCatalogue } from '@zhiping/forms/node';
import { actorOf, type Deps } from '../http/context.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { SealCheck } from '../http/schemas.ts';
import { type ReportInput, renderPdf, renderWorkbook, type SourceInfo } from '../reports/index.ts';
import { assessmentFor } from '../services/access.ts';
import { detailOf } from '../services/present.ts';
import { IdParams } from './assessments.ts';

const tags = ['报告'];

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name browsers show. */
const attachment = (name: string, ext: string) =>
  `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;

let sources: Map<string, SourceInfo> | undefined;
const catalogue = () => {
  sources ??= new Map(
    [...loadCatalogue().catalogue].map(([id, s]) => [
      id,
      {
        title: s.title,
        docNumber: 'docNumber' in s ? (s.docNumber as string | undefined) : undefined,
      },
    ]),
  );
  return sources;
};

export function reportRoutes(deps: Deps) {
  const app = router();
  const db = deps.db.kysely;

  /** Gathers a report's input through the same access rule as reading the assessment. */
  async function inputFor(actor: ReturnType<typeof actorOf>, id: string): Promise<ReportInput> {
    const row = await assessmentFor(db, actor, id);
    const d = await detailOf(db, deps.definitions, actor, row);
    const { definition } = await deps.definitions.get(d.definition.ref);
    const org = await db
      .selectFrom('organisations')
      .select(['name', 'region'])
      .where('id', '=', row.org_id)
      .executeTakeFirstOrThrow();
    const self = d.result as unknown as ScoreResult;
    const reviewed = d.reviewedResult as unknown as ScoreResult | null;
    return {
      assessment: {
        id: d.id,
        title: d.title,
        status: d.status,
        organisation: { name: org.name, region: org.region ?? undefined },
        asOf: d.asOf,
        submittedAt: d.submittedAt,
        submissionHash: d.submissionHash,
      },
      definition,
      answers: d.answers,
      result: reviewed ?? self,
      ...(reviewed ? { selfResult: self } : {}),
      reviews: d.reviews.map((r) => ({
        item: r.item,
        verdict: r.verdict,
        status: r.status ?? undefined,
        points: r.points ?? undefined,
        reason: r.reason ?? undefined,
        comment: r.comment ?? undefined,
        reviewer: r.reviewer.name,
        at: r.updatedAt,
      })),
      decision: d.decision
        ? {
            outcome: d.decision.outcome,
            comment: d.decision.comment,
            reviewer: d.decision.reviewer.name,
            at: d.decision.at,
          }
        : null,
      generatedAt: deps.now().toISOString(),
    };
  }

  const fileResponse = (type: string, description: string) => ({
    200: { content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } }, description },
    401: errors[401],
    404: errors[404],
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/report.pdf',
      tags,
      summary: 'PDF 报告（每页印有提交内容的 SHA-256 封印）',
      request: { params: IdParams },
      responses: fileResponse('application/pdf', 'PDF'),
    }),
    async (c) => {
      const input = await inputFor(actorOf(c), c.req.valid('param').id);
      const pdf = await renderPdf(input, { sources: catalogue() });
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachment(input.assessment.title, 'pdf'),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/report.xlsx',
      tags,
      summary: 'Excel 工作簿（汇总表，每个部分一张明细表）',
      request: { params: IdParams },
      responses: fileResponse(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Excel',
      ),
    }),
    async (c) => {
      const input = await inputFor(actorOf(c), c.req.valid('param').id);
      const xlsx = await renderWorkbook(input, { sources: catalogue() });
      return c.body(new Uint8Array(xlsx), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(input.assessment.title, 'xlsx'),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/seals/{hash}',
      tags,
      summary: '核验封印：报告上的 SHA-256 是否对应一份已提交的评估（无需登录）',
      request: {
        params: z.object({
          hash: z
            .string()
            .regex(
              /^(sha256:)?[0-9a-fA-F]{64}$/,
              '应为 64 位十六进制的 SHA-256（可带 sha256: 前缀）',
            )
            .openapi({ param: { name: 'hash', in: 'path' } }),
        }),
      },
      responses: { 200: jsonContent(SealCheck, '核验结果'), 400: errors[400] },
    }),
    async (c) => {
      const raw = c.req.valid('param').hash.toLowerCase();
      const hash = raw.startsWith('sha256:') ? raw : `sha256:${raw}`;
      const current = await db
        .selectFrom('assessments as a')
        .innerJoin('organisations as o', 'o.id', 'a.org_id')
        .select(['a.title', 'o.name', 'a.submitted_at'])
        .where('a.submission_hash', '=', hash)
        .executeTakeFirst();
      if (current?.submitted_at)
        return c.json(
          {
            hash,
            matches: true,
            superseded: false,
            assessment: {
              title: current.title,
              organisation: current.name,
              submittedAt: current.submitted_at,
            },
          },
          200,
        );
      // A seal of a submission that was later returned and reopened lives on in the audit log.
      const past = await db
        .selectFrom('audit_log as l')
        .innerJoin('assessments as a', 'a.id', 'l.assessment_id')
        .innerJoin('organisations as o', 'o.id', 'a.org_id')
        .select(['a.title', 'o.name', 'l.at'])
        .where('l.action', '=', 'submitted')
        .where('l.detail', 'like', `%"seal":"${hash}"%`)
        .executeTakeFirst();
      return c.json(
        {
          hash,
          matches: past !== undefined,
          superseded: past !== undefined,
          assessment: past
            ? { title: past.title, organisation: past.name, submittedAt: past.at }
            : null,
        },
        200,
      );
    },
  );

  return app;
}
