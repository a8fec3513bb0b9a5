import { createRoute, z } from '@hono/zod-openapi';
import { SealCheck } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { checkSeal, renderReport } from '../services/reports.ts';
import { IdParams } from './assessments.ts';

const tags = ['报告'];

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name browsers show. */
const attachment = (name: string, ext: string) =>
  `attachment; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;

export function reportRoutes(deps: Deps) {
  const app = router();

  const fileResponse = (type: string, description: string) => ({
    200: { content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } }, description },
    401: errors[401],
    404: errors[404],
    429: errors[429],
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
      const { title, bytes } = await renderReport(deps, actorOf(c), c.req.valid('param').id, 'pdf');
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachment(title, 'pdf'),
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
      const { title, bytes } = await renderReport(
        deps,
        actorOf(c),
        c.req.valid('param').id,
        'xlsx',
      );
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(title, 'xlsx'),
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
    async (c) => c.json(await checkSeal(deps, c.req.valid('param').hash), 200),
  );

  return app;
}
