/** The HTTP server: Fastify with TypeBox validation, one error shape, request ids, OpenAPI and the guard. */

import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { Authenticator } from '../auth/principal.ts';
import { newId } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logging.ts';
import { installErrorHandling } from './errors.ts';
import { installGuard } from './guard.ts';
import { installMetrics } from './metrics.ts';

export type Http = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const REQUEST_ID = /^[\w.-]{1,64}$/;

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

type Validate = ReturnType<Ajv['compile']>;

/**
 * Compiles each distinct schema once per process: routes repeat the same shapes, and every app built in
 * the same process (the tests build one per file) reuses the validators. Ajv's own cache is keyed by the
 * schema object, which route factories build afresh, so the key here is the schema's JSON.
 */
function compiler(ajv: Ajv): (schema: object) => Validate {
  const compiled = new Map<string, Validate>();
  return (schema) => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(key, validate);
    }
    return validate;
  };
}

const strict = compiler(createAjv(false));
const coercing = compiler(createAjv(true));

export async function createHttp(
  config: Config,
  deps: { logger: Logger; authenticator: Authenticator },
): Promise<{ app: Http; registry: import('prom-client').Registry }> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    trustProxy: config.mode === 'production',
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are validated strictly (no type coercion); query strings and params are text, so they coerce.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict(schema) : coercing(schema),
  );

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  installErrorHandling(app);
  const registry = installMetrics(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Atiende API', version: '1', description: 'Contact center and CRM API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'atiende_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installGuard(app, deps.authenticator, config.publicUrl ? new URL(config.publicUrl).origin : null);
  return { app, registry };
}
