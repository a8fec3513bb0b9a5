import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { Id, StoredFile } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { ACCEPTED_EXTENSIONS } from '../services/file-types.ts';
import { readStoredFile, storeFile } from '../services/files.ts';
import { IdParams } from './assessments.ts';

/** The one route whose body is not JSON; app.ts exempts it from the JSON-only rules. */
export const UPLOAD_PATH = /^\/api\/assessments\/[^/]+\/files$/;

export function fileRoutes(deps: Deps) {
  const app = router();
  app.use(
    '/assessments/:id/files',
    bodyLimit({
      maxSize: deps.config.FILE_LIMIT,
      onError: () => {
        throw problems.tooLarge(deps.config.FILE_LIMIT);
      },
    }),
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
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const stored = await storeFile(
        deps,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('query').name,
        bytes,
      );
      return c.json(stored, 201);
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
      const { meta, bytes } = await readStoredFile(deps, actorOf(c), id, fileId);
      // Even if a browser were to render it, it gets no script and no origin.
      c.set('csp', "sandbox; default-src 'none'");
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': meta.type,
        'Content-Disposition': `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      });
    },
  );

  return app;
}
