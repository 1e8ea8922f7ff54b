import type { ESLint, Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import { rules } from '../rules/index';
import { version } from './version';

const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.recommended)
    .map(([name]) => [`leakguard/${name}`, 'error' as const]),
);

/** The recommended rules and those whose precision needs type information. */
const typeCheckedRules: Linter.RulesRecord = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.recommended || rule.meta.docs?.typeCheckedOnly)
    .map(([name]) => [`leakguard/${name}`, 'error' as const]),
);

type ConfigName = 'recommended' | 'recommended-type-checked';

/**
 * Typed with ESLint's own `ESLint.Plugin`/`Linter.Config`, so `defineConfig([leakguard.configs.recommended])`
 * type-checks in an `eslint.config.ts`; the rules are typescript-eslint rule modules underneath.
 */
const plugin = {
  meta: { name: 'eslint-plugin-leakguard', version, namespace: 'leakguard' },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Record<ConfigName, Linter.Config>,
} satisfies ESLint.Plugin;

/** Works without type information: fast enough for a pre-commit hook. */
plugin.configs.recommended = {
  name: 'leakguard/recommended',
  plugins: { leakguard: plugin },
  rules: recommendedRules,
};

/** The same rules with the TypeScript checker's precision (factories, base classes, Disposable types). */
plugin.configs['recommended-type-checked'] = {
  name: 'leakguard/recommended-type-checked',
  plugins: { leakguard: plugin },
  languageOptions: {
    parser: typescriptParser as unknown as Linter.Parser,
    parserOptions: { projectService: true },
  },
  rules: typeCheckedRules,
};

export = plugin;
