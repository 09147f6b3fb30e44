import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Principal } from '../../platform/auth/principal.ts';
import { SESSION_COOKIE } from '../../platform/http/guard.ts';
import { Language, Obj, Type } from '../../platform/http/schema.ts';
import type { AuthService } from './auth-service.ts';
import type { IdentityAuthenticator } from './authenticator.ts';
import type { MeService } from './me-service.ts';
import { Email, MeSchema, Password } from './schemas.ts';
import type { UserService } from './users-service.ts';

const WorkspaceSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,40}$' });
const tags = ['auth'];
const strangers = (max: number) => ({ max, timeWindow: '1 minute' });

export function authRoutes(deps: {
  auth: AuthService;
  users: UserService;
  me: MeService;
  authenticator: IdentityAuthenticator;
  secureCookies: boolean;
  sessionTtlHours: number;
}): FastifyPluginAsyncTypebox {
  const { auth, users } = deps;

  const me = (principal: Principal) => deps.me.get(principal);

  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: strangers(20) },
        schema: {
          tags,
          summary: 'Log in with e-mail and password; sets the session cookie',
          body: Obj({ email: Email, password: Password, workspace: Type.Optional(WorkspaceSlug) }),
          response: { 200: MeSchema },
          security: [],
        },
      },
      async (request, reply) => {
        const session = await auth.login(request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.secureCookies,
          path: '/',
          maxAge: deps.sessionTtlHours * 3600,
        });
        const principal = await deps.authenticator.fromSessionToken(session.token);
        return me(principal!);
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'End the current session', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        const p = request.principal!;
        if (p.sessionId) await auth.logout(p.workspaceId, p.sessionId, p.userId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: { access: 'public', rateLimit: strangers(5) },
        schema: {
          tags,
          summary: 'E-mail a password-reset link (answers the same whether or not the address is known)',
          body: Obj({ email: Email, workspace: Type.Optional(WorkspaceSlug) }),
          response: { 202: Obj({ status: Type.Literal('sent_if_known') }) },
          security: [],
        },
      },
      async (request, reply) => {
        await auth.requestReset(request.body.email, request.body.workspace);
        return reply.status(202).send({ status: 'sent_if_known' as const });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: { access: 'public', rateLimit: strangers(10) },
        schema: {
          tags,
          summary: 'Choose a new password with a reset token',
          body: Obj({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }),
          response: { 204: Type.Null() },
          security: [],
        },
      },
      async (request, reply) => {
        await auth.confirmReset(request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'The logged-in user', response: { 200: MeSchema } },
      },
      async (request) => me(request.principal!),
    );

    app.patch(
      '/me',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Change one’s own name or language',
          body: Obj({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            language: Type.Optional(Language),
          }),
          response: { 200: MeSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        await users.update(p.workspaceId, p.userId, request.body, p.userId);
        return me(p);
      },
    );

    app.post(
      '/me/password',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Change one’s own password; other sessions end',
          body: Obj({ currentPassword: Password, newPassword: Password }),
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        await auth.changePassword(
          p.workspaceId,
          p.userId,
          request.body.currentPassword,
          request.body.newPassword,
          p.sessionId,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
