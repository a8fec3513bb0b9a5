import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness.ts';

describe('API reference', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h?.close());

  it('documents every route with its error responses', async () => {
    const doc = (await h.anon.get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })),
    );
    const keys = ops.map((o) => o.key);
    for (const k of [
      'POST /api/auth/login',
      'GET /api/forms/{ref}',
      'POST /api/forms/{ref}/score',
      'PATCH /api/assessments/{id}',
      'POST /api/assessments/{id}/submit',
      'PUT /api/assessments/{id}/reviews/{itemId}',
      'GET /api/assessments/{id}/report.pdf',
      'GET /api/seals/{hash}',
    ])
      expect(keys).toContain(k);
    const patch = ops.find((o) => o.key === 'PATCH /api/assessments/{id}')?.op.responses;
    expect(Object.keys(patch ?? {})).toEqual(expect.arrayContaining(['200', '409', '422']));
  });

  it('describes a result field by field, and says which fields may be null', async () => {
    type Schema = { properties?: Record<string, unknown>; allOf?: Schema[] };
    const doc = (await h.anon.get('/api/openapi.json')).body;
    const schemas = doc.components.schemas as Record<string, Schema>;
    const result = schemas.ScoreResult?.properties ?? {};
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['total', 'sections', 'items', 'gates', 'verdict', 'trace', 'gaps']),
    );
    const detail = (schemas.AssessmentDetail?.allOf ?? []).find((s) => s.properties)?.properties;
    for (const field of ['decision', 'reviewedResult'])
      expect(JSON.stringify(detail?.[field]), field).toContain('"null"');
  });

  it('serves a browsable reference from our own origin', async () => {
    const page = await h.anon.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/api/docs/swagger-ui-bundle.js');
    const js = await h.app.request('/api/docs/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    expect((await h.app.request('/api/docs/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
