/**
 * An exported class's instances are made in other files. With types, the rule reads the rest of the
 * program: a class the program makes only in repeated code (one instance per stream, per request, per
 * compute run) and hands to nobody holds per-call state, however its keys grow; one the program keeps
 * (a module instance, an instance made once at start-up), subclasses or hands to a container stays of
 * unknown lifetime (the keys those files pass are not read), judged on keys it generates or takes
 * from the events it handles. Without types other files are not read: the class's lifetime stays unknown and
 * it is judged, as before, on keys it generates or takes from the events it handles.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/plugin';
import { createTypedProject, type TypedProject } from '../typed-project';

/** A per-stream processor (growthbook's agent StreamProcessor): ids it generates for every part. */
const processor = `
import { randomUUID } from 'node:crypto';

export class StreamProcessor {
  private readonly partIds = new Set<string>();

  handlePart(text: string): string {
    const id = randomUUID();
    this.partIds.add(id);
    return id + text.length;
  }
}
`;

const perStream = `
import { StreamProcessor } from './processor';

export async function processStream(parts: AsyncIterable<string>): Promise<void> {
  const processor = new StreamProcessor();
  for await (const part of parts) processor.handlePart(part);
}
`;

const scenarios: Record<string, Record<string, string>> = {
  // Made per stream in another file, nowhere else: per-call state.
  'per-call': { 'processor.ts': processor, 'stream.ts': perStream },
  // Made per stream through a renamed import and a namespace import: still per call.
  'renamed-imports': {
    'processor.ts': processor,
    'stream.ts': perStream.replace("import { StreamProcessor } from './processor';", "import { StreamProcessor as Processor } from './processor';").replace('new StreamProcessor()', 'new Processor()'),
    'batch.ts': `
import * as processors from './processor';

export function processBatch(parts: string[]): void {
  const processor = new processors.StreamProcessor();
  for (const part of parts) processor.handlePart(part);
}
`,
  },
  // Also kept by a module: that instance lives as long as the process.
  'module-instance': {
    'processor.ts': processor,
    'stream.ts': perStream,
    'shared.ts': `
import { StreamProcessor } from './processor';

export const sharedProcessor = new StreamProcessor();
`,
  },
  // Made once by a start-up function the module runs at load.
  'made-at-start-up': {
    'processor.ts': processor,
    'main.ts': `
import { StreamProcessor } from './processor';

function main(): void {
  const processor = new StreamProcessor();
  setInterval(() => processor.handlePart('tick'), 1000);
}

main();
`,
  },
  // Subclassed elsewhere: the subclass's instances are made where this program cannot follow.
  subclassed: {
    'processor.ts': processor,
    'stream.ts': perStream,
    'logging.ts': `
import { StreamProcessor } from './processor';

export class LoggingProcessor extends StreamProcessor {}
`,
  },
  // Handed to a container that makes it: how long that keeps it is the container's business.
  'handed-to-a-container': {
    'processor.ts': processor,
    'stream.ts': perStream,
    'container.ts': `
import { StreamProcessor } from './processor';

const providers: Array<new () => unknown> = [];
export function register(provider: new () => unknown): void {
  providers.push(provider);
}
register(StreamProcessor);
`,
  },
  // Re-exported by a barrel: code outside the program can make instances too.
  're-exported': {
    'processor.ts': processor,
    'stream.ts': perStream,
    'index.ts': `export { StreamProcessor } from './processor';
`,
  },
  // Only tests make it: a library's users make its instances.
  'only-tests': {
    'processor.ts': processor,
    'processor.test.ts': perStream,
  },
  // Nobody in the program makes it.
  'nobody-makes-it': { 'processor.ts': processor },
};

describe('no-unbounded-cache: instances of an exported class made in other files', () => {
  let project: TypedProject;
  const processorFiles = new Map<string, string>();

  beforeAll(() => {
    project = createTypedProject('instances-elsewhere');
    for (const [scenario, files] of Object.entries(scenarios)) {
      for (const [name, code] of Object.entries(files)) {
        const written = project.writeSource(path.join(scenario, name), code);
        if (name === 'processor.ts') processorFiles.set(scenario, written);
      }
    }
  });

  afterAll(() => project.remove());

  async function findings(scenario: string, typed: boolean): Promise<number> {
    const eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [
        { ...(typed ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended), files: ['**/*.ts'] },
        { files: ['**/*.ts'], rules: { 'leakguard/require-close': 'off', 'leakguard/no-client-per-call': 'off' } },
        ...(typed ? [] : [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }]),
      ],
    });
    const [result] = await eslint.lintFiles([processorFiles.get(scenario)!]);
    expect(result.messages.filter((message) => !message.ruleId)).toEqual([]);
    return result.messages.filter((message) => message.ruleId === 'leakguard/no-unbounded-cache').length;
  }

  it.each(['per-call', 'renamed-imports'])('typed, %s: quiet (per-call state)', async (scenario) => {
    expect(await findings(scenario, true)).toBe(0);
  });

  it.each(['module-instance', 'made-at-start-up', 'subclassed', 'handed-to-a-container', 're-exported', 'only-tests', 'nobody-makes-it'])('typed, %s: reported', async (scenario) => {
    expect(await findings(scenario, true)).toBe(1);
  });

  it('untyped, other files unread: reported, as for any class whose lifetime the file does not show', async () => {
    expect(await findings('per-call', false)).toBe(1);
  });
});
