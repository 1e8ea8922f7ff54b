import { open } from 'node:fs/promises';

export async function writeReport(path: string, title: string, rows: readonly string[]): Promise<void> {
  const report = await open(path, 'w');
  await report.writeFile(`# ${title}

Generated ${new Date().toISOString()}.

${rows.map((row) => `- ${row}`).join('\n')}
`);
  await report.close();
}
