import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { analysisFromRuleContext } from './analysis/from-rule-context';
import { defaultOptionValues, optionsSchema, type GivenOptions, type OptionSpecs, type OptionValues } from './descriptors/option-spec';
import type { RuleDescriptor } from './descriptors/rule-descriptor';
import type { RemedyPlan } from './findings/finding';

export interface LeakguardRuleDocs {
  description: string;
  /** Which preset turns the rule on. */
  recommended?: boolean;
  /** Only `recommended-type-checked` turns it on. */
  typeCheckedOnly?: boolean;
  /** In no preset yet: the preset it joins in a later 0.x minor (see RuleDescriptor.joinsPreset). */
  joinsPreset?: 'both' | 'type-checked';
  /** The rule works without type information; types only sharpen it. */
  requiresTypeChecking?: false;
}

export const createRule = ESLintUtils.RuleCreator<LeakguardRuleDocs>(
  (name) => `https://github.com/leakguard/eslint-plugin-leakguard/blob/main/docs/rules/${name}.md`,
);

/** The ESLint rule's options tuple: one object, any subset of the descriptor's options. */
export type RuleOptionsOf<Specs extends OptionSpecs> = [GivenOptions<Specs>];

export type EslintRuleOf<MessageId extends string, Specs extends OptionSpecs> = TSESLint.RuleModule<MessageId, RuleOptionsOf<Specs>, LeakguardRuleDocs>;

const created = new WeakMap<object, unknown>();

/**
 * The ESLint rule of a descriptor: the one adapter from engine findings to `context.report`. Made once
 * per descriptor, so `rules/<name>.ts` and the plugin's `rules` hand ESLint the same object.
 */
export function eslintRuleOf<MessageId extends string, Specs extends OptionSpecs, Plan extends RemedyPlan>(
  descriptor: RuleDescriptor<MessageId, Specs, Plan>,
): EslintRuleOf<MessageId, Specs> {
  const known = created.get(descriptor);
  if (known) return known as EslintRuleOf<MessageId, Specs>;
  const defaults = defaultOptionValues(descriptor.options);
  const rule = createRule<RuleOptionsOf<Specs>, MessageId>({
    name: descriptor.name,
    meta: {
      type: 'problem',
      docs: { description: descriptor.description, recommended: descriptor.recommended, ...(descriptor.typeCheckedOnly ? { typeCheckedOnly: true } : {}),
        ...(descriptor.joinsPreset ? { joinsPreset: descriptor.joinsPreset } : {}),
      },
      ...(descriptor.suggest ? { hasSuggestions: true } : {}),
      messages: descriptor.messages,
      schema: [optionsSchema(descriptor.options)],
    },
    defaultOptions: [defaults as GivenOptions<Specs>],
    create(context, [options]) {
      if (descriptor.mayReport && !descriptor.mayReport(context.sourceCode.text)) return {};
      return {
        'Program:exit'() {
          const analysis = analysisFromRuleContext(context);
          const values = { ...defaults, ...options } as OptionValues<Specs>;
          for (const finding of descriptor.detect(analysis, values)) {
            const suggestions = descriptor.suggest?.(finding, analysis) ?? [];
            context.report({
              node: finding.node,
              messageId: finding.messageId,
              data: finding.data,
              ...(descriptor.suggest
                ? {
                    suggest: suggestions.map((suggestion) => ({
                      messageId: suggestion.messageId,
                      ...(suggestion.data ? { data: suggestion.data } : {}),
                      fix: (fixer: TSESLint.RuleFixer) => suggestion.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
                    })),
                  }
                : {}),
            });
          }
        },
      };
    },
  });
  created.set(descriptor, rule);
  return rule;
}
