/**
 * HTTP: the web import. Upload the CSV as the raw body (text/csv), read back its headers and a suggested
 * mapping, start it with the chosen mapping, then poll the job or follow `customer:import-<id>` on the
 * realtime hub.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../platform/errors.ts';
import { IdParams, Obj, Type } from '../../platform/http/schema.ts';
import type { ImportService } from './import-service.ts';
import { ImportSchema } from './schemas.ts';

const tags = ['customer import'];

export function importRoutes(imports: ImportService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The file is streamed to disk as it arrives, never held in memory: the parser hands over the raw stream.
    app.addContentTypeParser(['text/csv', 'application/octet-stream'], (_request, payload, done) =>
      done(null, payload),
    );

    app.post(
      '/customer-imports',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary:
            'Upload a CSV file (UTF-8, body as text/csv) to import; answers with its headers and a suggested mapping',
          querystring: Obj({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 201: ImportSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        if (!(request.body instanceof Readable)) {
          throw new AppError(
            'request.unsupported_media_type',
            415,
            'Send the file as the body, with content-type text/csv',
          );
        }
        const job = await imports.upload(
          p.workspaceId,
          request.body,
          request.query.fileName ?? 'import.csv',
          p.userId,
        );
        return reply.status(201).send(job);
      },
    );

    app.get(
      '/customer-imports',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'The latest imports',
          response: { 200: Obj({ items: Type.Array(ImportSchema) }) },
        },
      },
      async (request) => ({ items: await imports.list(request.principal!.workspaceId) }),
    );

    app.get(
      '/customer-imports/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'An import’s progress and rejected rows',
          params: IdParams,
          response: { 200: ImportSchema },
        },
      },
      async (request) => imports.view(request.principal!.workspaceId, request.params.id),
    );

    app.post(
      '/customer-imports/:id/start',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Start an uploaded import with a column mapping (header → target)',
          params: IdParams,
          body: Obj({
            mapping: Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 60 })),
          }),
          response: { 202: ImportSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply
          .status(202)
          .send(await imports.start(p.workspaceId, request.params.id, request.body.mapping, p.userId));
      },
    );
  };
}
