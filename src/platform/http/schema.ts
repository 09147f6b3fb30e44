/** TypeBox helpers that every route uses: closed objects, ids, pages and the one error shape. */
import { type Static, type TProperties, type TSchema, Type } from 'typebox';

export { type Static, Type };

/** An object that rejects unknown properties. */
export const Obj = <P extends TProperties>(
  properties: P,
  options: { description?: string; $id?: string } = {},
) => Type.Object(properties, { additionalProperties: false, ...options });

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Obj({ id: Uuid });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const DateTime = Type.String({ format: 'date-time' });
export const Language = Type.Union([Type.Literal('es'), Type.Literal('en')]);

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Obj({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const ErrorBody = Obj(
  {
    error: Obj({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'Every error answers with this shape' },
);

export const NoContent = Type.Null({ description: 'No content' });
