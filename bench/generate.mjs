// The benchmark's fixed file set, rebuilt byte for byte from a seed:
//  - bench/.generated/server/: ~200 TypeScript files of generated server code (express and
//    node:http handlers, pg queries, fs reads, caches, timers), 50–300 lines each, with a tsconfig
//    so typed linting has a program. Mostly clean code, with the leak shapes the rules look for
//    sprinkled in at a realistic rate: a benchmark of code that is all leaks would time the
//    reporting, not the analysis.
//  - bench/.generated/nm-sample/: a seeded pick from the sorted list of node_modules JS/TS files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.dirname(benchDir);
export const generatedDir = path.join(benchDir, '.generated');
export const serverDir = path.join(generatedDir, 'server');
export const sampleDir = path.join(generatedDir, 'nm-sample');

/** mulberry32: small, fast, and the same sequence on every machine. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const entities = ['user', 'order', 'invoice', 'payment', 'session', 'product', 'tenant', 'report', 'shipment', 'account', 'device', 'ticket', 'coupon', 'review', 'webhook'];
const fields = ['id', 'name', 'email', 'status', 'createdAt', 'amount', 'region', 'ownerId', 'version', 'note'];

const cap = (word) => word[0].toUpperCase() + word.slice(1);

/** Snippets of one file; each returns lines. `ctx` carries the file's entity and what it imported. */
const snippets = {
  typeDecl: (r, ctx) => {
    const own = [...new Set(Array.from({ length: r.int(3, 7) }, () => r.pick(fields)))];
    return [
      `export interface ${ctx.Entity}Row${ctx.n} {`,
      ...own.map((field) => `  ${field}: ${field === 'amount' || field === 'version' ? 'number' : field === 'createdAt' ? 'Date' : 'string'};`),
      '}',
      '',
    ];
  },
  validator: (r, ctx) => {
    const name = `validate${ctx.Entity}${ctx.n}`;
    const checks = Array.from({ length: r.int(2, 6) }, () => r.pick(fields));
    return [
      `export function ${name}(input: unknown): string[] {`,
      '  const problems: string[] = [];',
      "  if (typeof input !== 'object' || input === null) return ['not an object'];",
      '  const record = input as Record<string, unknown>;',
      ...checks.flatMap((field) => [
        `  if (record.${field} === undefined) problems.push('${field} is missing');`,
        `  else if (typeof record.${field} !== 'string' && typeof record.${field} !== 'number') problems.push('${field} has the wrong type');`,
      ]),
      '  return problems;',
      '}',
      '',
    ];
  },
  formatter: (r, ctx) => [
    `export function format${ctx.Entity}${ctx.n}(row: Record<string, unknown>, locale = 'en-US'): string {`,
    '  const parts: string[] = [];',
    '  for (const [key, value] of Object.entries(row)) {',
    "    if (value instanceof Date) parts.push(`${key}=${value.toLocaleDateString(locale)}`);",
    "    else if (typeof value === 'number') parts.push(`${key}=${value.toFixed(" + r.int(0, 3) + ')}`);',
    '    else parts.push(`${key}=${String(value)}`);',
    '  }',
    `  return parts.join('${r.pick([', ', '; ', ' | '])}');`,
    '}',
    '',
  ],
  expressRoutePool: (r, ctx) => {
    ctx.needs.express = true;
    ctx.needs.pool = true;
    const field = r.pick(fields);
    return [
      `router.get('/${ctx.entity}s/:id/${field}', async (req: Request, res: Response) => {`,
      `  const result = await pool.query('SELECT ${field} FROM ${ctx.entity}s WHERE id = $1', [String(req.params.id)]);`,
      '  if (result.rowCount === 0) {',
      `    res.status(404).json({ error: '${ctx.entity} not found' });`,
      '    return;',
      '  }',
      `  res.json({ ${field}: result.rows[0].${field} });`,
      '});',
      '',
    ];
  },
  expressRouteClientPerCall: (r, ctx) => {
    ctx.needs.express = true;
    ctx.needs.pgClient = true;
    return [
      `router.post('/${ctx.entity}s/${ctx.n}', async (req: Request, res: Response) => {`,
      '  const client = new Client({ connectionString: process.env.DATABASE_URL });',
      '  await client.connect();',
      `  const inserted = await client.query('INSERT INTO ${ctx.entity}s(name) VALUES ($1) RETURNING id', [String(req.body?.name ?? '')]);`,
      '  await client.end();',
      '  res.status(201).json({ id: inserted.rows[0].id });',
      '});',
      '',
    ];
  },
  transaction: (r, ctx) => {
    ctx.needs.pool = true;
    const released = r.chance(0.8);
    return [
      `export async function transfer${ctx.Entity}${ctx.n}(fromId: string, toId: string, amount: number): Promise<void> {`,
      '  const connection = await pool.connect();',
      ...(released
        ? [
            '  try {',
            "    await connection.query('BEGIN');",
            `    await connection.query('UPDATE ${ctx.entity}s SET amount = amount - $1 WHERE id = $2', [amount, fromId]);`,
            `    await connection.query('UPDATE ${ctx.entity}s SET amount = amount + $1 WHERE id = $2', [amount, toId]);`,
            "    await connection.query('COMMIT');",
            '  } catch (error) {',
            "    await connection.query('ROLLBACK');",
            '    throw error;',
            '  } finally {',
            '    connection.release();',
            '  }',
          ]
        : [
            "  await connection.query('BEGIN');",
            `  await connection.query('UPDATE ${ctx.entity}s SET amount = amount - $1 WHERE id = $2', [amount, fromId]);`,
            "  await connection.query('COMMIT');",
            '  connection.release();',
          ]),
      '}',
      '',
    ];
  },
  fileRead: (r, ctx) => {
    ctx.needs.fsPromises = true;
    const safe = r.chance(0.75);
    return [
      `export async function read${ctx.Entity}Header${ctx.n}(file: string): Promise<string[]> {`,
      "  const handle = await open(file, 'r');",
      ...(safe
        ? ['  try {', `    const { bytesRead, buffer } = await handle.read(Buffer.alloc(${r.pick([512, 1024, 4096])}), 0, ${r.pick([512, 1024, 4096])}, 0);`, "    return buffer.subarray(0, bytesRead).toString('utf8').split('\\n')[0].split(',');", '  } finally {', '    await handle.close();', '  }']
        : [`  const { bytesRead, buffer } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);`, "  const header = buffer.subarray(0, bytesRead).toString('utf8').split('\\n')[0];", '  await handle.close();', "  return header.split(',');"]),
      '}',
      '',
    ];
  },
  readConfig: (r, ctx) => {
    ctx.needs.fsSync = true;
    return [
      `export function load${ctx.Entity}Settings${ctx.n}(file: string): Record<string, string> {`,
      "  const text = readFileSync(file, 'utf8');",
      '  const settings: Record<string, string> = {};',
      "  for (const line of text.split('\\n')) {",
      "    const trimmed = line.trim();",
      "    if (trimmed === '' || trimmed.startsWith('#')) continue;",
      "    const [key, ...rest] = trimmed.split('=');",
      "    settings[key.trim()] = rest.join('=').trim();",
      '  }',
      '  return settings;',
      '}',
      '',
    ];
  },
  cache: (r, ctx) => {
    ctx.needs.express = true;
    const bounded = r.chance(0.6);
    const name = `${ctx.entity}Cache${ctx.n}`;
    return [
      `const ${name} = new Map<string, { value: string; at: number }>();`,
      '',
      `router.get('/${ctx.entity}s/${ctx.n}/cached/:key', (req: Request, res: Response) => {`,
      `  const key = String(req.params.key);`,
      `  const hit = ${name}.get(key);`,
      `  if (hit && Date.now() - hit.at < ${r.int(1, 60) * 1000}) {`,
      '    res.send(hit.value);',
      '    return;',
      '  }',
      `  const value = \`${ctx.entity}:\${key}\`;`,
      ...(bounded ? [`  if (${name}.size > ${r.pick([100, 1000, 5000])}) ${name}.clear();`] : []),
      `  ${name}.set(key, { value, at: Date.now() });`,
      '  res.send(value);',
      '});',
      '',
    ];
  },
  httpServer: (r, ctx) => {
    ctx.needs.http = true;
    return [
      `export function start${ctx.Entity}Server${ctx.n}(port: number) {`,
      '  const server = createServer((req, res) => {',
      "    const url = new URL(req.url ?? '/', 'http://localhost');",
      "    if (url.pathname === '/health') {",
      "      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');",
      '      return;',
      '    }',
      '    const chunks: Buffer[] = [];',
      "    req.on('data', (chunk: Buffer) => chunks.push(chunk));",
      "    req.on('end', () => {",
      "      const body = Buffer.concat(chunks).toString('utf8');",
      "      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ length: body.length }));",
      '    });',
      '  });',
      `  server.listen(port);`,
      '  return server;',
      '}',
      '',
    ];
  },
  repositoryClass: (r, ctx) => {
    ctx.needs.pool = true;
    const methods = Array.from({ length: r.int(2, 4) }, (_, i) => r.pick(fields) + i);
    return [
      `export class ${ctx.Entity}Repository${ctx.n} {`,
      '  constructor(private readonly table: string) {}',
      '',
      ...methods.flatMap((method) => [
        `  async by${cap(method)}(value: string): Promise<unknown[]> {`,
        `    const result = await pool.query(\`SELECT * FROM \${this.table} WHERE ${method.replace(/\d+$/, '')} = $1 LIMIT ${r.int(10, 500)}\`, [value]);`,
        '    return result.rows;',
        '  }',
        '',
      ]),
      '}',
      '',
    ];
  },
  sweeper: (r, ctx) => {
    ctx.needs.pool = true;
    return [
      `const ${ctx.entity}Sweeper${ctx.n} = setInterval(() => {`,
      `  pool.query("DELETE FROM ${ctx.entity}s WHERE created_at < now() - interval '${r.int(1, 30)} days'").catch((error: unknown) => console.error(error));`,
      `}, ${r.int(1, 10) * 60_000});`,
      `${ctx.entity}Sweeper${ctx.n}.unref();`,
      '',
    ];
  },
  streamCopy: (r, ctx) => {
    ctx.needs.streams = true;
    return [
      `export async function archive${ctx.Entity}${ctx.n}(source: string, target: string): Promise<void> {`,
      '  await pipeline(createReadStream(source), createGzip(), createWriteStream(target));',
      '}',
      '',
    ];
  },
  retry: (r, ctx) => [
    `export async function withRetry${ctx.n}<T>(work: () => Promise<T>, attempts = ${r.int(2, 6)}): Promise<T> {`,
    '  let lastError: unknown;',
    '  for (let attempt = 0; attempt < attempts; attempt++) {',
    '    try {',
    '      return await work();',
    '    } catch (error) {',
    '      lastError = error;',
    `      await new Promise((resolve) => setTimeout(resolve, ${r.int(10, 200)} * 2 ** attempt));`,
    '    }',
    '  }',
    '  throw lastError;',
    '}',
    '',
  ],
};

const weights = [
  ['typeDecl', 3], ['validator', 3], ['formatter', 2], ['expressRoutePool', 4], ['expressRouteClientPerCall', 0.4],
  ['transaction', 1.2], ['fileRead', 1.2], ['readConfig', 1], ['cache', 1], ['httpServer', 0.6],
  ['repositoryClass', 1.5], ['sweeper', 0.4], ['streamCopy', 0.6], ['retry', 1],
];
const totalWeight = weights.reduce((sum, [, weight]) => sum + weight, 0);

function pickSnippet(r) {
  let roll = r.next() * totalWeight;
  for (const [name, weight] of weights) {
    roll -= weight;
    if (roll <= 0) return name;
  }
  return weights[0][0];
}

function generateFile(r, index) {
  const entity = r.pick(entities);
  const ctx = { entity, Entity: cap(entity), n: 0, needs: {} };
  const target = r.int(50, 300);
  const body = [];
  // The header takes up to ~12 lines; stop when the body is near the drawn size.
  while (body.length < target - 12) {
    ctx.n++;
    body.push(...snippets[pickSnippet(r)](r, ctx));
  }
  const header = [`// Generated by bench/generate.mjs (file ${index}): ${entity} service code.`];
  if (ctx.needs.express) header.push("import { Router, type Request, type Response } from 'express';");
  if (ctx.needs.pool || ctx.needs.pgClient) header.push(`import { ${[ctx.needs.pgClient && 'Client', ctx.needs.pool && 'Pool'].filter(Boolean).join(', ')} } from 'pg';`);
  if (ctx.needs.fsPromises) header.push("import { open } from 'node:fs/promises';");
  if (ctx.needs.fsSync || ctx.needs.streams) header.push(`import { ${[ctx.needs.fsSync && 'readFileSync', ctx.needs.streams && 'createReadStream, createWriteStream'].filter(Boolean).join(', ')} } from 'node:fs';`);
  if (ctx.needs.http) header.push("import { createServer } from 'node:http';");
  if (ctx.needs.streams) header.push("import { pipeline } from 'node:stream/promises';", "import { createGzip } from 'node:zlib';");
  header.push('');
  if (ctx.needs.pool) header.push("const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });", '');
  if (ctx.needs.express) header.push('export const router = Router();', '');
  return { name: `${String(index).padStart(3, '0')}-${entity}.ts`, text: [...header, ...body].join('\n') };
}

const serverTsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'Node16',
    moduleResolution: 'Node16',
    strict: true,
    types: ['node'],
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['src'],
};

/** Every JS/TS source in node_modules (not .d.ts, not minified, 1–64 KB), relative and sorted. */
function nodeModulesSources() {
  const found = [];
  const walk = (directory) => {
    let entries;
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(entryPath);
      else if (entry.isFile() && /\.(c|m)?(j|t)s$/.test(entry.name) && !/\.d\.(c|m)?ts$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) {
        const { size } = fs.statSync(entryPath);
        if (size >= 1024 && size <= 64 * 1024) found.push(path.relative(repoRoot, entryPath));
      }
    }
  };
  walk(path.join(repoRoot, 'node_modules'));
  // Byte order, not locale order: the same list on every machine.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function generate({ seed = 20240611, serverFiles = 200, sampleFiles = 100 } = {}) {
  fs.rmSync(generatedDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(serverDir, 'src'), { recursive: true });
  fs.mkdirSync(sampleDir, { recursive: true });
  fs.writeFileSync(path.join(serverDir, 'tsconfig.json'), `${JSON.stringify(serverTsconfig, null, 2)}\n`);
  const r = createRandom(seed);
  let serverLines = 0;
  for (let index = 0; index < serverFiles; index++) {
    const { name, text } = generateFile(r, index);
    serverLines += text.split('\n').length;
    fs.writeFileSync(path.join(serverDir, 'src', name), `${text}\n`);
  }

  const candidates = nodeModulesSources();
  const pick = createRandom(seed ^ 0x5eed);
  const chosen = new Set();
  while (chosen.size < Math.min(sampleFiles, candidates.length)) chosen.add(candidates[Math.floor(pick.next() * candidates.length)]);
  const sample = [...chosen].sort();
  let sampleLines = 0;
  sample.forEach((relative, index) => {
    const text = fs.readFileSync(path.join(repoRoot, relative), 'utf8');
    sampleLines += text.split('\n').length;
    const flat = relative.replace(/^node_modules\//, '').replace(/[/\\@]+/g, '__');
    fs.writeFileSync(path.join(sampleDir, `${String(index).padStart(3, '0')}-${flat}`), text);
  });
  fs.writeFileSync(path.join(generatedDir, 'nm-sample.txt'), `${sample.join('\n')}\n`);
  return { seed, serverFiles, serverLines, sampleFiles: sample.length, sampleLines, sampleCandidates: candidates.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(generate());
