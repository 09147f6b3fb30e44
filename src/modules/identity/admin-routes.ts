import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PERMISSIONS } from '../../platform/auth/permissions.ts';
import { pageRequest } from '../../platform/http/pagination.ts';
import { IdParams, Language, Obj, Page, PageQuery, Type, Uuid } from '../../platform/http/schema.ts';
import type { AuditService } from './audit-service.ts';
import type { RoleService } from './roles-service.ts';
import { AuditEntry, Email, Password, RoleKey, RoleSchema, TokenSchema, UserSchema } from './schemas.ts';
import type { TokenService } from './tokens-service.ts';
import type { UserService } from './users-service.ts';

const PermissionList = Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200, uniqueItems: true });

export function adminRoutes(deps: {
  users: UserService;
  roles: RoleService;
  tokens: TokenService;
  audit: AuditService;
}): FastifyPluginAsyncTypebox {
  const { users, roles, tokens, audit } = deps;
  return async (app) => {
    app.get(
      '/users',
      {
        config: { access: 'users.read' },
        schema: {
          tags: ['users'],
          summary: 'List users, optionally matching a search',
          querystring: Obj({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: { 200: Page(UserSchema) },
        },
      },
      async (request) =>
        users.list(request.principal!.workspaceId, pageRequest(request.query), request.query.q),
    );
    app.post(
      '/users',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Create a user',
          body: Obj({
            email: Email,
            name: Type.String({ minLength: 1, maxLength: 120 }),
            role: RoleKey,
            password: Password,
            language: Type.Optional(Language),
          }),
          response: { 201: UserSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply.status(201).send(await users.create(p.workspaceId, request.body, p.userId));
      },
    );
    app.get(
      '/users/:id',
      {
        config: { access: 'users.read' },
        schema: { tags: ['users'], params: IdParams, response: { 200: UserSchema } },
      },
      async (request) => users.get(request.principal!.workspaceId, request.params.id),
    );
    app.patch(
      '/users/:id',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Change a user’s name, role, language or whether they may log in',
          params: IdParams,
          body: Obj({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            role: Type.Optional(RoleKey),
            language: Type.Optional(Language),
            active: Type.Optional(Type.Boolean()),
          }),
          response: { 200: UserSchema },
        },
      },
      async (request) =>
        users.update(
          request.principal!.workspaceId,
          request.params.id,
          request.body,
          request.principal!.userId,
        ),
    );

    app.get(
      '/roles',
      {
        config: { access: 'users.read' },
        schema: { tags: ['roles'], response: { 200: Obj({ items: Type.Array(RoleSchema) }) } },
      },
      async (request) => ({ items: await roles.list(request.principal!.workspaceId) }),
    );
    app.post(
      '/roles',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags: ['roles'],
          summary: 'Create a custom role',
          body: Obj({
            key: RoleKey,
            name: Type.String({ minLength: 1, maxLength: 80 }),
            permissions: PermissionList,
          }),
          response: { 201: RoleSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply.status(201).send(await roles.create(p.workspaceId, request.body, p.userId));
      },
    );
    app.patch(
      '/roles/:key',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags: ['roles'],
          params: Obj({ key: RoleKey }),
          body: Obj({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            permissions: Type.Optional(PermissionList),
          }),
          response: { 200: RoleSchema },
        },
      },
      async (request) =>
        roles.update(
          request.principal!.workspaceId,
          request.params.key,
          request.body,
          request.principal!.userId,
        ),
    );
    app.get(
      '/permissions',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['roles'], response: { 200: Obj({ items: Type.Array(Type.String()) }) } },
      },
      async () => ({ items: [...PERMISSIONS] }),
    );

    app.get(
      '/api-tokens',
      {
        config: { access: 'api_tokens.manage' },
        schema: { tags: ['api tokens'], response: { 200: Obj({ items: Type.Array(TokenSchema) }) } },
      },
      async (request) => ({ items: await tokens.list(request.principal!.workspaceId) }),
    );
    app.post(
      '/api-tokens',
      {
        config: { access: 'api_tokens.manage' },
        schema: {
          tags: ['api tokens'],
          summary: 'Create an API token; the token is shown only in this answer',
          body: Obj({ name: Type.String({ minLength: 1, maxLength: 80 }) }),
          response: { 201: Obj({ id: Uuid, name: Type.String(), token: Type.String() }) },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        return reply.status(201).send(await tokens.create(p.workspaceId, p.userId, request.body.name));
      },
    );
    app.delete(
      '/api-tokens/:id',
      {
        config: { access: 'api_tokens.manage' },
        schema: { tags: ['api tokens'], params: IdParams, response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        await tokens.revoke(request.principal!.workspaceId, request.params.id, request.principal!.userId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/audit',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Security events, newest first',
          querystring: Obj(PageQuery),
          response: { 200: Page(AuditEntry) },
        },
      },
      async (request) => audit.list(request.principal!.workspaceId, pageRequest(request.query)),
    );
  };
}
