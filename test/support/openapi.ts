/** Builds the smallest body an OpenAPI (JSON Schema) request schema accepts, so route walkers get past validation. */
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  format?: string;
  minimum?: number;
  minLength?: number;
  pattern?: string;
};

export function exampleOf(schema: Schema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return exampleOf(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, exampleOf(schema.properties?.[k])]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-7000-8000-000000000001';
      if (schema.format === 'email') return 'someone@example.test';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'date') return '2026-01-01';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return null;
  }
}

/** The JSON request-body schema of an operation in an OpenAPI document, if it has one. */
export function requestSchema(operation: unknown): Schema | undefined {
  const op = operation as { requestBody?: { content?: Record<string, { schema?: Schema }> } };
  return op.requestBody?.content?.['application/json']?.schema;
}
