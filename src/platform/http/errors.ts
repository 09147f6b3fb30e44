/** The one place that turns every failure into `{ "error": { "code", "message", "details" } }`. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { isUniqueViolation } from '../db/errors.ts';
import { AppError } from '../errors.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const FRAMEWORK_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.empty_body', 'The request body is empty but JSON was declared'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large', 'The request body is larger than allowed'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'request.unsupported_media_type',
    'Send the body as application/json',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.bad_length', 'Content-Length does not match the body'],
  FST_ERR_BAD_URL: [400, 'request.bad_url', 'The URL is malformed'],
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (error.validation) {
      const details = (error.validation as AjvIssue[]).map((issue) =>
        describeIssue(issue, error.validationContext),
      );
      const first = details[0];
      const message = first
        ? `${first.path || error.validationContext}: ${first.message}`
        : 'Invalid request';
      return reply.status(400).send(body('validation.failed', message, details));
    }
    if (isUniqueViolation(error)) {
      return reply
        .status(409)
        .send(body('conflict.duplicate', 'This conflicts with a record that already exists'));
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return reply.status(known[0]).send(body(known[1], known[2]));
    const status = error.statusCode ?? 500;
    if (status === 429)
      return reply.status(429).send(body('rate_limited', 'Too many requests; try again later'));
    if (status >= 400 && status < 500)
      return reply.status(status).send(body('request.invalid', error.message));
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

function describeIssue(issue: AjvIssue, part: string | undefined): { path: string; message: string } {
  const base = issue.instancePath || (part ? `/${part}` : '');
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty);
    return { path: `${issue.instancePath}/${name}`, message: `unknown property "${name}"` };
  }
  if (issue.keyword === 'required') {
    const name = String(issue.params.missingProperty);
    return { path: `${issue.instancePath}/${name}`, message: 'is required' };
  }
  return { path: base, message: issue.message ?? 'is invalid' };
}

export const body = (code: string, message: string, details?: unknown) => ({
  error: details === undefined ? { code, message } : { code, message, details },
});
