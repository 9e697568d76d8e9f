// OpenAPI paths of the hardware model routes, merged into the plugin's document.
import { errorResponses, pathParam, queryParam } from '../service/openapiParts';

const hardwareModel = {
  type: 'object',
  required: ['id', 'name', 'createdBy', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    manufacturer: { type: 'string' },
    modelNumber: { type: 'string' },
    category: { type: 'string' },
    eolMonths: { type: 'integer', description: 'The life of the model in months: its assets reach end of life this long after purchase' },
    notes: { type: 'string' },
    requestable: { type: 'boolean' },
    createdBy: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

/** @public */
export const hardwareModelPaths = {
  '/hardware-models': {
    get: {
      operationId: 'listHardwareModels',
      summary: 'List hardware models',
      description: 'The hardware models imports recorded (Snipe-IT model files), by name, a page at a time.',
      parameters: [
        queryParam('limit', { type: 'integer', minimum: 1, maximum: 500 }, 'Models per page (default 100)'),
        queryParam('cursor', { type: 'string' }, 'The nextCursor of the previous page'),
        queryParam('q', { type: 'string', maxLength: 200 }, 'Text search on name, manufacturer and model number'),
      ],
      responses: {
        '200': {
          description: 'A page of hardware models',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: hardwareModel }, nextCursor: { type: 'string' } },
              },
            },
          },
        },
        ...errorResponses(400, 401, 403),
      },
    },
  },
  '/hardware-models/{id}': {
    get: {
      operationId: 'getHardwareModel',
      summary: 'Get a hardware model',
      description: 'One hardware model by id.',
      parameters: [pathParam('id', 'Hardware model id')],
      responses: {
        '200': { description: 'The hardware model', content: { 'application/json': { schema: hardwareModel } } },
        ...errorResponses(401, 403, 404),
      },
    },
  },
} as const;
