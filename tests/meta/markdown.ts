/** A fenced code block of a Markdown doc, with the headings it sits under. */
export interface FencedBlock {
  readonly language: string;
  readonly code: string;
  /** The nearest `##` heading above it, without the hashes. */
  readonly section: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) section = (heading[1] ?? '').trim();
    const fence = /^(```+)\s*([\w-]*)/.exec(line);
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !(lines[index] ?? '').startsWith(fence[1] ?? '```'); index++) body.push(lines[index] ?? '');
    blocks.push({ language: fence[2] ?? '', code: `${body.join('\n')}\n`, section, line: start + 1 });
  }
  return blocks;
}

/** Headings of any level, without hashes and backticks: `### \`--max\`` → `--max`. */
export function headings(markdown: string): string[] {
  return markdown
    .split(/\r?\n/)
    .map((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1])
    .filter((heading): heading is string => heading !== undefined)
    .map((heading) => heading.replace(/`/g, '').trim());
}
