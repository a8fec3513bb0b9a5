import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { Id, StoredFile } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { ACCEPTED_EXTENSIONS } from '../services/file-types.ts';
import { beginUpload, deleteFile, readStoredFile, storeFile } from '../services/files.ts';
import { IdParams } from './assessments.ts';

/** The one route whose body is not JSON; app.ts exempts it from the JSON-only rules. */
export const UPLOAD_PATH = /^\/api\/assessments\/[^/]+\/files$/;

export function fileRoutes(deps: Deps) {
  const app = router();
  const fileLimit = bodyLimit({
    maxSize: deps.config.FILE_LIMIT,
    onError: () => {
      throw problems.tooLarge(deps.config.FILE_LIMIT);
    },
  });
  // Only the upload: any other method here had its body read under the JSON rules already.
  app.use('/assessments/:id/files', (c, next) =>
    c.req.method === 'POST' ? fileLimit(c, next) : next(),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/files',
      tags: ['评估'],
      summary: `上传证据文件（原始字节；接受 ${ACCEPTED_EXTENSIONS.join('、')}；内容须与扩展名一致）`,
      request: {
        params: IdParams,
        query: z.object({
          name: z.string().min(1).max(255).openapi({ example: '知识产权手册.pdf' }),
        }),
        body: {
          content: {
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
      responses: {
        201: jsonContent(StoredFile, '已保存；在证据答案的 files 中引用它的 id'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        413: errors[413],
        415: errors[415],
        422: errors[422],
        507: errors[507],
      },
    }),
    async (c) => {
      // Who, where and whether there is room, before a byte of the body is read.
      const length = c.req.header('content-length');
      const ticket = await beginUpload(
        deps,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('query').name,
        length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
      );
      // Then the body streams to disk, never held in memory whole.
      return c.json(await storeFile(deps, ticket, c.req.raw.body), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/files/{fileId}',
      tags: ['评估'],
      summary: '下载证据文件（与评估相同的访问权限）',
      request: {
        params: IdParams.extend({ fileId: Id.openapi({ param: { name: 'fileId', in: 'path' } }) }),
      },
      responses: {
        200: {
          content: {
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
          description: '文件',
        },
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      const { meta, body } = await readStoredFile(deps, actorOf(c), id, fileId);
      // Even if a browser were to render it, it gets no script and no origin.
      c.set('csp', "sandbox; default-src 'none'");
      // Streamed from the store a piece at a time, never held whole.
      return c.body(body, 200, {
        'Content-Type': meta.type,
        'Content-Length': String(meta.size),
        'Content-Disposition': `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/assessments/{id}/files/{fileId}',
      tags: ['评估'],
      summary:
        '从草稿删除证据文件（记入审计日志；若此前提交的轮次可能引用它，文件保留但不再属于草稿）',
      request: {
        params: IdParams.extend({ fileId: Id.openapi({ param: { name: 'fileId', in: 'path' } }) }),
      },
      responses: {
        204: { description: '已删除' },
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      await deleteFile(deps, actorOf(c), id, fileId);
      return c.body(null, 204);
    },
  );

  return app;
}
