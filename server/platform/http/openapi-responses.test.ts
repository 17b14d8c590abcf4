import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from './routes.ts';

let platform: TestPlatform;
let app: AppInstance;
beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

type Content = Record<string, { schema?: Record<string, unknown> }>;
type Operation = { responses?: Record<string, { content?: Content }> };

/**
 * What an operation declares for success: a JSON schema, a file's media type with a binary (or text) schema, or 204.
 * Anything else means the response schema does not whitelist fields there (docs/architecture.md, "Response").
 */
function successDeclared(operation: Operation): boolean {
  return Object.entries(operation.responses ?? {}).some(([status, response]) => {
    if (!/^2\d\d$/.test(status)) return false;
    if (status === '204') return true;
    return Object.entries(response.content ?? {}).some(([mediaType, { schema }]) => {
      if (!schema || Object.keys(schema).length === 0) return false;
      if (/json/.test(mediaType)) return true;
      return schema.type === 'string' && (schema.format === 'binary' || mediaType.startsWith('text/'));
    });
  });
}

describe('the OpenAPI document', () => {
  it('declares a success response for every operation', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.filter(({ operation }) => !successDeclared(operation)).map(({ name }) => name)).toEqual([]);
  });

  it('does not count an operation that declares only an error or an empty schema', () => {
    expect(successDeclared({ responses: { '400': { content: { 'application/json': { schema: { type: 'object' } } } } } })).toBe(false);
    expect(successDeclared({ responses: { '200': { content: { 'application/json': { schema: {} } } } } })).toBe(false);
    expect(successDeclared({ responses: { '200': { content: { 'application/pdf': { schema: { type: 'object' } } } } } })).toBe(false);
    expect(successDeclared({ responses: { '204': {} } })).toBe(true);
    expect(successDeclared({ responses: { '200': { content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } } })).toBe(
      true,
    );
  });
});
