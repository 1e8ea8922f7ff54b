// codemod-typed-only: untyped, an agent made from a helper's options is not known to keep sockets open, so the rule is quiet
import http from 'node:http';
import https from 'node:https';

type CallSettings = { timeoutSeconds?: number; strictTls?: boolean; bypassHosts?: string[] };

function agentOptionsFor(settings?: CallSettings): https.AgentOptions {
  return { keepAlive: true, timeout: (settings?.timeoutSeconds ?? 60) * 1000, rejectUnauthorized: settings?.strictTls ?? true };
}

// The choice between http and https is made per call; each agent it can choose is shared.
export function requestJson(target: URL, settings?: CallSettings): http.ClientRequest {
  const options = agentOptionsFor(settings);
  const secure = target.protocol === 'https:';
  const agent = secure ? new https.Agent(options) : new http.Agent(options);
  return (secure ? https : http).request(target, { agent });
}
