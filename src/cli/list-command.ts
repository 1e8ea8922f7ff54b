import { codemods } from '../../codemods/index';
import { rules } from '../../rules/index';

/** `leakguard list`: the rules (as configured in ESLint) and the codemods with the rule each one fixes. */
export function listText(): string {
  const ruleRows = Object.entries(rules).map(([name, rule]) => [name, rule.meta.docs?.description ?? '']);
  const codemodRows = codemods.map((codemod) => [codemod.name, `fixes leakguard/${codemod.rule}`, codemod.description]);
  return [
    'Rules (ESLint: leakguard/<rule>):',
    ...columns(ruleRows),
    '',
    'Codemods (leakguard fix <paths> --codemod <name>):',
    ...columns(codemodRows),
    '',
  ].join('\n');
}

function columns(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}`);
}
