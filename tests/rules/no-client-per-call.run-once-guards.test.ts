import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A client made behind a flag the file sets (`if (!listening) { …; listening = true }`) is made once per
 * flag, not per call; one made on every call and lent to a package object that only reads through it
 * (an ethers `Contract`) is still this caller's to close.
 */
const valid = [
  {
    name: 'a websocket provider made only while a module flag is unset, and the flag set after',
    code: `
import { WebSocketProvider, Contract } from 'ethers';
let listening = false;
export async function listen(req: unknown, res: { json(body: unknown): void }) {
  if (!listening) {
    const provider = new WebSocketProvider('wss://node.example/ws');
    const contract = new Contract('0x0', ['event Minted(address)'], provider);
    void contract.on('Minted', (minter: string) => console.log(minter));
    listening = true;
  }
  res.json({ ok: true });
}`,
  },
];

const invalid = [
  {
    name: 'a websocket provider behind a module flag set only after an await: callers meanwhile each make one',
    code: `
import { WebSocketProvider } from 'ethers';
let listening = false;
export async function listen() {
  if (!listening) {
    const provider = new WebSocketProvider('wss://node.example/ws');
    await provider.getBlockNumber();
    listening = true;
  }
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 6 }],
  },
  {
    name: 'a websocket provider per request, lent to a Contract that only reads through it',
    code: `
import { WebSocketProvider, Contract } from 'ethers';
export async function balance(req: { query: { address: string } }, res: { json(body: unknown): void }) {
  const provider = new WebSocketProvider('wss://node.example/ws');
  const token = new Contract('0x0', ['function balanceOf(address) view returns (uint256)'], provider);
  res.json({ balance: String(await token.balanceOf(req.query.address)) });
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a pg pool per call, lent to drizzle, never ended',
    code: `
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
export async function countUsers(url: string) {
  const pool = new pg.Pool({ connectionString: url });
  const db = drizzle(pool);
  return db.execute('select count(*) from users');
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 5 }],
  },
  {
    name: 'a Kafka admin client per call, disconnected only on success',
    code: `
import { Kafka } from 'kafkajs';
const kafka = new Kafka({ brokers: ['localhost:9092'] });
export async function offsets(groupId: string) {
  const admin = kafka.admin();
  await admin.connect();
  const result = await admin.fetchOffsets({ groupId });
  await admin.disconnect();
  return result;
}`,
    errors: [{ messageId: 'closedOnlyOnSuccess' as const, line: 5 }],
  },
];

typedRuleTester().run('no-client-per-call (run-once guards and borrowing wrappers, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (run-once guards and borrowing wrappers, untyped)', rule, { valid, invalid });
