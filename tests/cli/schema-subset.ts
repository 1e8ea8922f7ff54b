/**
 * A JSON Schema validator for the keywords docs/report-schema.json uses (type, const, enum, required,
 * properties, additionalProperties: false, items, minimum, pattern, $ref to #/$defs) — enough to hold the
 * report to its documented schema without a validator dependency. Unknown keywords are refused, so
 * the schema cannot silently outgrow the validator.
 */
type Schema = Readonly<Record<string, unknown>>;

const understood = new Set([
  '$schema', '$id', '$defs', 'title', 'description', 'format',
  'type', 'const', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'minimum', 'pattern', '$ref',
]);

export function validate(value: unknown, schema: Schema, root: Schema = schema, at = '$'): string[] {
  const unknownKeywords = Object.keys(schema).filter((keyword) => !understood.has(keyword));
  if (unknownKeywords.length > 0) throw new Error(`schema-subset does not understand ${unknownKeywords.join(', ')} (at ${at})`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return validate(value, target, root, at);
  }
  const errors: string[] = [];
  if ('const' in schema && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type))) return [...errors, `${at}: expected ${types.join(' or ')}`];
  }
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
  if (isObject(value)) {
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in value)) errors.push(`${at}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, child] of Object.entries(value)) {
      const propertySchema = properties[key];
      if (propertySchema) errors.push(...validate(child, propertySchema, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected key ${key}`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => errors.push(...validate(item, schema.items as Schema, root, `${at}[${index}]`)));
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}
