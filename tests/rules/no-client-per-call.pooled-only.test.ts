import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A factory whose value holds connections only when an option asks for them (registry
 * `connectionsOnlyWith`): nodemailer's `createTransport` keeps pooled SMTP connections until `close()`
 * with `pool: true`; without it, each `sendMail` opens a connection and quits it when the message is
 * sent or fails, and `close()` only emits 'close'. A transport per request is then no leak (dittofeed
 * makes one per workspace's SMTP settings). An options value the code does not write out may ask for
 * a pool, so it is still judged. Same verdicts in both modes: nodemailer's types are not installed.
 */
function perRequest(options: string): string {
  return `
import express from 'express';
import nodemailer from 'nodemailer';
declare const config: { smtp: { host: string; pool?: boolean } };
const app = express();
app.post('/invite', async (req, res) => {
  const transport = nodemailer.createTransport(${options});
  await transport.sendMail({ to: String(req.body.email), subject: 'Invitation', text: 'Welcome' });
  res.sendStatus(204);
});`;
}

const valid = [
  { name: 'a transport without pool per request: each sendMail opens and quits its own connection', code: perRequest("{ host: 'smtp.example.com', port: 587, auth: { user: 'u', pass: 'p' } }") },
  { name: 'pool: false', code: perRequest("{ host: 'smtp.example.com', pool: false }") },
  { name: 'a connection URL without pool=true', code: perRequest("'smtps://user:pass@smtp.example.com'") },
];

const invalid = [
  { name: 'a pooled transport per request keeps its pool open', code: perRequest("{ host: 'smtp.example.com', pool: true }") },
  { name: 'options from configuration may ask for a pool', code: perRequest('config.smtp') },
  { name: 'a spread may carry pool', code: perRequest("{ ...config.smtp, port: 465 }") },
  { name: 'a URL asking for a pool', code: perRequest("'smtps://user:pass@smtp.example.com/?pool=true'") },
  // nodemailer 0.x: `createTransport('SMTP', options)` made a pooled transport ("shut down the connection pool").
  { name: 'the old API naming a transport type, pooled by default', code: perRequest("'SMTP' as never") },
].map((test) => ({ ...test, errors: [{ messageId: 'neverClosed' as const }] }));

typedRuleTester().run('no-client-per-call (connections only with an option, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (connections only with an option, untyped)', rule, { valid, invalid });
