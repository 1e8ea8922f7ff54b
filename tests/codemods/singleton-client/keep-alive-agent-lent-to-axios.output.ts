import axios from 'axios';
import https from 'node:https';

let agent: InstanceType<typeof https.Agent> | undefined;

function getAgent(): InstanceType<typeof https.Agent> {
  return (agent ??= new https.Agent({ keepAlive: true }));
}

/** Closes the shared client on graceful shutdown; the next `getAgent()` creates a new one. */
export function closeAgent(): void {
  agent?.destroy();
  agent = undefined;
}

export async function fetchQuote(url: string, agent = getAgent()): Promise<unknown> {
  const response = await axios.get(url, { httpsAgent: agent, timeout: 5_000 });
  return response.data;
}
