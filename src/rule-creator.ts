import { ESLintUtils } from '@typescript-eslint/utils';

export interface LeakguardRuleDocs {
  description: string;
  /** Which preset turns the rule on. */
  recommended?: boolean;
  /** The rule works without type information; types only sharpen it. */
  requiresTypeChecking?: false;
}

export const createRule = ESLintUtils.RuleCreator<LeakguardRuleDocs>(
  (name) => `https://github.com/leakguard/eslint-plugin-leakguard/blob/main/docs/rules/${name}.md`,
);
