import { AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';

/**
 * ESLint's own escape hatch, honoured by the codemods too: a site under
 * `// eslint-disable-next-line leakguard/<rule> -- reason` must stay as it is.
 */
export function isSuppressed(comments: readonly TSESTree.Comment[], ruleId: string, line: number): boolean {
  const qualified = `leakguard/${ruleId}`;
  const names = (text: string): string[] | 'all' => {
    const list = text.split('--')[0].trim();
    return list === '' ? 'all' : list.split(',').map((name) => name.trim());
  };
  const covers = (list: string[] | 'all') => list === 'all' || list.includes(qualified);
  let disabledFrom: number | undefined;
  const ordered = [...comments].sort((a, b) => a.range[0] - b.range[0]);
  for (const comment of ordered) {
    const text = comment.value.trim();
    const match = /^eslint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/.exec(text);
    if (!match) continue;
    const [, directive, rest = ''] = match;
    const list = names(rest);
    if (!covers(list)) continue;
    if (directive === 'disable-next-line' && comment.loc.end.line + 1 === line) return true;
    if (directive === 'disable-line' && comment.loc.start.line === line) return true;
    if (directive === 'disable' && comment.type === AST_TOKEN_TYPES.Block && comment.loc.start.line <= line) disabledFrom = comment.loc.start.line;
    if (directive === 'enable' && disabledFrom !== undefined && comment.loc.start.line <= line) disabledFrom = undefined;
  }
  return disabledFrom !== undefined;
}
