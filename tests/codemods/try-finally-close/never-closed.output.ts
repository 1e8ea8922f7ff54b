import { open } from 'node:fs/promises';

export async function appendAuditEntry(logPath: string, entry: Record<string, unknown>): Promise<void> {
  const log = await open(logPath, 'a');
  try {
    await log.appendFile(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    await log.sync();
  } finally {
    await log.close();
  }
}
