import { AST_NODE_TYPES } from '../ast/node-types';
import type { TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import type { Node } from '../ast/traverse';
import { createOracle } from '../analysis/create-oracle';
import type { Analysis } from '../analysis/analysis';
import { defaultOptionValues, type GivenOptions, type OptionSpecs, type OptionValues } from '../descriptors/option-spec';
import { appliesPlan, type AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import type { AnyRuleDescriptor } from '../descriptors/rule-descriptor';
import { isRefusal, type Finding } from '../findings/finding';
import { isSuppressed } from '../fix/suppressions';
import { applyEdits, editsOverlap, type AddedFunction, type TextEdit } from '../fix/text-edit';
import { insideTextToken } from '../fix/text-tokens';
import { markerTag, todoMarkerEdit } from '../fix/todo-marker';
import { resolveRegistry } from '../registry/settings';
import type { CodemodRunOptions, CodemodResult, FindingOutcome } from './outcome';
import { parseSource, SourceParseError } from './parse-source';

export interface CodemodInput {
  readonly source: string;
  /** Absolute or relative path: picks the parser (JSX for .tsx/.jsx/.js) and locates the file in `program`. */
  readonly filePath: string;
  /** A TypeScript program that contains the file, for the typed analysis; omitted = untyped. */
  readonly program?: ts.Program;
}

/** Nested sites (two handles in one function) need one pass each; more than this is a bug. */
const MAX_PASSES = 6;

function render(template: string | undefined, data: Readonly<Record<string, string>>): string {
  return (template ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => data[key] ?? '');
}

/** `countUsers`, `Billing.charge`, `app.get()#1`: where a site sits, in terms that survive re-indentation. */
function ownerPath(node: Node, source: string): string {
  const names: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    const parent = current.parent;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.ClassDeclaration) {
      names.push(current.id?.name ?? '<default>');
    } else if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.Property) {
      names.push(source.slice(current.key.range[0], current.key.range[1]));
    } else if (current.type === AST_NODE_TYPES.VariableDeclarator) {
      names.push(source.slice(current.id.range[0], current.id.range[1]));
    } else if (
      (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) &&
      (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression)
    ) {
      const callee = source.slice(parent.callee.range[0], parent.callee.range[1]).replace(/\s+/g, '');
      names.push(`${callee}()#${(parent.arguments as readonly Node[]).indexOf(current)}`);
    }
  }
  return names.reverse().join('>');
}

/**
 * A finding's identity across passes: where it sits (its enclosing functions), its text, and its
 * rank among equal sites there. Fixes move sites and change offsets and lines, not these.
 */
function siteKeys(findings: readonly Finding[], source: string): Map<Finding, string> {
  const seen = new Map<string, number>();
  const keys = new Map<Finding, string>();
  for (const finding of findings) {
    const text = source.slice(finding.node.range[0], finding.node.range[1]).replace(/\s+/g, ' ');
    const site = `${ownerPath(finding.node, source)}>${text}`;
    const rank = seen.get(site) ?? 0;
    seen.set(site, rank + 1);
    keys.set(finding, `${site}#${rank}`);
  }
  return keys;
}

interface SitePlace {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface Pass {
  readonly edits: TextEdit[];
  readonly fixed: string[];
  readonly refused: { finding: Finding; key: string; reason: string }[];
  /** Sites whose edits overlapped another fix of this pass: the next pass takes them (or they are gone). */
  readonly deferred: string[];
  readonly found: Set<string>;
  /** Per-site notes (e.g. "kept try/finally"), attached to the fixed outcome. */
  readonly notes: Map<string, string>;
  /** Per-site functions the rewrite declared, attached to the fixed outcome. */
  readonly added: Map<string, readonly AddedFunction[]>;
}

/**
 * The file's comments, or none when its text cannot hold a comment containing `needle`: reading
 * `ast.comments` costs a parse in a codemod (see parse-source), a text search does not.
 */
function commentsMentioning(analysis: Analysis, needle: string): readonly TSESTree.Comment[] {
  return analysis.sourceText.includes(needle) ? (analysis.ast.comments ?? []) : [];
}

/** A finding with the rule that reported it: its messages and suppressions are that rule's. */
interface RuleFinding {
  readonly rule: AnyRuleDescriptor;
  readonly finding: Finding;
}

/** What every rule the codemod fixes reports on this text, as ESLint would report it, in source order. */
function detect(codemod: AnyCodemodDescriptor, analysis: Analysis, options: CodemodRunOptions): RuleFinding[] {
  const comments = commentsMentioning(analysis, 'eslint-');
  return codemod.fixes
    .filter((rule) => !rule.mayReport || rule.mayReport(analysis.sourceText))
    .flatMap((rule) =>
      rule
        .detect(analysis, { ...defaultOptionValues(rule.options), ...options.ruleOptions?.[rule.name] } as OptionValues<OptionSpecs>)
        .filter((finding) => !isSuppressed(comments, rule.name, finding.node.loc.start.line))
        .map((finding) => ({ rule, finding })),
    )
    .sort((a, b) => a.finding.node.range[0] - b.finding.node.range[0]);
}

function runPass(codemod: AnyCodemodDescriptor, source: string, options: CodemodRunOptions, analysis: Analysis, places: Map<string, SitePlace>): Pass {
  const found = detect(codemod, analysis, options);
  const keys = siteKeys(found.map(({ finding }) => finding), source);
  const pass: Pass = { edits: [], fixed: [], refused: [], deferred: [], found: new Set(keys.values()), notes: new Map(), added: new Map() };
  for (const { rule, finding } of found) {
    const key = keys.get(finding)!;
    // The first pass sees the file as the user has it: its positions and messages are the ones to show.
    if (!places.has(key)) {
      places.set(key, {
        ruleId: finding.ruleId,
        line: finding.node.loc.start.line,
        column: finding.node.loc.start.column + 1,
        message: render(rule.messages[finding.messageId], finding.data),
      });
    }
    const remedy = finding.remedy;
    if (isRefusal(remedy)) {
      pass.refused.push({ finding, key, reason: remedy.reason });
      continue;
    }
    const result =
      appliesPlan(codemod, remedy.kind) ? codemod.edits(remedy, { source, ast: analysis.ast }, (options.codemodOptions ?? {}) as GivenOptions<OptionSpecs>) : { refusal: 'no plan for this finding' };
    if ('refusal' in result) {
      pass.refused.push({ finding, key, reason: result.refusal });
    } else if (result.edits.some((edit) => edit.range.some((offset) => insideTextToken(analysis.ast, offset)))) {
      // A planner that measured lines in bundled code would write into a string: a leakguard bug, refused.
      pass.refused.push({ finding, key, reason: 'the rewrite would change the text of a string or template on the same line; please report this' });
    } else if (editsOverlap(result.edits, pass.edits)) {
      pass.deferred.push(key);
    } else {
      pass.edits.push(...result.edits);
      pass.fixed.push(key);
      if (result.note) pass.notes.set(key, result.note);
      if (result.added) pass.added.set(key, result.added);
    }
  }
  return pass;
}

/**
 * The last few analyses, by text, file, program and settings: `--codemod all` runs three codemods
 * over the same text, and a pass's parse check of its output is the next pass's input. Parsing is
 * most of a codemod's time, so each distinct text is parsed once. Small and bounded on purpose.
 */
const recentAnalyses: { key: readonly unknown[]; analysis: Analysis }[] = [];
const RECENT_ANALYSES = 4;

function analyse(source: string, input: CodemodInput, options: CodemodRunOptions): Analysis {
  const key = [source, input.filePath, input.program, options.settings] as const;
  const hit = recentAnalyses.find((entry) => entry.key.every((part, index) => part === key[index]));
  if (hit) return hit.analysis;
  const parsed = parseSource(source, input.filePath, input.program);
  const registry = resolveRegistry(options.settings);
  const analysis: Analysis = {
    ast: parsed.ast,
    scopeManager: parsed.scopeManager,
    sourceText: source,
    oracle: createOracle(parsed.ast, parsed.scopeManager, registry, parsed.services),
    registry,
  };
  recentAnalyses.unshift({ key, analysis });
  recentAnalyses.length = Math.min(recentAnalyses.length, RECENT_ANALYSES);
  return analysis;
}

/**
 * Parse, run the detectors of the rules the codemod fixes, apply its plans, explain the rest. Passes
 * repeat until nothing more can be fixed, so a second run changes nothing (idempotence); only then
 * are the `leakguard-todo` markers inserted for what stays unfixed.
 */
export function runCodemod(codemod: AnyCodemodDescriptor, input: CodemodInput, options: CodemodRunOptions = {}): CodemodResult {
  let source = input.source;
  const places = new Map<string, SitePlace>();
  const fixed = new Set<string>();
  let deferred: string[] = [];
  const notes = new Map<string, string>();
  const added = new Map<string, readonly AddedFunction[]>();
  const outcome = (key: string, status: FindingOutcome['status'], reason?: string): FindingOutcome => {
    const place = places.get(key)!;
    return {
      codemod: codemod.name,
      ruleId: place.ruleId,
      line: place.line,
      column: place.column,
      message: place.message,
      status,
      ...(reason ? { reason } : {}),
      ...(status === 'fixed' && added.has(key) ? { added: added.get(key) } : {}),
    };
  };
  // The findings the user sees on the file as it is. A site an earlier fix brings to light (the inline
  // input of a `readline` interface once the interface is closed in a `finally`) and that a later pass
  // fixes is part of that earlier fix, not a finding of its own; one it cannot fix is reported.
  let reported: ReadonlySet<string> | undefined;
  const fixedOutcomes = () => [...fixed].filter((key) => reported?.has(key) ?? true).map((key) => outcome(key, 'fixed', notes.get(key)));
  try {
    for (let passNumber = 0; passNumber < MAX_PASSES; passNumber++) {
      const analysis = analyse(source, input, options);
      const pass = runPass(codemod, source, options, analysis, places);
      reported ??= pass.found;
      // A site deferred last pass and gone now was fixed along with its neighbour (one `try` covers both).
      for (const key of deferred) if (!pass.found.has(key)) fixed.add(key);
      deferred = pass.deferred;
      if (pass.edits.length > 0) {
        const rewritten = applyEdits(source, pass.edits);
        // A rewrite that does not parse is a leakguard bug: keep the file as it was and say so.
        try {
          analyse(rewritten, { ...input, program: undefined }, options);
        } catch (error) {
          const reason = `the rewrite would not parse (${error instanceof Error ? error.message : String(error)}); please report this`;
          return {
            output: source === input.source ? undefined : source,
            outcomes: [...fixedOutcomes(), ...pass.fixed.map((key) => outcome(key, 'skipped', reason))],
          };
        }
        source = rewritten;
        for (const key of pass.fixed) fixed.add(key);
        for (const [key, note] of pass.notes) notes.set(key, note);
        for (const [key, functions] of pass.added) added.set(key, functions);
        continue;
      }
      // Nothing more to fix: mark what stays unfixed, once, and report in the user's coordinates.
      const markers = pass.refused
        .map(({ finding, reason }) => todoMarkerEdit(source, commentsMentioning(analysis, markerTag(codemod.name)), finding.node, codemod.name, reason))
        .filter((edit): edit is TextEdit => edit !== undefined);
      const unique = markers.filter((edit, index) => markers.findIndex((other) => other.range[0] === edit.range[0]) === index);
      if (unique.length > 0) source = applyEdits(source, unique);
      return {
        output: source === input.source ? undefined : source,
        outcomes: [...fixedOutcomes(), ...pass.refused.map(({ key, reason }) => outcome(key, 'skipped', reason))].sort(
          (a, b) => a.line - b.line || a.column - b.column,
        ),
      };
    }
    return { output: source === input.source ? undefined : source, outcomes: fixedOutcomes() };
  } catch (error) {
    if (error instanceof SourceParseError) {
      return { output: undefined, outcomes: [], parseError: { line: error.line, column: error.column, message: error.message } };
    }
    throw error;
  }
}
