import axios from 'axios';
import https from 'node:https';

export async function fetchQuote(url: string): Promise<unknown> {
  const agent = new https.Agent({ keepAlive: true });
  const response = await axios.get(url, { httpsAgent: agent, timeout: 5_000 });
  return response.data;
}
