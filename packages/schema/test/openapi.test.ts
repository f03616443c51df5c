import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOpenApi, NAMED } from '../src/openapi.js';
import { SCHEMA_EXAMPLES } from '../src/api/examples.js';

type Json = Record<string, any>;
const doc = buildOpenApi() as Json;
const operations = Object.entries(doc.paths as Json).flatMap(([path, methods]) =>
  Object.entries(methods as Json).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, operation: operation as Json })),
);

/** Every property path of a schema without a description. */
function undescribed(node: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((child) => undescribed(child, path, out));
  else if (node && typeof node === 'object') {
    const object = node as Json;
    for (const [name, property] of Object.entries((object.properties ?? {}) as Json)) {
      if (!property.description) out.push(`${path}.${name}`);
      undescribed(property, `${path}.${name}`, out);
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) if (key in object) undescribed(object[key], path, out);
  }
  return out;
}

// A new route or field without words fails here: add them to packages/schema/src/api/descriptions.ts.
describe('the OpenAPI document is complete enough to build a backend from it alone', () => {
  it('every named schema and every property of it is described', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas as Json)) {
      if (!schema.description) missing.push(name);
      undescribed(schema, name, missing);
    }
    assert.deepEqual(missing, []);
  });

  it('every named schema has an example, and the contract accepts it', () => {
    for (const [name, schema] of Object.entries(NAMED)) {
      assert.ok(name in SCHEMA_EXAMPLES, `${name} has no example`);
      const parsed = schema.safeParse(SCHEMA_EXAMPLES[name]);
      assert.ok(parsed.success, `${name}'s example: ${JSON.stringify(parsed.error?.issues)}`);
    }
  });

  it('every operation has a summary, a description, tags, security and described parameters with examples', () => {
    for (const { where, operation } of operations) {
      assert.ok(operation.summary && operation.description, `${where}: summary and description`);
      assert.ok(Array.isArray(operation.security), `${where}: security (\`[]\` when public)`);
      for (const parameter of operation.parameters as Json[]) {
        if (parameter.$ref) continue;
        assert.ok(parameter.description, `${where}: parameter ${parameter.name} has no description`);
        assert.ok(parameter.example !== undefined, `${where}: parameter ${parameter.name} has no example`);
      }
    }
  });

  it('every response is described; errors are problem+json with Content-Language; 429 says Retry-After; 304 pairs with ETag and If-None-Match', () => {
    for (const { where, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        assert.match(response.description, / — /, `${where} ${status}: English — Vietnamese`);
        if (Number(status) >= 400) {
          assert.ok(response.content['application/problem+json'], `${where} ${status}: problem+json`);
          assert.ok(response.headers['Content-Language'], `${where} ${status}: Content-Language`);
        }
        if (status === '429') assert.ok(response.headers['Retry-After'], `${where} 429: Retry-After`);
      }
      if (operation.responses['304']) {
        assert.ok(operation.responses['200'].headers.ETag, `${where}: 200 carries the ETag`);
        assert.ok(
          (operation.parameters as Json[]).some((p) => p.$ref === '#/components/parameters/IfNoneMatch'),
          `${where}: If-None-Match`,
        );
      }
    }
  });

  it('public operations say so; staff operations need a session; the survey takes an optional kiosk key', () => {
    for (const { where, operation } of operations) {
      if (where.includes('/v1/staff/') && where !== 'POST /v1/staff/sessions') assert.deepEqual(operation.security, [{ staffToken: [] }], where);
      else if (where === 'POST /v1/surveys') assert.deepEqual(operation.security, [{}, { kioskKey: [] }]);
      else assert.deepEqual(operation.security, [], where);
    }
    assert.equal(doc.components.securitySchemes.kioskKey.name, 'X-Sipas-Kiosk-Key');
  });

  it('every export names its media types; the created feedback case is in Location', () => {
    const report = doc.paths['/v1/staff/units/{unit}/report'].get.responses['200'].content;
    assert.deepEqual(Object.keys(report), [
      'text/csv; charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/html; charset=utf-8',
    ]);
    assert.ok(doc.paths['/v1/staff/units/{unit}/feedback-export'].get.responses['200'].content['text/csv; charset=utf-8']);
    assert.ok(doc.paths['/v1/staff/units/{unit}/log/export'].get.responses['200'].content['application/x-ndjson']);
    assert.ok(doc.paths['/v1/feedback'].post.responses['201'].headers.Location);
    assert.ok(doc.servers.length > 0);
  });

  it('the behavioural rules are written where they apply', () => {
    const submit = doc.paths['/v1/surveys'].post.description as string;
    for (const rule of ['200', '409', 'id_conflict', 'dossier_already_rated', '429', 'Retry-After', 'X-Sipas-Kiosk-Key']) assert.match(submit, new RegExp(rule));
    assert.match(doc.paths['/v1/units/{unit}/results'].get.description, /minimumForms/);
    const period = (doc.paths['/v1/units/{unit}/results'].get.parameters as Json[]).find((p) => p.name === 'period');
    for (const form of ['2026-Q3', '2026-H1', '2026-9M', '`2026`', '2026-01-01..2026-02-15']) assert.ok(period!.description.includes(form), form);
    assert.match(doc.components.schemas.InclusionProof.properties.leafHash.description, /canonical JSON/);
    assert.match(doc.components.schemas.Results.description, /answers 4–5 ÷ valid answers/);
  });
});
