import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index';
import { version } from './version';

type FlatConfig = TSESLint.FlatConfig.Config;

const recommendedRules = Object.fromEntries(
  Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.recommended)
    .map(([name]) => [`leakguard/${name}`, 'error' as const]),
);

const plugin = {
  meta: { name: 'eslint-plugin-leakguard', version, namespace: 'leakguard' },
  rules,
  configs: {} as {
    /** Works without type information: fast enough for a pre-commit hook. */
    recommended: FlatConfig;
    /** The same rules with the TypeScript checker's precision; needs `parserOptions.projectService`. */
    'recommended-type-checked': FlatConfig;
  },
};

plugin.configs.recommended = {
  name: 'leakguard/recommended',
  plugins: { leakguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules,
};

plugin.configs['recommended-type-checked'] = {
  name: 'leakguard/recommended-type-checked',
  plugins: { leakguard: plugin as unknown as TSESLint.FlatConfig.Plugin },
  languageOptions: { parserOptions: { projectService: true } },
  rules: recommendedRules,
};

export = plugin;
