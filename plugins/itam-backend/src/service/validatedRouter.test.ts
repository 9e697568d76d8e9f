import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { byValidatorPrecedence, createPathValidatedRouter, toExpressPath } from './validatedRouter';

const query = (name: string, schema: object) => ({ name, in: 'query', required: false, schema });
const ok = { 200: { description: 'ok' } };

const spec = {
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  servers: [{ url: '/' }],
  paths: {
    '/things': {
      get: { operationId: 'listThings', parameters: [query('colour', { type: 'string', enum: ['red', 'blue'] })], responses: ok },
      post: {
        operationId: 'createThing',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
            },
          },
        },
        responses: ok,
      },
    },
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^t-\\d+$' } }],
        responses: ok,
      },
    },
    '/things/export.csv': {
      get: { operationId: 'exportThings', parameters: [query('colour', { type: 'string' })], responses: ok },
    },
  },
};

function app() {
  const router = createPathValidatedRouter(spec, { middleware: [express.json()] });
  router.get('/things', (req, res) => res.json({ route: 'list', query: req.query }));
  router.post('/things', (req, res) => res.status(201).json({ route: 'create', body: req.body }));
  router.get('/things/export.csv', (req, res) => res.json({ route: 'export', query: req.query }));
  router.get('/things/:id', (req, res) => res.json({ route: 'get', id: req.params.id }));
  router.get('/undocumented', (_req, res) => res.json({ route: 'undocumented' }));
  // Backstage's own error handler, as the plugin's routes get it.
  const errors = MiddlewareFactory.create({ config: mockServices.rootConfig(), logger: mockServices.logger.mock() });
  return express().use(router).use(errors.error());
}

describe('createPathValidatedRouter', () => {
  it('passes requests that match the document to their routes', async () => {
    await request(app()).get('/things?colour=red').expect(200, { route: 'list', query: { colour: 'red' } });
    await request(app()).post('/things').send({ name: 'a' }).expect(201, { route: 'create', body: { name: 'a' } });
    await request(app()).get('/things/t-1').expect(200, { route: 'get', id: 't-1' });
  });

  it('refuses what the document forbids with a 400 naming the field', async () => {
    const badEnum = await request(app()).get('/things?colour=green').expect(400);
    expect(badEnum.body.error).toMatchObject({ name: 'InputError', message: expect.stringContaining('colour') });
    const unknown = await request(app()).get('/things?size=3').expect(400);
    expect(unknown.body.error.message).toContain('size');
    const param = await request(app()).get('/things/x').expect(400);
    expect(param.body.error.message).toContain('id');
  });

  it("leaves a JSON body's fields to the route, refusing only a body that is not an object", async () => {
    // The routes check bodies with zod, which names every wrong field in one answer.
    await request(app()).post('/things').send({}).expect(201, { route: 'create', body: {} });
    const list = await request(app()).post('/things').send([{ name: 'a' }]).expect(400);
    expect(list.body.error.message).toContain('body');
    // The document served still describes the body in full.
    const served = await request(app()).get('/openapi.json').expect(200);
    expect(served.body.paths['/things'].post.requestBody.content['application/json'].schema.required).toEqual(['name']);
  });

  it('validates a literal path against its own operation, not a parameterised one it also matches', async () => {
    // /things/{id} would refuse both the id and the query parameter.
    await request(app()).get('/things/export.csv?colour=green').expect(200, { route: 'export', query: { colour: 'green' } });
  });

  it('leaves undocumented routes alone and serves the whole document', async () => {
    await request(app()).get('/undocumented?anything=1').expect(200, { route: 'undocumented' });
    const doc = await request(app()).get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths).sort()).toEqual(['/things', '/things/export.csv', '/things/{id}']);
  });
});

describe('byValidatorPrecedence', () => {
  it("orders paths as express-openapi-validator tries them: a path before its prefixes, literals before parameters", () => {
    expect(['/things', '/things/{id}', '/other', '/things/export.csv', '/things/{id}/parts'].sort(byValidatorPrecedence)).toEqual([
      '/other',
      '/things/export.csv',
      '/things/{id}/parts',
      '/things/{id}',
      '/things',
    ]);
  });
});

describe('toExpressPath', () => {
  it('writes parameters the express way', () => {
    expect(toExpressPath('/tickets/{site}/{issueKey}/assets')).toBe('/tickets/:site/:issueKey/assets');
  });
});

describe('createPathValidatedRouter with validateResponses', () => {
  const described = {
    ...spec,
    paths: {
      '/shapes/{id}': {
        get: {
          operationId: 'getShape',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'A shape',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['sides'], properties: { sides: { type: 'integer' } }, additionalProperties: false },
                },
              },
            },
          },
        },
      },
    },
  };

  function shapes(validateResponses: boolean) {
    const router = createPathValidatedRouter(described, { middleware: [express.json()], validateResponses });
    router.get('/shapes/:id', (req, res) => res.json(req.params.id === 'square' ? { sides: 4 } : { sides: 'many', colour: 'red' }));
    const errors = MiddlewareFactory.create({ config: mockServices.rootConfig(), logger: mockServices.logger.mock() });
    return express().use(router).use(errors.error());
  }

  it('answers 500 naming the mismatch when a response is not what the document describes', async () => {
    await request(shapes(true)).get('/shapes/square').expect(200, { sides: 4 });
    const res = await request(shapes(true)).get('/shapes/blob').expect(500);
    expect(res.body.error.message).toMatch(/response must NOT have additional properties/);
    expect(res.body.error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/response/colour' })]));
  });

  it('sends responses unchecked when it is off (the default in production)', async () => {
    await request(shapes(false)).get('/shapes/blob').expect(200, { sides: 'many', colour: 'red' });
  });
});
