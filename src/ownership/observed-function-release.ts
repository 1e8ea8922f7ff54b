import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isInside, outermostWrapper, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { isNodeBuiltin } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * A value the function gives to a release function the registry knows (`fs.closeSync(fd)`,
 * `await fs.promises.rm(dir, { recursive: true })`), whatever call made it: the function's own release
 * says the value is a descriptor or a temporary directory it must give back, and whether it does so
 * on every path is then judged as for the registry's own factories (tempy's task helper removed the
 * temporary directory only when the task did not throw). Values Node computes (`path.join(…)`,
 * `os.tmpdir()`) name things without opening them, and are left alone.
 */
export function observedFunctionReleaseEntry(analysis: Analysis, acquisition: Node, owner: FunctionNode): ResourceEntry | undefined {
  const produced = acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition;
  if (produced.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const module = analysis.oracle.calleeModule(produced);
  if (module !== undefined && isNodeBuiltin(module)) return undefined;
  const declarator = outermostWrapper(acquisition).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init !== outermostWrapper(acquisition)) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  const candidates = analysis.registry.entries.filter((entry) => entry.kind === 'handle' && entry.releases.some((release) => 'function' in release));
  if (candidates.length === 0) return undefined;
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (identifier === declarator.id || !isInside(identifier, owner)) continue;
    const value = outermostWrapper(identifier);
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== value) continue;
    const entry = candidates.find((candidate) =>
      candidate.releases.some((release) => 'function' in release && analysis.oracle.callsPackageFunction(call, release.function.package, release.function.name)),
    );
    if (!entry) continue;
    // Start-up code runs once, and the process takes what it holds down with it.
    if (executionOf(acquisition, analysis.oracle).kind === 'once') return undefined;
    return entry;
  }
  return undefined;
}

/** A cheap text check: a file that never calls one of the registry's release functions has nothing to find here. */
export function mayMentionReleaseFunction(sourceText: string, analysis: Pick<Analysis, 'registry'>): boolean {
  return analysis.registry.entries.some((entry) =>
    entry.releases.some((release) => 'function' in release && sourceText.includes(`${release.function.name}(`)),
  );
}
