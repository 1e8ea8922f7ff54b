import { codemodsFixing, type Catalog } from './catalog';
import type { AnyCodemodDescriptor } from './codemod-descriptor';
import { flagUsage } from './option-spec';
import type { AnyRuleDescriptor } from './rule-descriptor';

/**
 * The generated top of every rule and codemod doc (title, description, badges), as
 * eslint-doc-generator writes rule headers: `npm run docs:headers` rewrites them from the descriptors
 * and a meta-test fails when a doc's header differs, so a doc never drifts from what ships.
 */
export const HEADER_BEGIN = '<!-- begin auto-generated header: npm run docs:headers -->';
export const HEADER_END = '<!-- end auto-generated header -->';

const PLANNED_PRESET = {
  both: ' It joins `recommended` and `recommended-type-checked` in a later 0.x minor: its findings without types are as precise as with them.',
  'type-checked': ' It joins `recommended-type-checked` only, in a later 0.x minor: without types it reports less precisely.',
} as const;

function presetBadge(rule: AnyRuleDescriptor): string {
  if (rule.recommended) return '💼 In `recommended` and `recommended-type-checked`.';
  if (rule.typeCheckedOnly) return '💼 In `recommended-type-checked` only.';
  return `💼 In no preset yet: turn it on in your config.${rule.joinsPreset ? PLANNED_PRESET[rule.joinsPreset] : ''}`;
}

function ruleBadges(rule: AnyRuleDescriptor, catalog: Catalog): string {
  const badges = [presetBadge(rule)];
  badges.push(
    rule.typeCheckedOnly
      ? '💭 Works without type information, with less precision: the typed preset turns it on.'
      : '💭 Works without type information; with it (`recommended-type-checked`) it sees more and reports less in error.',
  );
  if (rule.suggest) badges.push('💡 Offers suggestions (editor quick-fixes).');
  const codemods = codemodsFixing(catalog, rule);
  badges.push(
    codemods.length > 0
      ? `🔧 Paired codemod: ${codemods.map((codemod) => `[\`${codemod.name}\`](../codemods/${codemod.name}.md)`).join(', ')}.`
      : '🔧 No codemod: the fix needs a person’s judgement.',
  );
  return badges.join(' ');
}

/** Title, description and badges of `docs/rules/<rule>.md`. */
export function ruleDocHeader(rule: AnyRuleDescriptor, catalog: Catalog): string {
  return [`# leakguard/${rule.name}`, '', HEADER_BEGIN, rule.description, '', ruleBadges(rule, catalog), HEADER_END].join('\n');
}

/** Title and badges of `docs/codemods/<codemod>.md`: the rules it fixes, its flags, what the output imports. */
export function codemodDocHeader(codemod: AnyCodemodDescriptor): string {
  const badges = [`🔧 Fixes ${codemod.fixes.map((rule) => `[\`leakguard/${rule.name}\`](../rules/${rule.name}.md)`).join(', ')}.`];
  const options = Object.entries(codemod.options);
  badges.push(options.length > 0 ? `⚙️ Options: ${options.map(([name, spec]) => `\`${flagUsage(name, spec)}\``).join(', ')}.` : '⚙️ No options.');
  if (codemod.requiredPackages?.length) badges.push(`📦 The rewritten code imports ${codemod.requiredPackages.map((name) => `\`${name}\``).join(', ')}: your project must depend on it.`);
  return [`# ${codemod.name}`, '', HEADER_BEGIN, codemod.description, '', badges.join(' '), HEADER_END].join('\n');
}

/**
 * `markdown` with its header replaced by `header`: everything up to the end marker, or, in a doc
 * written before the markers, the title line and the paragraphs up to the first `##` heading that
 * are badges or the description (a line starting with an emoji badge or equal to the description).
 */
export function withHeader(markdown: string, header: string): string {
  const end = markdown.indexOf(HEADER_END);
  if (end !== -1) return header + markdown.slice(end + HEADER_END.length);
  const lines = markdown.split('\n');
  const title = lines.findIndex((line) => line.startsWith('# '));
  if (title === -1) return `${header}\n\n${markdown}`;
  return [header, ...lines.slice(title + 1)].join('\n');
}

/** The header part of a doc, for the check: up to and including the end marker; undefined without one. */
export function currentHeader(markdown: string): string | undefined {
  const end = markdown.indexOf(HEADER_END);
  return end === -1 ? undefined : markdown.slice(0, end + HEADER_END.length);
}
