/** The identity module's HTTP shapes. */
import { DateTime, Language, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const RoleKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });

export const MeSchema = Obj({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  language: Language,
  permissions: Type.Array(Type.String()),
  csrfToken: Nullable(Type.String()),
  workspace: Obj({
    id: Uuid,
    slug: Type.String(),
    name: Type.String(),
    timeZone: Type.String(),
    defaultLanguage: Language,
    defaultCountry: Type.String(),
  }),
});

export const UserSchema = Obj({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  language: Language,
  active: Type.Boolean(),
  createdAt: DateTime,
  lastLoginAt: Nullable(DateTime),
});

export const RoleSchema = Obj({
  key: Type.String(),
  name: Type.String(),
  builtIn: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});

export const TokenSchema = Obj({
  id: Uuid,
  name: Type.String(),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
});

export const AuditEntry = Obj({
  id: Type.String(),
  type: Type.String(),
  actorId: Nullable(Uuid),
  actorEmail: Nullable(Type.String()),
  at: DateTime,
  payload: Type.Record(Type.String(), Type.Unknown()),
});
