import { createRoute } from '@hono/zod-openapi';
import {
  DeclaredTitle,
  DeclareTitleInput,
  Id,
  OrganisationTitles,
  RevokeTitleInput,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { declareTitle, revokeTitle, titlesOfOrganisation } from '../services/programme-titles.ts';
import { IdParams } from './assessments.ts';

const tags = ['申报'];

/** An organisation's previous titles: from closed calls, and declared by an office (issue 18). */
export function programmeTitleRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/titles',
      tags,
      summary: '机构已获称号：截止申报的获评结果，以及发起机构登记的称号（含撤销记录）',
      request: { params: IdParams },
      responses: {
        200: jsonContent(OrganisationTitles, '称号'),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => c.json(await titlesOfOrganisation(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/titles',
      tags,
      summary: '登记机构已获称号（所辖地区的知识产权局或管理员，须写明依据）',
      request: { params: IdParams, ...body(DeclareTitleInput) },
      responses: {
        201: jsonContent(DeclaredTitle, '已登记'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await declareTitle(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/titles/{title}/revoke',
      tags,
      summary: '撤销一条称号登记（记录原因，不删除）',
      request: {
        params: IdParams.extend({ title: Id.openapi({ param: { name: 'title', in: 'path' } }) }),
        ...body(RevokeTitleInput),
      },
      responses: {
        200: jsonContent(DeclaredTitle, '已撤销'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, title } = c.req.valid('param');
      return c.json(
        await revokeTitle(deps, actorOf(c), id, title, c.req.valid('json').reason),
        200,
      );
    },
  );

  return app;
}
