import { Linter } from 'eslint';
import { rules } from '../../rules/index';

/**
 * The program with the rule's editor suggestions applied, as ESLint applies them (the first
 * suggestion of each finding, one at a time, linting again after each): how a person who accepts
 * every quick-fix ends up. Throws when the rule reports nothing or a finding has no suggestion.
 */
export function applyRuleSuggestions(rule: keyof typeof rules, source: string, filename: string): string {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.mjs', '**/*.js'],
      plugins: { leakguard: { rules } as never },
      rules: { [`leakguard/${rule}`]: 'error' as const },
      languageOptions: { sourceType: 'module' as const, ecmaVersion: 'latest' as const },
    },
  ];
  let text = source;
  for (let round = 0; round < 10; round++) {
    const messages = linter.verify(text, config, filename);
    if (messages.length === 0) {
      if (round === 0) throw new Error(`${rule} reports nothing in ${filename}`);
      return text;
    }
    const fix = messages[0]?.suggestions?.[0]?.fix;
    if (!fix) throw new Error(`${rule} offers no suggestion for: ${messages.map((message) => `${message.line}: ${message.message}`).join('\n')}`);
    text = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
  }
  throw new Error(`${rule} still reports ${filename} after 10 suggestions`);
}
