// codemod-typed-only: untyped, an agent made from a helper's options is not known to keep sockets open, so the rule is quiet
import http from 'node:http';
import https from 'node:https';

type CallSettings = { timeoutSeconds?: number; strictTls?: boolean; bypassHosts?: string[] };

function agentOptionsFor(settings?: CallSettings): https.AgentOptions {
  return { keepAlive: true, timeout: (settings?.timeoutSeconds ?? 60) * 1000, rejectUnauthorized: settings?.strictTls ?? true };
}

const agents = new Map<string, InstanceType<typeof https.Agent> | InstanceType<typeof http.Agent>>();

function getAgent(secure: boolean, settings: CallSettings | undefined): InstanceType<typeof https.Agent> | InstanceType<typeof http.Agent> {
  const key = JSON.stringify([secure, settings?.timeoutSeconds, settings?.strictTls]);
  let agent = agents.get(key);
  if (!agent) {
    agent = secure ? new https.Agent(agentOptionsFor(settings)) : new http.Agent(agentOptionsFor(settings));
    agents.set(key, agent);
  }
  return agent;
}

/** Closes the shared clients on graceful shutdown; the next `getAgent()` creates new ones. */
export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

// The choice between http and https is made per call; each agent it can choose is shared.
export function requestJson(target: URL, settings?: CallSettings): http.ClientRequest {
  const secure = target.protocol === 'https:';
  const agent = getAgent(secure, settings);
  return (secure ? https : http).request(target, { agent });
}
