import type { JSONSchema } from '@typescript-eslint/utils';

/**
 * One declaration per option, for rule options (ESLint schema, defaults, docs headings) and codemod
 * options (CLI flags, `jscodeshift -t` flags, help text, validation): the shape, the default and the
 * words are written once and everything else is derived from them.
 */
export type OptionSpec =
  | { readonly type: 'boolean'; readonly description: string; readonly default: boolean }
  | {
      readonly type: 'positive-integer';
      readonly description: string;
      /** What the number counts, for error messages: `expected a positive whole number (<unit>)`. */
      readonly unit: string;
      /** The value's name in help text: `--ttl <ms>` (default `n`). */
      readonly placeholder?: string;
      readonly default?: number;
    }
  | {
      readonly type: 'enum';
      readonly values: readonly string[];
      readonly description: string;
      /** The value's name in help text (default: the option's name). */
      readonly placeholder?: string;
      readonly default?: string;
    };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<Spec extends OptionSpec> = Spec extends { readonly type: 'boolean' }
  ? boolean
  : Spec extends { readonly type: 'positive-integer' }
    ? number
    : Spec extends { readonly type: 'enum'; readonly values: readonly (infer Value)[] }
      ? Value
      : never;

/** The values of a set of options, every one present (rule options: the defaults fill the gaps). */
export type OptionValues<Specs extends OptionSpecs> = { readonly [Name in keyof Specs]: ValueOf<Specs[Name]> };

/** The values a user may give: any subset. */
export type GivenOptions<Specs extends OptionSpecs> = { readonly [Name in keyof Specs]?: ValueOf<Specs[Name]> };

/** The ESLint schema of a rule's one options object: `{ type: 'object', properties, additionalProperties: false }`. */
export function optionsSchema(specs: OptionSpecs): JSONSchema.JSONSchema4ObjectSchema {
  const properties: Record<string, JSONSchema.JSONSchema4> = {};
  for (const [name, spec] of Object.entries(specs)) {
    switch (spec.type) {
      case 'boolean':
        properties[name] = { type: 'boolean', description: spec.description };
        break;
      case 'positive-integer':
        properties[name] = { type: 'integer', minimum: 1, description: spec.description };
        break;
      case 'enum':
        properties[name] = { type: 'string', enum: [...spec.values], description: spec.description };
        break;
    }
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** The options that have a default, with it. */
export function defaultOptionValues(specs: OptionSpecs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(specs).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]])));
}

/** An option value the user gave that does not fit its spec: the message names the flag and what fits. */
export class OptionValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionValueError';
  }
}

/**
 * Validates one value as given on a command line: `leakguard fix` hands over strings, `jscodeshift`
 * JSON-parses its unknown flags first (`--max=5` arrives as 5, `--max 5abc` as a string, a bare
 * `--ttl` as true). A bad value throws: a bound the user asked for must not be dropped silently.
 */
export function parseOptionValue(flag: string, spec: OptionSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw new OptionValueError(`${flag} ${shown(value)}: expected true or false`);
    case 'positive-integer': {
      // A fraction or an exponent is a typo, not a bound.
      const number = typeof value === 'string' && /^[1-9]\d*$/.test(value) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
        throw new OptionValueError(`${flag} ${shown(value)}: expected a positive whole number (${spec.unit})`);
      }
      return number;
    }
    case 'enum': {
      const known = spec.values.find((candidate) => candidate === value);
      if (known === undefined) throw new OptionValueError(`${flag} ${shown(value)}: use ${spec.values.join(' or ')}`);
      return known;
    }
  }
}

/** As the user typed it, near enough: strings bare, anything else (true, 2.5, [1, 2]) as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `--max <n>`, `--style <style>`, `--dry` as help text shows the flag. */
export function flagUsage(name: string, spec: OptionSpec): string {
  if (spec.type === 'boolean') return `--${name}`;
  return `--${name} <${spec.placeholder ?? (spec.type === 'enum' ? name : 'n')}>`;
}
