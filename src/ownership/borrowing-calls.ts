import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { TypeOracle } from '../oracle/type-oracle';

/**
 * Request functions that use a client passed in their options for one request and leave it open:
 * `fetch(url, { dispatcher })` (undici and the global fetch), undici's `request`/`stream`, node's
 * `http.request(url, { agent })`, axios's `axios.get(url, { httpsAgent })`. The client is lent, not handed over: the caller still owns it, so
 * an Agent made per call and passed there is this caller's leak (adcp's safeFetch built one per call).
 */
const AXIOS_REQUESTS = ['default', 'request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];

const BORROWING_CALLS: readonly { readonly package: string; readonly names: readonly string[]; readonly option: string }[] = [
  { package: 'undici', names: ['fetch', 'request', 'stream', 'pipeline', 'connect', 'upgrade'], option: 'dispatcher' },
  { package: 'http', names: ['request', 'get'], option: 'agent' },
  { package: 'https', names: ['request', 'get'], option: 'agent' },
  { package: 'node-fetch', names: ['default'], option: 'agent' },
  // One request's config: `axios.create({ httpsAgent })` is not here, the instance it makes keeps the agent.
  { package: 'axios', names: AXIOS_REQUESTS, option: 'httpAgent' },
  { package: 'axios', names: AXIOS_REQUESTS, option: 'httpsAgent' },
];

function optionKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** `fetch(…)` with no `fetch` of the file's own: the global one (undici's, in Node). */
function isGlobalFetch(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'fetch') return false;
  const variable = findVariable(scopeManager, callee);
  return !variable || variable.defs.length === 0;
}

/** `{ dispatcher }` in `fetch(url, { …init, dispatcher })`: an option the called request function only borrows. */
export function isBorrowedRequestOption(
  property: TSESTree.Property,
  context: { oracle: Pick<TypeOracle, 'callsPackageFunction'>; scopeManager: ScopeManagerLike },
): boolean {
  const key = optionKey(property);
  const object = property.parent;
  const call = object?.parent;
  if (key === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression || call?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (!(call.arguments as readonly TSESTree.Node[]).includes(object)) return false;
  if (key === 'dispatcher' && isGlobalFetch(call, context.scopeManager)) return true;
  return BORROWING_CALLS.some(
    (borrowing) => borrowing.option === key && borrowing.names.some((name) => context.oracle.callsPackageFunction(call, borrowing.package, name)),
  );
}

/**
 * Package objects that read through a client they are given and never close it: an ethers `Contract`
 * or `Wallet` through its provider, drizzle's database through its pool. The caller still owns the
 * client: made per call and only lent there, it is that caller's leak.
 */
const BORROWING_WRAPPERS: readonly { readonly package: string; readonly name: string; readonly argument: number }[] = [
  { package: 'ethers', name: 'Contract', argument: 2 },
  { package: 'ethers', name: 'Wallet', argument: 1 },
  { package: 'drizzle-orm/node-postgres', name: 'drizzle', argument: 0 },
  { package: 'drizzle-orm/mysql2', name: 'drizzle', argument: 0 },
];

/** `new Contract(address, abi, provider)`: `node` is the argument a package wrapper only borrows. */
export function isBorrowedByWrapper(node: TSESTree.Node, call: TSESTree.CallExpression | TSESTree.NewExpression, oracle: Pick<TypeOracle, 'calleeModule'>): boolean {
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  if (name === undefined) return false;
  const module = oracle.calleeModule(call);
  return BORROWING_WRAPPERS.some((wrapper) => wrapper.name === name && wrapper.package === module && call.arguments[wrapper.argument] === node);
}
