import { describe, expect, it } from 'vitest';
import {
  ContractValidator,
  documentedOperations,
  documentedRoutes,
  servedApiRoutes,
  type DocumentedOperation,
} from '../support/openapi-contract.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import { feedbackHarness, VALID } from '../feedback/helpers.js';

// The contract tests (test/<service>/openapi-contract.test.ts) pass only if they can fail: these
// check that the harness refuses an answer that drifted from the document, and a route the
// document does not list.

async function withDocument() {
  const h = await feedbackHarness();
  await h.send({ ...VALID, contact: 'anna@example.se', consent: 'yes' });
  const doc = await (await h.app.request('/api/feedback/openapi.json')).json();
  const op = (id: string): DocumentedOperation => documentedOperations(doc).find((o) => o.operationId === id)!;
  const moderator = await h.kit.bearer({ roles: ['moderator'] });
  return { h, doc, op, validator: new ContractValidator(doc), moderator };
}

describe('the OpenAPI contract harness', () => {
  it('accepts a real answer and refuses the same answer altered in any of three ways', async () => {
    const { h, op, validator, moderator } = await withDocument();
    const list = op('listSubmissions');
    const body = (await (await h.app.request('/api/feedback/submissions', { headers: { authorization: moderator } })).json()) as {
      items: Record<string, unknown>[];
    };
    expect(body.items).toHaveLength(1);
    const pointer = ContractValidator.schemaPointer(list, 200);
    expect(validator.validate(pointer, [body])).toEqual([]);
    const item = body.items[0]!;
    const extraField = { ...body, items: [{ ...item, contact: 'anna@example.se' }] };
    const wrongType = { ...body, items: [{ ...item, hasContact: 'yes' }] };
    const { text: _text, ...missing } = item;
    for (const altered of [extraField, wrongType, { ...body, items: [missing] }])
      expect(validator.validate(pointer, [altered]).length).toBeGreaterThan(0);
  });

  it('refuses a status, a content type or a body the document does not name', async () => {
    const { op, validator } = await withDocument();
    const summary = op('getSummary');
    const answer = (status: number, type: string, body: string) => new Response(body, { status, headers: { 'content-type': type } });
    expect(await validator.check(summary, answer(418, 'application/json', '{}'))).toEqual(['status 418 is not documented']);
    expect((await validator.check(summary, answer(200, 'text/html', '<p>')))[0]).toMatch(/content type "text\/html"/);
    expect((await validator.check(summary, answer(200, 'application/json', '{"area":1}'))).length).toBeGreaterThan(0);
    expect(
      await validator.check(summary, answer(400, 'application/problem+json', '{"type":"about:blank","title":"t","status":400}')),
    ).toEqual([]);
  });

  it('finds a served API route the document lacks, and ignores pages and middleware', async () => {
    const { h, doc } = await withDocument();
    expect(servedApiRoutes(h.app)).toEqual(documentedRoutes(doc));
    const app = createFeedbackApp(h.kit.deps);
    app.get('/api/feedback/undocumented', (c) => c.json({}));
    app.get('/tyck-till/another-page', (c) => c.html('<p>'));
    app.use('/api/feedback/*', async (_c, next) => next());
    const missing = servedApiRoutes(app).filter((r) => !documentedRoutes(doc).includes(r));
    expect(missing).toEqual(['get /api/feedback/undocumented']);
  });
});
