import type { FillSlotOncePlan } from '../remedies/fill-slot-once-plan';
import { SourceLayout } from './source-layout';
import type { TextEdit } from './text-edit';

/** `slot = create(); setUp(slot);` → `if (!slot) {` those statements, one level deeper `}`. */
export function editsForFillSlotOnce(plan: FillSlotOncePlan, source: string): { edits: TextEdit[] } | { refusal: string } {
  const layout = new SourceLayout(source);
  if (!layout.startOfLineIsEmpty(plan.first.range[0]) || !layout.restOfLineIsEmpty(plan.last.range[1])) return { refusal: 'other code shares a line with the statements that fill the slot' };
  const indent = layout.indentationAt(plan.first.range[0]);
  const start = layout.lineStart(plan.first.range[0]);
  const end = plan.last.range[1];
  const lines = source.slice(start, end).split(/\r\n|\n|\r/);
  const deeper = lines.map((line) => (line.trim() === '' ? '' : `${layout.indentUnit}${line}`)).join(layout.eol);
  return { edits: [{ range: [start, end], text: `${indent}if (!${plan.slot}) {${layout.eol}${deeper}${layout.eol}${indent}}` }] };
}
