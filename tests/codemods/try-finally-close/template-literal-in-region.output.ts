import { open } from 'node:fs/promises';

export async function writeReport(path: string, title: string, rows: readonly string[]): Promise<void> {
  const report = await open(path, 'w');
  try {
    await report.writeFile(`# ${title}

Generated ${new Date().toISOString()}.

${rows.map((row) => `- ${row}`).join('\n')}
`);
  } finally {
    await report.close();
  }
}
