import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { nodeIndexOf } from '../ast/node-index';
import type { ScopeManagerLike } from '../ast/scopes';
import { findVariable } from '../ast/scopes';
import { moduleBindings } from '../oracle/module-bindings';
import { isNodeBuiltin } from '../registry/registry';

/** UI frameworks: a module that imports one renders in a browser (or a browser-like runtime). */
const UI_MODULES = /^(react|react-dom|preact|vue|svelte|solid-js|@angular\/core|next\/.*|@remix-run\/react|react-native)(\/|$)/;

/** Globals only a browser page has. */
const PAGE_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator']);

const verdicts = new WeakMap<TSESTree.Program, boolean>();

/** Globals only node has. */
const NODE_GLOBALS = new Set(['process', 'Buffer', '__dirname', '__filename', 'require', 'module']);

const nodeVerdicts = new WeakMap<TSESTree.Program, boolean>();

/**
 * Does the file show that it runs on node? An import of a node built-in, or a node global (`process`,
 * `Buffer`, `require`, `__dirname` …) that the file does not declare. The global `fetch` pins
 * connections on node (undici); code with no such evidence may be a browser module, where it does not.
 */
export function runsOnNode(ast: TSESTree.Program, scopeManager: ScopeManagerLike): boolean {
  const known = nodeVerdicts.get(ast);
  if (known !== undefined) return known;
  const node =
    [...moduleBindings(ast).values()].some((member) => isNodeBuiltin(member.module)) ||
    nodeIndexOf(ast).identifiers.some((identifier) => {
      if (!NODE_GLOBALS.has(identifier.name)) return false;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed) return false;
      const variable = findVariable(scopeManager, identifier);
      return !variable || variable.defs.length === 0;
    });
  nodeVerdicts.set(ast, node);
  return node;
}

/**
 * Does the file run in a browser page? JSX, an import of a UI framework, or a page global
 * (`window`, `document`, `localStorage` …) that the file does not declare. A browser's fetch reads an
 * unread body into its own buffers and frees the connection: pinned connections are undici's (node's
 * fetch) and node-fetch's behaviour, which is what `consume-response-body` is about.
 */
export function runsInBrowser(ast: TSESTree.Program, scopeManager: ScopeManagerLike): boolean {
  const known = verdicts.get(ast);
  if (known !== undefined) return known;
  const index = nodeIndexOf(ast);
  let browser = [...moduleBindings(ast).values()].some((member) => UI_MODULES.test(member.module));
  if (!browser) {
    browser = index.identifiers.some((identifier) => {
      if (!PAGE_GLOBALS.has(identifier.name)) return false;
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed) return false;
      const variable = findVariable(scopeManager, identifier);
      return !variable || variable.defs.length === 0;
    });
  }
  if (!browser) browser = hasJsx(ast);
  verdicts.set(ast, browser);
  return browser;
}

function hasJsx(ast: TSESTree.Program): boolean {
  const stack: TSESTree.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.JSXElement || node.type === AST_NODE_TYPES.JSXFragment) return true;
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object' && 'type' in item) stack.push(item as TSESTree.Node);
      if (value && typeof value === 'object' && !Array.isArray(value) && 'type' in value) stack.push(value as TSESTree.Node);
    }
  }
  return false;
}
