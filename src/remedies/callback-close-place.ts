import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, outermostWrapper, staticPropertyName } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ClientSite } from './plan-singleton-client';
import { topLevelFunction } from './top-level-functions';

/**
 * The refusal for a client closed in a callback, saying where: `closePostgres(query, client, res)`
 * hands it to a function of this file that ends it in a callback (`client.end()` in its `'end'`
 * listener, line 22). When other modules or callers can call that function too, its close serves their
 * clients as well and cannot simply go: the advice (`advice`, what the caller would say) changes to
 * that. Falls back to the plain words.
 */
export function callbackCloseRefusal(analysis: Analysis, site: ClientSite, advice: string): string {
  const plain = `it is closed inside a callback; ${advice}`;
  if (site.binding.kind !== 'variable') return plain;
  const methods = new Set(site.entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  for (const reference of site.binding.variable.references) {
    const value = outermostWrapper(reference.identifier);
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || !call.arguments.includes(value as never)) continue;
    const found = topLevelFunction(analysis, call.callee);
    const parameter = found?.fn.params[call.arguments.indexOf(value as never)];
    if (!found || parameter?.type !== AST_NODE_TYPES.Identifier) continue;
    const close = releaseOf(analysis, parameter, methods);
    if (!close) continue;
    const name = call.callee.name;
    const line = close.loc.start.line;
    const inCallback = enclosingFunction(close) !== found.fn;
    const uses = found.variable.references.filter((candidate) => !candidate.init && candidate.identifier !== found.variable.defs[0].name).length;
    const place = `it is handed to \`${name}\`, which closes it${inCallback ? ' in a callback' : ''} (line ${line})`;
    if (!found.exported && uses <= 1) return `${place}; ${advice}`;
    return `${place}, and \`${name}\` is exported or called elsewhere too: its close serves other callers' clients, so it cannot simply go; share one client (or a pool) by hand and give this caller a way to run its query that does not close it`;
  }
  return plain;
}

/** `client.end()` on the parameter inside its function (callbacks included): the first such call. */
function releaseOf(analysis: Analysis, parameter: Node, methods: ReadonlySet<string>): Node | undefined {
  if (parameter.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(analysis.scopeManager, parameter);
  for (const reference of variable?.references ?? []) {
    const member = outermostWrapper(reference.identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(reference.identifier)) continue;
    const call = outermostWrapper(member).parent;
    const method = staticPropertyName(member);
    if (call?.type === AST_NODE_TYPES.CallExpression && method !== undefined && methods.has(method)) return call;
  }
  return undefined;
}
