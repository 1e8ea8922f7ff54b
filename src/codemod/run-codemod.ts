import type ts from 'typescript';
import { createOracle } from '../analysis/create-oracle';
import type { Analysis } from '../analysis/analysis';
import type { Finding } from '../findings/finding';
import { isSuppressed } from '../fix/suppressions';
import { applyEdits, editsOverlap, type TextEdit } from '../fix/text-edit';
import { todoMarkerEdit } from '../fix/todo-marker';
import { resolveRegistry } from '../registry/settings';
import { codemodDefinitions, type CodemodDefinition } from './definitions';
import type { CodemodOptions, CodemodResult, FindingOutcome } from './outcome';
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

export class UnknownCodemodError extends Error {
  constructor(name: string) {
    super(`Unknown codemod '${name}'. Valid codemods: ${[...codemodDefinitions.keys()].join(', ')}`);
    this.name = 'UnknownCodemodError';
  }
}

function render(template: string | undefined, data: Readonly<Record<string, string>>): string {
  return (template ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => data[key] ?? '');
}

interface Pass {
  readonly edits: TextEdit[];
  readonly fixed: FindingOutcome[];
  readonly refused: { finding: Finding; outcome: FindingOutcome }[];
}

function runPass(definition: CodemodDefinition, source: string, options: CodemodOptions, analysis: Analysis): Pass {
  const findings = definition.detect(analysis, options.ruleOptions ?? {});
  const pass: Pass = { edits: [], fixed: [], refused: [] };
  for (const finding of findings.sort((a, b) => a.node.range[0] - b.node.range[0])) {
    const { line, column } = finding.node.loc.start;
    if (isSuppressed(analysis.ast.comments ?? [], definition.ruleId, line)) continue;
    const base = {
      codemod: definition.name,
      ruleId: definition.ruleId,
      line,
      column: column + 1,
      message: render(definition.messages[finding.messageId], finding.data),
    };
    const refuse = (reason: string) => pass.refused.push({ finding, outcome: { ...base, status: 'skipped', reason } });
    if (finding.remedy.kind === 'refusal') {
      refuse(finding.remedy.reason);
      continue;
    }
    const result = definition.edits(finding, source, analysis.ast, options);
    if ('refusal' in result) {
      refuse(result.refusal);
    } else if (!editsOverlap(result.edits, pass.edits)) {
      // An overlapping site (a second handle in the same region) is taken by the next pass.
      pass.edits.push(...result.edits);
      pass.fixed.push({ ...base, status: 'fixed', ...(result.note ? { reason: result.note } : {}) });
    }
  }
  return pass;
}

function analyse(source: string, input: CodemodInput, options: CodemodOptions): Analysis {
  const parsed = parseSource(source, input.filePath, input.program);
  const registry = resolveRegistry(options.settings);
  return {
    ast: parsed.ast,
    scopeManager: parsed.scopeManager,
    sourceText: source,
    oracle: createOracle(parsed.ast, parsed.scopeManager, registry, parsed.services),
    registry,
  };
}

/**
 * Parse, run the paired rule's detector, apply its plans, explain the rest. Passes repeat until
 * nothing more can be fixed, so a second run changes nothing (idempotence); only then are the
 * `leakguard-todo` markers inserted for what stays unfixed.
 */
export function runCodemod(codemodName: string, input: CodemodInput, options: CodemodOptions = {}): CodemodResult {
  const definition = codemodDefinitions.get(codemodName);
  if (!definition) throw new UnknownCodemodError(codemodName);
  let source = input.source;
  const fixed: FindingOutcome[] = [];
  try {
    for (let passNumber = 0; passNumber < MAX_PASSES; passNumber++) {
      const analysis = analyse(source, input, options);
      const pass = runPass(definition, source, options, analysis);
      if (pass.edits.length > 0) {
        const rewritten = applyEdits(source, pass.edits);
        // A rewrite that does not parse is a leakguard bug: keep the file as it was and say so.
        try {
          analyse(rewritten, { ...input, program: undefined }, options);
        } catch (error) {
          const reason = `the rewrite would not parse (${error instanceof Error ? error.message : String(error)}); please report this`;
          return {
            output: source === input.source ? undefined : source,
            outcomes: [...fixed, ...pass.fixed.map((outcome) => ({ ...outcome, status: 'skipped' as const, reason }))],
          };
        }
        source = rewritten;
        fixed.push(...pass.fixed);
      }
      // After a fixing pass, one more pass takes deferred sites and collects what stays unfixed.
      if (pass.edits.length === 0) {
        const markers = pass.refused
          .map(({ finding, outcome }) => todoMarkerEdit(source, analysis.ast.comments ?? [], finding.node, definition.name, outcome.reason ?? ''))
          .filter((edit): edit is TextEdit => edit !== undefined);
        const unique = markers.filter((edit, index) => markers.findIndex((other) => other.range[0] === edit.range[0]) === index);
        if (unique.length > 0) source = applyEdits(source, unique);
        return {
          output: source === input.source ? undefined : source,
          outcomes: [...fixed, ...pass.refused.map(({ outcome }) => outcome)],
        };
      }
    }
    return { output: source === input.source ? undefined : source, outcomes: fixed };
  } catch (error) {
    if (error instanceof SourceParseError) {
      return { output: undefined, outcomes: [], parseError: { line: error.line, column: error.column, message: error.message } };
    }
    throw error;
  }
}
