import type { Catalog } from '../descriptors/catalog';

/** `leakguard list`: the rules (as configured in ESLint) and the codemods with the rules each one fixes. */
export function listText(catalog: Catalog): string {
  const ruleRows = catalog.rules.map((rule) => [rule.name, rule.description]);
  const codemodRows = catalog.codemods.map((codemod) => [
    codemod.name,
    `fixes ${codemod.fixes.map((rule) => `leakguard/${rule.name}`).join(', ')}`,
    codemod.description,
  ]);
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
