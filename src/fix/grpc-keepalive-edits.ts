import type { TSESTree } from '@typescript-eslint/utils';
import { KEEPALIVE_PERMIT_WITHOUT_CALLS, KEEPALIVE_TIME, KEEPALIVE_TIMEOUT } from '../grpc/keepalive-options';
import type { GrpcKeepalivePlan } from '../remedies/grpc-keepalive-plan';
import { quoteOf } from './source-style';
import type { EditResult, TextEdit } from './text-edit';

/** Five minutes: gRPC servers' default minimum interval between a client's pings; more often earns GOAWAY `too_many_pings`. */
export const DEFAULT_KEEPALIVE_TIME_MS = 300_000;
export const DEFAULT_KEEPALIVE_TIMEOUT_MS = 10_000;

export interface GrpcKeepaliveValues {
  readonly timeMs: number;
  readonly timeoutMs: number;
  /** Client side: also ping while no call is open (`grpc.keepalive_permit_without_calls`). */
  readonly permitWithoutCalls: boolean;
}

/** The keepalive properties the options lack, in the file's quotes: nothing that is set is written again. */
function missingProperties(plan: GrpcKeepalivePlan, values: GrpcKeepaliveValues, quote: string): string[] {
  const wanted: [string, number][] = [
    [KEEPALIVE_TIME, values.timeMs],
    [KEEPALIVE_TIMEOUT, values.timeoutMs],
  ];
  if (plan.side === 'client' && values.permitWithoutCalls) wanted.push([KEEPALIVE_PERMIT_WITHOUT_CALLS, 1]);
  return wanted.filter(([key]) => !plan.present.includes(key)).map(([key, value]) => `${quote}${key}${quote}: ${value}`);
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** `{ a }` gets `{ keepalive…, a }`; a literal laid out one property per line gets one line per new property. */
function mergeEdit(options: TSESTree.ObjectExpression, properties: readonly string[], source: string): TextEdit {
  const first = options.properties[0];
  if (!first) return { range: options.range, text: `{ ${properties.join(', ')} }` };
  const multiline = source.slice(options.range[0], first.range[0]).includes('\n');
  if (!multiline) return { range: [first.range[0], first.range[0]], text: `${properties.join(', ')}, ` };
  const indent = source.slice(lineStart(source, first.range[0]), first.range[0]);
  return { range: [first.range[0], first.range[0]], text: properties.map((property) => `${property},\n${indent}`).join('') };
}

/** `new Server()` → `new Server({ … })`, `new Server` → `new Server({ … })`, `new X(address, credentials)` → a third argument. */
function appendEdit(construction: TSESTree.NewExpression, properties: readonly string[], source: string): TextEdit | undefined {
  const object = `{ ${properties.join(', ')} }`;
  const last = construction.arguments.at(-1);
  if (last) return { range: [last.range[1], last.range[1]], text: `, ${object}` };
  const end = construction.range[1];
  if (source[end - 1] !== ')') return { range: [end, end], text: `(${object})` };
  const open = source.lastIndexOf('(', end - 1);
  if (open < construction.callee.range[1] || source.slice(open + 1, end - 1).trim() !== '') return undefined;
  return { range: [end - 1, end - 1], text: object };
}

/**
 * The edit that gives one server, client, channel or wrapper keepalive: the missing keepalive
 * options merged into its options literal, or a new options argument. A time under five minutes is
 * applied as asked, with a warning in the report.
 */
export function editsForGrpcKeepalive(plan: GrpcKeepalivePlan, source: string, ast: TSESTree.Program, values: GrpcKeepaliveValues): EditResult {
  const properties = missingProperties(plan, values, quoteOf(ast, source));
  if (properties.length === 0) return { edits: [] };
  const placement = plan.placement;
  const edit = placement.kind === 'merge' ? mergeEdit(placement.options, properties, source) : appendEdit(placement.construction, properties, source);
  if (!edit) return { refusal: 'the constructor’s argument list could not be located' };
  const warning =
    values.timeMs < DEFAULT_KEEPALIVE_TIME_MS && !plan.present.includes(KEEPALIVE_TIME)
      ? `keepalive time ${values.timeMs} ms is under five minutes: gRPC servers by default allow a client's pings no more often than every 300000 ms and answer more frequent pings with GOAWAY \`too_many_pings\`; make sure the ${plan.side === 'client' ? 'servers it calls allow' : 'clients it serves tolerate'} it (\`grpc.http2.min_ping_interval_without_data_ms\`, \`grpc.keepalive_permit_without_calls\` on the server)`
      : undefined;
  return { edits: [edit], ...(warning ? { note: warning } : {}) };
}
