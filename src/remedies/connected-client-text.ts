import type { Node } from '../ast/traverse';
import { AST_NODE_TYPES } from '../ast/node-types';
import { SourceLayout } from '../fix/source-layout';
import type { ConnectShape } from './connect-once';

/** The report's words for a connect leakguard cannot make run once. */
export function connectRefusal(code: string, why: string): string {
  return `it connects the client on every call (\`${code}\`), and a shared client rejects a second connect (${why}): connect it once where it is created (a promise of the connected client) or pass a connected client in`;
}

/**
 * What the getter's promise runs, written at the site's indentation (the getter re-indents it):
 *
 *     (async () => {
 *       const client = new pg.Client(config);
 *       client.on('error', onError);
 *       await client.connect();
 *       return client;
 *     })()
 *
 * The set-up calls keep their order before the connect (node-redis wants its `error` listener first).
 */
export function connectedClientText(
  source: string,
  acquisition: Node,
  madeText: string,
  connect: Extract<ConnectShape, { kind: 'once' }>,
  semicolons: boolean,
): string {
  const layout = new SourceLayout(source);
  const indent = layout.indentationAt(acquisition.range[0]);
  const inner = indent + layout.indentUnit;
  const semi = semicolons ? ';' : '';
  // Continuation lines of moved code go one level deeper, as their first line does.
  const deeper = (text: string) => text.replace(/(\r\n|[\n\r\u2028\u2029])/g, `$1${layout.indentUnit}`);
  const statementText = (statement: Node) => deeper(source.slice(statement.range[0], statement.range[1]));
  const expression = connect.connect.expression;
  const connectText = expression.type === AST_NODE_TYPES.AwaitExpression ? statementText(connect.connect) : `await ${deeper(source.slice(...expression.range))}${semi}`;
  return [
    '(async () => {',
    `${inner}const ${connect.name} = ${deeper(madeText)}${semi}`,
    ...connect.setUp.map((statement) => `${inner}${statementText(statement)}`),
    `${inner}${connectText}`,
    `${inner}return ${connect.name}${semi}`,
    `${indent}})()`,
  ].join(layout.eol);
}
