import type { ResourceEntry } from './resource-entry';
import type { FactorySpecifier } from './specifiers';

const fromPackage = (pkg: string, ...names: string[]): FactorySpecifier[] =>
  names.map((name) => ({ from: 'package' as const, package: pkg, name }));

/** Resolves a promise: acquired only when awaited (`await open(p)`), never as the bare promise. */
const awaited = (factories: FactorySpecifier[]): FactorySpecifier[] =>
  factories.map((factory) => ({ ...factory, async: true }));

/** `close()` first: on a WriteStream it flushes, then closes (`destroy()` would drop buffered data). */
const streamReleases = [{ method: 'close' }, { method: 'destroy' }, { method: 'end' }] as const;

/** Packages that export Puppeteer's and Playwright's API (their types live in the `-core` ones). */
const BROWSER_PACKAGES = {
  puppeteer: ['puppeteer', 'puppeteer-core'],
  playwright: ['playwright', 'playwright-core', 'playwright-chromium', 'playwright-firefox', 'playwright-webkit', '@playwright/test'],
} as const;
const PLAYWRIGHT_ENGINES = ['chromium', 'firefox', 'webkit'];

/** `browser.newPage()` and the like, on a Puppeteer or Playwright type of that name. */
const browserMethod = (methods: string[], receiverName: string): FactorySpecifier[] =>
  [...BROWSER_PACKAGES.puppeteer, ...BROWSER_PACKAGES.playwright].flatMap((pkg) =>
    methods.map((method) => ({ method, receiver: { from: 'package' as const, package: pkg, name: receiverName }, async: true })),
  );

/** Stream methods whose failures arrive as `'error'` events, not exceptions. */
const streamQuietMethods = ['write', 'setEncoding', 'setDefaultEncoding', 'pause', 'resume', 'cork', 'uncork', 'ref', 'unref'];

/**
 * What leakguard knows out of the box. Order matters only within one level of a type's hierarchy;
 * the most derived match wins (a pg `PoolClient` is a handle to `release()`, though it extends `Client`).
 */
export const defaultRegistry: readonly ResourceEntry[] = [
  // ---- handles: released by the scope that opened them
  {
    description: 'file handle',
    kind: 'handle',
    types: [{ from: 'package', package: 'fs/promises', name: 'FileHandle' }],
    factories: awaited(fromPackage('fs/promises', 'open')),
    releases: [{ method: 'close', async: true }],
  },
  {
    description: 'file descriptor',
    kind: 'handle',
    // `fs.open(path, (err, fd) => …)`: the callback receives what a promise of it would resolve to.
    factories: [...fromPackage('fs', 'openSync'), ...awaited(fromPackage('fs', 'open'))],
    releases: [
      { function: { package: 'fs', name: 'closeSync' } },
      { function: { package: 'fs', name: 'close' } },
    ],
  },
  {
    description: 'directory handle',
    kind: 'handle',
    types: [{ from: 'package', package: 'fs', name: 'Dir' }],
    factories: [...awaited(fromPackage('fs/promises', 'opendir')), ...fromPackage('fs', 'opendirSync')],
    releases: [{ method: 'close', async: true }, { method: 'closeSync' }],
  },
  {
    description: 'file stream',
    kind: 'handle',
    types: [
      { from: 'package', package: 'fs', name: 'ReadStream' },
      { from: 'package', package: 'fs', name: 'WriteStream' },
    ],
    factories: fromPackage('fs', 'createReadStream', 'createWriteStream'),
    releases: streamReleases,
    quietMethods: streamQuietMethods,
  },
  {
    description: 'socket',
    kind: 'handle',
    types: [{ from: 'package', package: 'net', name: 'Socket' }],
    factories: [...fromPackage('net', 'connect', 'createConnection'), ...fromPackage('tls', 'connect')],
    releases: [{ method: 'destroy' }, { method: 'end' }, { method: 'destroySoon' }, { method: 'resetAndDestroy' }],
    quietMethods: [...streamQuietMethods, 'setTimeout', 'setNoDelay', 'setKeepAlive'],
    // `tls.connect({ socket })` upgrades an open socket: destroying that one closes the TLS socket.
    layeredOnOptions: ['socket'],
  },
  {
    // A bound UDP socket keeps the process alive until it is closed (node-ntp-sync's timeout).
    description: 'UDP socket',
    kind: 'handle',
    types: [{ from: 'package', package: 'dgram', name: 'Socket' }],
    factories: fromPackage('dgram', 'createSocket'),
    releases: [{ method: 'close' }],
    quietMethods: ['send', 'ref', 'unref', 'setBroadcast', 'setTTL'],
  },
  {
    // An outgoing request ends once its response is read; a caller that stops waiting (a timeout)
    // must destroy it, or its socket stays open (rss-parser's feed requests).
    description: 'HTTP request',
    kind: 'handle',
    types: [{ from: 'package', package: 'http', name: 'ClientRequest' }],
    factories: [...fromPackage('http', 'request', 'get'), ...fromPackage('https', 'request', 'get')],
    releases: [{ method: 'destroy' }, { method: 'abort' }],
    quietMethods: [...streamQuietMethods, 'end', 'setTimeout', 'setHeader', 'removeHeader', 'flushHeaders', 'setNoDelay', 'setSocketKeepAlive'],
    endsOnItsOwn: true,
  },
  {
    // A child process ends when it exits; a caller that stops waiting for it must kill it.
    description: 'child process',
    kind: 'handle',
    types: [{ from: 'package', package: 'child_process', name: 'ChildProcess' }],
    factories: fromPackage('child_process', 'spawn', 'fork', 'exec', 'execFile'),
    releases: [{ method: 'kill' }],
    endsOnItsOwn: true,
  },
  {
    // A temporary directory stays on disk until it is removed (tempy's task helper on a throwing task).
    description: 'temporary directory',
    kind: 'handle',
    factories: [...fromPackage('fs', 'mkdtempSync'), ...awaited(fromPackage('fs/promises', 'mkdtemp'))],
    releases: [
      { function: { package: 'fs/promises', name: 'rm' }, async: true },
      { function: { package: 'fs', name: 'rmSync' } },
      { function: { package: 'fs/promises', name: 'rmdir' }, async: true },
      { function: { package: 'fs', name: 'rmdirSync' } },
      // fs-extra's own names (fs-extra counts as `fs`, see FS_DROP_INS).
      { function: { package: 'fs', name: 'remove' }, async: true },
      { function: { package: 'fs', name: 'removeSync' } },
    ],
  },
  {
    description: 'zlib stream',
    kind: 'handle',
    types: [{ from: 'package', package: 'zlib', name: 'Zlib' }],
    factories: fromPackage(
      'zlib',
      'createGzip',
      'createGunzip',
      'createDeflate',
      'createInflate',
      'createDeflateRaw',
      'createInflateRaw',
      'createUnzip',
      'createBrotliCompress',
      'createBrotliDecompress',
    ),
    releases: streamReleases,
  },
  {
    description: 'readline interface',
    kind: 'handle',
    types: [{ from: 'package', package: 'readline', name: 'Interface' }],
    factories: [...fromPackage('readline', 'createInterface'), ...fromPackage('readline/promises', 'createInterface')],
    releases: [{ method: 'close' }],
    borrowedOptions: ['input', 'output'],
    // No I/O of its own: closing detaches from the input; failures arrive as events.
    quietMethods: ['close', 'pause', 'resume', 'setPrompt'],
  },
  {
    // Watches until closed, whatever its listeners do (like a chokidar watcher): a client, so one made
    // per call with a `change` listener and never closed is the leak, not a hand-off to the listener.
    description: 'file watcher',
    kind: 'client',
    types: [{ from: 'package', package: 'fs', name: 'FSWatcher' }],
    factories: fromPackage('fs', 'watch'),
    releases: [{ method: 'close' }],
  },
  {
    description: 'pg pool client',
    kind: 'handle',
    types: [{ from: 'package', package: 'pg', name: 'PoolClient' }],
    factories: [{ method: 'connect', receiver: { from: 'package', package: 'pg', name: 'Pool' }, async: true }],
    releases: [{ method: 'release' }],
  },
  {
    description: 'mysql2 pool connection',
    kind: 'handle',
    types: [{ from: 'package', package: 'mysql2', name: 'PoolConnection' }],
    factories: [{ method: 'getConnection', receiver: { from: 'package', package: 'mysql2', name: 'Pool' }, async: true }],
    releases: [{ method: 'release' }],
  },
  {
    // mysqljs/mysql hands pool connections to a callback only (`pool.getConnection((err, connection) => …)`).
    description: 'mysql pool connection',
    kind: 'handle',
    types: [{ from: 'package', package: 'mysql', name: 'PoolConnection' }],
    factories: [{ method: 'getConnection', receiver: { from: 'package', package: 'mysql', name: 'Pool' }, async: true }],
    releases: [{ method: 'release' }],
  },
  {
    // A TypeORM query runner holds one pooled connection from `createQueryRunner()` until `release()`
    // (its `[Symbol.asyncDispose]` calls `release()`, which throws when already released).
    description: 'TypeORM query runner',
    kind: 'handle',
    types: [{ from: 'package', package: 'typeorm', name: 'QueryRunner' }],
    factories: [
      { method: 'createQueryRunner', receiver: { from: 'package', package: 'typeorm', name: 'DataSource' } },
      { method: 'createQueryRunner', receiver: { from: 'package', package: 'typeorm', name: 'Connection' } },
    ],
    releases: [{ method: 'release', async: true }],
  },
  {
    // toArray(), forEach() and `for await` read the cursor to its end, where the driver kills it; a
    // failed fetch (next(), hasNext()) cleans it up before rethrowing, so only close() is left to do.
    description: 'MongoDB cursor',
    kind: 'handle',
    types: [{ from: 'package', package: 'mongodb', name: 'AbstractCursor' }],
    // What typed mode reads from the return types; untyped follows `client.db().collection()` to them
    // (derived-types) from a `new MongoClient()` it can see.
    factories: [
      ...['find', 'aggregate', 'listIndexes'].map((method) => ({ method, receiver: { from: 'package' as const, package: 'mongodb', name: 'Collection' } })),
      ...['aggregate', 'listCollections'].map((method) => ({ method, receiver: { from: 'package' as const, package: 'mongodb', name: 'Db' } })),
    ],
    releases: [{ method: 'close', async: true }, { method: 'toArray', async: true }, { method: 'forEach', async: true }],
    quietMethods: ['next', 'tryNext', 'hasNext', 'readBufferedDocuments', 'bufferedCount', 'rewind'],
    chainingMethods: [
      'map', 'filter', 'sort', 'limit', 'skip', 'project', 'batchSize', 'maxTimeMS', 'maxAwaitTimeMS', 'hint', 'min', 'max',
      'comment', 'collation', 'allowDiskUse', 'returnKey', 'showRecordId', 'addCursorFlag', 'addQueryModifier',
      'withReadPreference', 'withReadConcern', 'match', 'group', 'lookup', 'unwind', 'addStage', 'geoNear', 'redact', 'out',
    ],
  },
  {
    // A session holds a server session from the driver's pool until `endSession()`; one never ended
    // stays checked out on the server until it times out (novu's `startSession()` per transaction).
    // `withTransaction()` runs the transaction on it and leaves it open.
    description: 'MongoDB session',
    kind: 'handle',
    types: [{ from: 'package', package: 'mongodb', name: 'ClientSession' }],
    factories: [
      { method: 'startSession', receiver: { from: 'package', package: 'mongodb', name: 'MongoClient' } },
      // Mongoose resolves it: `await mongoose.startSession()`, `await connection.startSession()`, `await Model.startSession()`.
      ...awaited(fromPackage('mongoose', 'startSession', 'default.startSession')),
      ...['Connection', 'Model'].map((name) => ({ method: 'startSession', receiver: { from: 'package' as const, package: 'mongoose', name }, async: true })),
    ],
    releases: [{ method: 'endSession', async: true }],
  },
  {
    // node-oracledb: `oracledb.getConnection(config)` opens a standalone connection, and with no
    // connect string (or a `poolAlias`) borrows one from a pool, as `pool.getConnection()` does: each
    // is held until `close()` (`release()` is its older alias), which gives a pooled one back.
    description: 'oracledb connection',
    kind: 'handle',
    types: [{ from: 'package', package: 'oracledb', name: 'Connection' }],
    factories: [
      ...awaited(fromPackage('oracledb', 'getConnection', 'default.getConnection')),
      { method: 'getConnection', receiver: { from: 'package', package: 'oracledb', name: 'Pool' }, async: true },
    ],
    releases: [{ method: 'close', async: true }, { method: 'release', async: true }],
  },
  {
    // MariaDB Connector/Node.js: a pool connection is a `Connection` given back with `release()`
    // (its `end()` releases it too); the more derived entry wins over the mariadb connection below.
    description: 'mariadb pool connection',
    kind: 'handle',
    types: [{ from: 'package', package: 'mariadb', name: 'PoolConnection' }],
    factories: [
      { method: 'getConnection', receiver: { from: 'package', package: 'mariadb', name: 'Pool' }, async: true },
      { method: 'getConnection', receiver: { from: 'package', package: 'mariadb', name: 'PoolCluster' }, async: true },
    ],
    releases: [{ method: 'release', async: true }, { method: 'end', async: true }],
  },
  {
    // A session borrows a pooled connection for one unit of work until `close()`; the driver that
    // makes it is the long-lived part (neo4j's docs: sessions are cheap, close every one).
    description: 'Neo4j session',
    kind: 'handle',
    types: [
      { from: 'package', package: 'neo4j-driver-core', name: 'Session' },
      { from: 'package', package: 'neo4j-driver', name: 'Session' },
    ],
    factories: ['neo4j-driver', 'neo4j-driver-core'].map((pkg) => ({ method: 'session', receiver: { from: 'package' as const, package: pkg, name: 'Driver' } })),
    releases: [{ method: 'close', async: true }],
  },
  {
    // ssh2-sftp-client: `connect()`, work, `end()` per task (its README's pattern); an unended one
    // keeps its SSH connection open.
    description: 'SFTP client',
    kind: 'handle',
    types: [{ from: 'package', package: 'ssh2-sftp-client', name: 'sftp' }],
    factories: fromPackage('ssh2-sftp-client', 'default'),
    releases: [{ method: 'end', async: true }],
  },
  {
    // A WebDriver session runs a browser and its driver process until `quit()` (`close()` only closes
    // the window); one built per job and left open on a failed step keeps both running.
    description: 'WebDriver session',
    kind: 'handle',
    types: [{ from: 'package', package: 'selenium-webdriver', name: 'WebDriver' }],
    // `build()` returns a thenable driver: usable at once, and awaited by most code.
    factories: [{ method: 'build', receiver: { from: 'package', package: 'selenium-webdriver', name: 'Builder' } }],
    releases: [{ method: 'quit', async: true }],
    madeOnlyByFactories: true,
  },
  {
    description: 'worker thread',
    kind: 'handle',
    types: [{ from: 'package', package: 'worker_threads', name: 'Worker' }],
    // Waiting for `exit` means the code already owns the worker's end.
    releases: [{ method: 'terminate', async: true }, { listener: 'exit' }],
  },
  // Headless browsers (Puppeteer, Playwright): a launched browser is a process tree; its contexts and
  // pages hold renderer processes and memory inside it until closed. A browser launched per job is
  // fine when the job closes it on every path (PDF and scraping services do that); one left open
  // on the error path, or a page of a long-lived browser never closed, piles up until launches fail.
  {
    description: 'headless browser',
    kind: 'handle',
    types: [
      { from: 'package', package: 'puppeteer-core', name: 'Browser' },
      { from: 'package', package: 'playwright-core', name: 'Browser' },
    ],
    factories: [
      ...BROWSER_PACKAGES.puppeteer.flatMap((pkg) => fromPackage(pkg, 'launch')),
      ...BROWSER_PACKAGES.playwright.flatMap((pkg) => fromPackage(pkg, ...PLAYWRIGHT_ENGINES.map((engine) => `${engine}.launch`))),
    ],
    // `puppeteer.connect()` attaches to a browser someone else runs: `disconnect()` is its release.
    releases: [{ method: 'close', async: true }, { method: 'disconnect', async: true }],
    madeOnlyByFactories: true,
  },
  {
    description: 'browser context',
    kind: 'handle',
    types: [
      { from: 'package', package: 'puppeteer-core', name: 'BrowserContext' },
      { from: 'package', package: 'playwright-core', name: 'BrowserContext' },
    ],
    factories: [
      ...BROWSER_PACKAGES.playwright.flatMap((pkg) => fromPackage(pkg, ...PLAYWRIGHT_ENGINES.map((engine) => `${engine}.launchPersistentContext`))),
      ...browserMethod(['newContext', 'createBrowserContext', 'createIncognitoBrowserContext'], 'Browser'),
    ],
    releases: [{ method: 'close', async: true }],
    madeOnlyByFactories: true,
  },
  {
    description: 'browser page',
    kind: 'handle',
    types: [
      { from: 'package', package: 'puppeteer-core', name: 'Page' },
      { from: 'package', package: 'playwright-core', name: 'Page' },
    ],
    factories: [...browserMethod(['newPage'], 'Browser'), ...browserMethod(['newPage'], 'BrowserContext')],
    releases: [{ method: 'close', async: true }],
    madeOnlyByFactories: true,
    // `page.on('response', …)` collects what the page loads; the page stays open until closed.
    outlivesItsListeners: true,
  },

  // ---- clients: connection-owning, long-lived (no-client-per-call); listed here so handles
  // acquired from them (`pool.connect()`) are recognised without type information.
  {
    description: 'pg pool',
    kind: 'client',
    types: [{ from: 'package', package: 'pg', name: 'Pool' }],
    releases: [{ method: 'end', async: true }],
  },
  {
    description: 'pg client',
    kind: 'client',
    types: [{ from: 'package', package: 'pg', name: 'Client' }],
    releases: [{ method: 'end', async: true }],
    // `new Client(…)` opens no socket; `connect()` does (a query before it fails, it does not connect).
    opensWith: ['connect'],
  },
  {
    description: 'mysql2 pool',
    kind: 'client',
    types: [{ from: 'package', package: 'mysql2', name: 'Pool' }],
    factories: [...fromPackage('mysql2', 'createPool'), ...fromPackage('mysql2/promise', 'createPool')],
    releases: [{ method: 'end', async: true }],
    // `createPool(…).promise()`: the promise API wraps the same pool.
    chainingMethods: ['promise'],
  },
  {
    description: 'mysql2 pool cluster',
    kind: 'client',
    types: [{ from: 'package', package: 'mysql2', name: 'PoolCluster' }],
    factories: [...fromPackage('mysql2', 'createPoolCluster'), ...fromPackage('mysql2/promise', 'createPoolCluster')],
    releases: [{ method: 'end', async: true }],
    // `createPool(…).promise()`: the promise API wraps the same pool.
    chainingMethods: ['promise'],
  },
  {
    // A `PoolConnection` extends `Connection` but is a handle to `release()`: the more derived entry wins.
    description: 'mysql2 connection',
    kind: 'client',
    types: [{ from: 'package', package: 'mysql2', name: 'Connection' }],
    factories: [...fromPackage('mysql2', 'createConnection'), ...awaited(fromPackage('mysql2/promise', 'createConnection'))],
    releases: [{ method: 'end', async: true }],
    // `createPool(…).promise()`: the promise API wraps the same pool.
    chainingMethods: ['promise'],
  },
  {
    // mysqljs/mysql, the driver mysql2 copies: the same factories, untyped unless @types/mysql is installed.
    description: 'mysql connection',
    kind: 'client',
    types: [{ from: 'package', package: 'mysql', name: 'Connection' }],
    factories: fromPackage('mysql', 'createConnection'),
    releases: [{ method: 'end' }, { method: 'destroy' }],
  },
  {
    description: 'mysql pool',
    kind: 'client',
    types: [{ from: 'package', package: 'mysql', name: 'Pool' }],
    factories: fromPackage('mysql', 'createPool', 'createPoolCluster'),
    releases: [{ method: 'end' }],
  },
  {
    // `mongoose.createConnection(uri)` opens a pool of its own, apart from the default connection.
    description: 'Mongoose connection',
    kind: 'client',
    factories: fromPackage('mongoose', 'createConnection'),
    releases: [{ method: 'close', async: true }, { method: 'destroy', async: true }],
  },
  {
    description: 'AMQP connection',
    kind: 'client',
    factories: [...awaited(fromPackage('amqplib', 'connect')), ...awaited(fromPackage('amqp-connection-manager', 'connect'))],
    releases: [{ method: 'close', async: true }],
  },
  {
    // `knex(config)` / `require('knex')(config)`: each instance owns a connection pool until `destroy()`.
    description: 'Knex instance',
    kind: 'client',
    factories: [...fromPackage('knex', 'default', 'knex')],
    releases: [{ method: 'destroy', async: true }],
  },
  {
    description: 'Sequelize instance',
    kind: 'client',
    types: [{ from: 'package', package: 'sequelize', name: 'Sequelize' }],
    releases: [{ method: 'close', async: true }],
  },
  {
    description: 'mssql connection pool',
    kind: 'client',
    types: [{ from: 'package', package: 'mssql', name: 'ConnectionPool' }],
    releases: [{ method: 'close', async: true }],
  },
  {
    // A BullMQ queue, worker or event listener holds its own Redis connections until `close()`.
    description: 'BullMQ queue',
    kind: 'client',
    types: [
      { from: 'package', package: 'bullmq', name: 'Queue' },
      { from: 'package', package: 'bullmq', name: 'QueueEvents' },
      { from: 'package', package: 'bullmq', name: 'FlowProducer' },
    ],
    releases: [{ method: 'close', async: true }],
  },
  {
    // Bull (v3): `new Queue(name, redisUrl)` opens three Redis connections of its own until `close()`.
    description: 'Bull queue',
    kind: 'client',
    types: [{ from: 'package', package: 'bull', name: 'Queue' }],
    // `const Queue = require('bull'); new Queue(…)`: the module itself is the Queue class.
    factories: fromPackage('bull', 'default'),
    releases: [{ method: 'close', async: true }],
  },
  {
    // A pooled transporter (`pool: true`) keeps its SMTP connections until `close()`; nodemailer's
    // own advice is one transporter per process (nodemailer#699: "too many connections"). Without
    // `pool`, SMTPTransport opens a connection per `sendMail` and quits it when the message is sent
    // or fails, and its `close()` only emits 'close' (nodemailer 6.9, lib/smtp-transport): nothing
    // stays open.
    description: 'nodemailer transport',
    kind: 'client',
    factories: fromPackage('nodemailer', 'createTransport'),
    releases: [{ method: 'close' }],
    connectionsOnlyWith: 'pool',
  },
  {
    // The Pub/Sub client holds gRPC channels and an auth client until `close()` (nodejs-pubsub#2016).
    description: 'Google Cloud Pub/Sub client',
    kind: 'client',
    types: [{ from: 'package', package: '@google-cloud/pubsub', name: 'PubSub' }],
    factories: fromPackage('@google-cloud/pubsub', 'PubSub'),
    releases: [{ method: 'close', async: true }],
  },
  {
    // A Storage object keeps its auth client (token fetches and refreshes) and HTTP agents for as long
    // as it lives, and has no close(): one per process (peated#406: one per upload, 503s under load).
    description: 'Google Cloud Storage client',
    kind: 'client',
    types: [{ from: 'package', package: '@google-cloud/storage', name: 'Storage' }],
    factories: fromPackage('@google-cloud/storage', 'Storage'),
    releases: [],
    ownsNoConnection: true,
  },
  {
    // The same shape as Storage: an auth client and HTTP agents per instance, nothing to close.
    description: 'BigQuery client',
    kind: 'client',
    types: [{ from: 'package', package: '@google-cloud/bigquery', name: 'BigQuery' }],
    factories: fromPackage('@google-cloud/bigquery', 'BigQuery'),
    releases: [],
    ownsNoConnection: true,
  },
  {
    // Generated Google Cloud clients (`new SecretManagerServiceClient()` from
    // '@google-cloud/secret-manager') hold a gRPC channel and an auth client until `close()`.
    description: 'Google Cloud API client',
    kind: 'client',
    constructorFamilies: [{ packagePrefix: '@google-cloud/', nameSuffix: 'Client' }],
    releases: [{ method: 'close', async: true }],
  },
  {
    // Each package's handwritten client named after it (`new Datastore()` from '@google-cloud/datastore',
    // `Spanner`, `Firestore`, `Logging`) is built on the generated ones and holds their channels and auth
    // client; how each is ended differs (`close()`, `terminate()`, none), so none is assumed: one per
    // process (repo-automation-bots: a Datastore per lock).
    description: 'Google Cloud client',
    kind: 'client',
    constructorFamilies: [{ packagePrefix: '@google-cloud/', namedAfterPackage: true }],
    releases: [],
  },
  {
    // A GraphQL subscription client opens its WebSocket on construction (hasura#3918).
    description: 'GraphQL subscription client',
    kind: 'client',
    types: [{ from: 'package', package: 'subscriptions-transport-ws', name: 'SubscriptionClient' }],
    factories: fromPackage('subscriptions-transport-ws', 'SubscriptionClient'),
    releases: [{ method: 'close' }],
  },
  {
    description: 'MQTT client',
    kind: 'client',
    types: [{ from: 'package', package: 'mqtt', name: 'MqttClient' }],
    factories: fromPackage('mqtt', 'connect', 'default.connect'),
    releases: [{ method: 'end' }],
  },
  {
    description: 'Cassandra client',
    kind: 'client',
    types: [{ from: 'package', package: 'cassandra-driver', name: 'Client' }],
    factories: fromPackage('cassandra-driver', 'Client'),
    releases: [{ method: 'shutdown', async: true }],
  },
  {
    description: 'Elasticsearch client',
    kind: 'client',
    types: [{ from: 'package', package: '@elastic/elasticsearch', name: 'Client' }],
    releases: [{ method: 'close', async: true }],
  },
  {
    // Generated service clients and `makeGenericClientConstructor`/`loadPackageDefinition` constructors
    // extend `Client`; `close()` tears down its channel and every subchannel's TCP connection.
    description: 'gRPC client',
    kind: 'client',
    types: [{ from: 'package', package: '@grpc/grpc-js', name: 'Client' }],
    // `new proto[service](address, grpc.credentials.createInsecure())`: `loadPackageDefinition` gives
    // the constructor no useful type, but only a channel or client is built from channel credentials.
    constructedWith: fromPackage(
      '@grpc/grpc-js',
      'credentials.createInsecure',
      'credentials.createSsl',
      'credentials.createFromSecureContext',
      'credentials.combineChannelCredentials',
      'ChannelCredentials.createInsecure',
      'ChannelCredentials.createSsl',
      'ChannelCredentials.createFromSecureContext',
    ),
    releases: [{ method: 'close' }],
  },
  {
    // Exported as `Channel`, declared as `ChannelImplementation`.
    description: 'gRPC channel',
    kind: 'client',
    types: [{ from: 'package', package: '@grpc/grpc-js', name: 'ChannelImplementation' }],
    factories: fromPackage('@grpc/grpc-js', 'Channel'),
    releases: [{ method: 'close' }],
  },
  {
    description: 'ioredis client',
    kind: 'client',
    types: [
      { from: 'package', package: 'ioredis', name: 'Redis' },
      { from: 'package', package: 'ioredis', name: 'Cluster' },
    ],
    // `import Redis from 'ioredis'`: the default export is the Redis class.
    factories: [{ from: 'package', package: 'ioredis', name: 'default' }],
    releases: [{ method: 'quit', async: true }, { method: 'disconnect' }],
  },
  {
    // node-redis v5 declares its client in @redis/client; `redis` re-exports `createClient`.
    description: 'Redis client',
    kind: 'client',
    types: [
      { from: 'package', package: '@redis/client', name: 'RedisClient' },
      { from: 'package', package: '@redis/client', name: 'RedisCluster' },
    ],
    factories: [
      ...fromPackage('redis', 'createClient', 'createCluster'),
      ...fromPackage('@redis/client', 'createClient', 'createCluster'),
    ],
    releases: [{ method: 'close', async: true }, { method: 'quit', async: true }, { method: 'destroy' }, { method: 'disconnect', async: true }],
    // `connect()` resolves to the client itself: `await createClient().connect()` is that client.
    chainingMethods: ['connect'],
  },
  {
    description: 'MongoDB client',
    kind: 'client',
    types: [{ from: 'package', package: 'mongodb', name: 'MongoClient' }],
    // `await MongoClient.connect(url)`: the static shorthand for `new MongoClient(url).connect()`.
    factories: awaited(fromPackage('mongodb', 'MongoClient.connect')),
    releases: [{ method: 'close', async: true }],
    // `connect(): Promise<this>`: `new MongoClient(url).connect()` is still that client (a promise of it).
    chainingMethods: ['connect'],    connectsIdempotently: true,
  },
  {
    description: 'Prisma client',
    kind: 'client',
    types: [{ from: 'package', package: '@prisma/client', name: 'PrismaClient' }],
    releases: [{ method: '$disconnect', async: true }],    connectsIdempotently: true,
  },
  {
    // `Producer` and `Consumer` are type aliases; `kafka.producer()` is how they are made.
    description: 'Kafka producer',
    kind: 'client',
    types: [{ from: 'package', package: 'kafkajs', name: 'Producer' }],
    factories: [{ method: 'producer', receiver: { from: 'package', package: 'kafkajs', name: 'Kafka' } }],
    releases: [{ method: 'disconnect', async: true }],
  },
  {
    description: 'Kafka consumer',
    kind: 'client',
    types: [{ from: 'package', package: 'kafkajs', name: 'Consumer' }],
    factories: [{ method: 'consumer', receiver: { from: 'package', package: 'kafkajs', name: 'Kafka' } }],
    releases: [{ method: 'disconnect', async: true }],
  },
  {
    // `kafka.admin()`: a connection to the brokers of its own until `disconnect()`, like a producer.
    description: 'Kafka admin client',
    kind: 'client',
    types: [{ from: 'package', package: 'kafkajs', name: 'Admin' }],
    factories: [{ method: 'admin', receiver: { from: 'package', package: 'kafkajs', name: 'Kafka' } }],
    releases: [{ method: 'disconnect', async: true }],
  },
  {
    // A live websocket to a JSON-RPC node (ethers v6 `WebSocketProvider`, v5 `providers.WebSocketProvider`):
    // it keeps its socket and subscriptions until `destroy()` (juice-shop opened one per request).
    description: 'ethers WebSocket provider',
    kind: 'client',
    factories: fromPackage('ethers', 'WebSocketProvider', 'providers.WebSocketProvider'),
    releases: [{ method: 'destroy', async: true }],
  },
  {
    // https.Agent extends http.Agent: keep-alive sockets live as long as the agent.
    description: 'HTTP agent',
    kind: 'client',
    types: [{ from: 'package', package: 'http', name: 'Agent' }],
    factories: fromPackage('https', 'Agent'),
    releases: [{ method: 'destroy' }],
  },
  {
    description: 'undici dispatcher',
    kind: 'client',
    types: [
      { from: 'package', package: 'undici', name: 'Agent' },
      { from: 'package', package: 'undici', name: 'Pool' },
      { from: 'package', package: 'undici', name: 'Client' },
    ],
    releases: [{ method: 'close', async: true }, { method: 'destroy', async: true }],
  },
  {
    // Each @aws-sdk/client-* package declares its client extending smithy's `Client`.
    description: 'AWS SDK client',
    kind: 'client',
    types: [{ from: 'package', package: '@smithy/smithy-client', name: 'Client' }],
    // Without types (or without the packages installed): `new S3Client(…)`, `new SQSClient(…)`, and
    // the aggregated `new S3(…)`, `new DynamoDB(…)` (aws-sdk-js-v3#5010: one per call, EMFILE), by import.
    constructorFamilies: [{ packagePrefix: '@aws-sdk/client-', nameSuffix: 'Client', namedAfterPackage: true }],
    releases: [{ method: 'destroy' }],
  },
  {
    // An SSH connection stays open until `end()` (tunnel-ssh#49: one per forwarded TCP connection).
    description: 'SSH client',
    kind: 'client',
    types: [{ from: 'package', package: 'ssh2', name: 'Client' }],
    // `const Connection = require('ssh2')` (0.x): the module itself is the client class.
    factories: fromPackage('ssh2', 'Client', 'default'),
    releases: [{ method: 'end' }, { method: 'destroy' }],
  },
  {
    // A bound LDAP client keeps its connection to the directory until `unbind()` (ldap-authentication#80).
    description: 'LDAP client',
    kind: 'client',
    types: [
      { from: 'package', package: 'ldapts', name: 'Client' },
      { from: 'package', package: 'ldapjs', name: 'Client' },
    ],
    factories: [...fromPackage('ldapts', 'Client'), ...fromPackage('ldapjs', 'createClient')],
    releases: [{ method: 'unbind', async: true }, { method: 'destroy' }],
  },
  {
    // A database file held open until `close()`: one per process is how SQLite is meant to be used
    // from Node (better-sqlite3's docs); one opened per request and dropped keeps its descriptor
    // (and its locks) for good. `require('sqlite3').verbose()` is the module itself.
    description: 'SQLite database',
    kind: 'client',
    types: [
      { from: 'package', package: 'sqlite3', name: 'Database' },
      { from: 'package', package: 'better-sqlite3', name: 'Database' },
    ],
    factories: [
      ...fromPackage('sqlite3', 'Database'),
      // `const Database = require('better-sqlite3'); new Database(file)`: the module is the class.
      ...fromPackage('better-sqlite3', 'default'),
      // Node's own `new DatabaseSync(path)` from 'node:sqlite' (the `node:` prefix is stripped).
      ...fromPackage('sqlite', 'DatabaseSync'),
    ],
    // sqlite3's takes a callback, better-sqlite3's and node's return at once: none is a promise.
    releases: [{ method: 'close' }],
  },
  {
    // The `sqlite` package: a promise wrapper around a sqlite3 `Database`, `await open({ filename, driver })`.
    description: 'SQLite database',
    kind: 'client',
    types: [{ from: 'package', package: 'sqlite', name: 'Database' }],
    factories: awaited(fromPackage('sqlite', 'open')),
    releases: [{ method: 'close', async: true }],
  },
  {
    // chokidar holds its fs watchers (or, polling, its stat timers) until `close()`, which resolves
    // once they are gone. A watcher is meant to live as long as what it watches for (a dev server,
    // a config reload): one made per call and dropped keeps watching, and firing its listeners, for
    // good. A client, not a handle: its listeners are its own and hand it to no one, so one made per
    // call with a `change` listener and never closed is the leak, not a hand-off.
    description: 'chokidar watcher',
    kind: 'client',
    types: [{ from: 'package', package: 'chokidar', name: 'FSWatcher' }],
    factories: fromPackage('chokidar', 'watch', 'default.watch', 'FSWatcher'),
    releases: [{ method: 'close', async: true }],
  },
  {
    // A LevelDB store locks its directory until `close()`: a second open of the same one fails.
    description: 'LevelDB database',
    kind: 'client',
    types: [
      { from: 'package', package: 'classic-level', name: 'ClassicLevel' },
      { from: 'package', package: 'level', name: 'Level' },
    ],
    // `level(path)` (before v8) and `new Level(path)`.
    factories: [...fromPackage('level', 'Level', 'default'), ...fromPackage('classic-level', 'ClassicLevel')],
    releases: [{ method: 'close', async: true }],
  },
  {
    description: 'LMDB database',
    kind: 'client',
    types: [{ from: 'package', package: 'lmdb', name: 'RootDatabase' }],
    factories: fromPackage('lmdb', 'open'),
    releases: [{ method: 'close', async: true }],
  },
  {
    description: 'oracledb pool',
    kind: 'client',
    types: [{ from: 'package', package: 'oracledb', name: 'Pool' }],
    factories: awaited(fromPackage('oracledb', 'createPool', 'default.createPool')),
    releases: [{ method: 'close', async: true }, { method: 'terminate', async: true }],
  },
  {
    description: 'mariadb pool',
    kind: 'client',
    types: [
      { from: 'package', package: 'mariadb', name: 'Pool' },
      { from: 'package', package: 'mariadb', name: 'PoolCluster' },
    ],
    // The promise API's pool is made synchronously; so is the callback API's ('mariadb/callback').
    factories: [...fromPackage('mariadb', 'createPool', 'createPoolCluster'), ...fromPackage('mariadb/callback', 'createPool', 'createPoolCluster')],
    releases: [{ method: 'end', async: true }],
  },
  {
    description: 'mariadb connection',
    kind: 'client',
    types: [{ from: 'package', package: 'mariadb', name: 'Connection' }],
    factories: [...awaited(fromPackage('mariadb', 'createConnection')), ...fromPackage('mariadb/callback', 'createConnection')],
    releases: [{ method: 'end', async: true }, { method: 'destroy' }],
  },
  {
    // tedious (SQL Server): a `Connection` holds its TDS socket until `close()`.
    description: 'tedious connection',
    kind: 'client',
    types: [{ from: 'package', package: 'tedious', name: 'Connection' }],
    factories: fromPackage('tedious', 'Connection'),
    releases: [{ method: 'close' }],
  },
  {
    // A Neo4j driver owns the connection pool its sessions borrow from: one per process until `close()`.
    description: 'Neo4j driver',
    kind: 'client',
    types: [
      { from: 'package', package: 'neo4j-driver-core', name: 'Driver' },
      { from: 'package', package: 'neo4j-driver', name: 'Driver' },
    ],
    factories: fromPackage('neo4j-driver', 'driver', 'default.driver'),
    releases: [{ method: 'close', async: true }],
  },
  {
    description: 'Couchbase cluster',
    kind: 'client',
    types: [{ from: 'package', package: 'couchbase', name: 'Cluster' }],
    factories: awaited(fromPackage('couchbase', 'connect', 'Cluster.connect', 'default.connect')),
    releases: [{ method: 'close', async: true }],
  },
  {
    // `const Memcached = require('memcached'); new Memcached(servers)`: connections to every server until `end()`.
    description: 'Memcached client',
    kind: 'client',
    factories: fromPackage('memcached', 'default'),
    releases: [{ method: 'end' }],
  },
  {
    description: 'ClickHouse client',
    kind: 'client',
    types: [
      { from: 'package', package: '@clickhouse/client-common', name: 'ClickHouseClient' },
      { from: 'package', package: '@clickhouse/client', name: 'ClickHouseClient' },
    ],
    factories: [...fromPackage('@clickhouse/client', 'createClient'), ...fromPackage('@clickhouse/client-web', 'createClient')],
    releases: [{ method: 'close', async: true }],
    // Its keep-alive agent destroys sockets idle for `keep_alive.idle_socket_ttl` (2.5 s by default).
    closesIdleConnections: true,
  },
  {
    // An AMQP connection (and the NATS, Service Bus ones below) is one long-lived socket to the broker.
    description: 'NATS connection',
    kind: 'client',
    types: [{ from: 'package', package: 'nats', name: 'NatsConnection' }],
    factories: awaited([...fromPackage('nats', 'connect'), ...fromPackage('@nats-io/transport-node', 'connect')]),
    releases: [{ method: 'close', async: true }, { method: 'drain', async: true }],
  },
  {
    description: 'Azure Service Bus client',
    kind: 'client',
    types: [{ from: 'package', package: '@azure/service-bus', name: 'ServiceBusClient' }],
    factories: fromPackage('@azure/service-bus', 'ServiceBusClient'),
    releases: [{ method: 'close', async: true }],
  },
  {
    // An HTTP/2 session to one origin carries every request to it: one per origin, reused, until `close()`.
    description: 'HTTP/2 client session',
    kind: 'client',
    types: [{ from: 'package', package: 'http2', name: 'ClientHttp2Session' }],
    factories: fromPackage('http2', 'connect'),
    releases: [{ method: 'close' }, { method: 'destroy' }],
  },
  {
    // `io(url)` connects on creation (autoConnect) and reconnects until `disconnect()`.
    description: 'Socket.IO client',
    kind: 'client',
    types: [{ from: 'package', package: 'socket.io-client', name: 'Socket' }],
    factories: fromPackage('socket.io-client', 'io', 'default', 'connect'),
    releases: [{ method: 'disconnect' }, { method: 'close' }],
  },
  {
    // ZeroMQ sockets (v6 classes, v5 `zmq.socket(type)`) keep their connections and a native
    // context reference until `close()`.
    description: 'ZeroMQ socket',
    kind: 'client',
    types: [{ from: 'package', package: 'zeromq', name: 'Socket' }],
    factories: fromPackage(
      'zeromq',
      'socket',
      'createSocket',
      'Push',
      'Pull',
      'Publisher',
      'Subscriber',
      'Request',
      'Reply',
      'Dealer',
      'Router',
      'Pair',
      'XPublisher',
      'XSubscriber',
    ),
    releases: [{ method: 'close' }],
  },
  {
    // ldapauth-fork: `new LdapAuth(options)` binds an admin client (and, with a cache, keeps users)
    // until `close()`; passport-ldapauth and Verdaccio make one per configured server.
    description: 'LdapAuth client',
    kind: 'client',
    types: [{ from: 'package', package: 'ldapauth-fork', name: 'LdapAuth' }],
    factories: fromPackage('ldapauth-fork', 'default'),
    releases: [{ method: 'close' }],
  },
  {
    // An IMAP session stays logged in until `logout()` (n8n-nodes-imap#17: one per execution).
    description: 'IMAP client',
    kind: 'client',
    types: [{ from: 'package', package: 'imapflow', name: 'ImapFlow' }],
    factories: fromPackage('imapflow', 'ImapFlow'),
    releases: [{ method: 'logout', async: true }, { method: 'close' }],
  },
  {
    // postgres.js: `postgres(url)` is a pool of connections until `sql.end()`.
    description: 'postgres.js pool',
    kind: 'client',
    factories: fromPackage('postgres', 'default'),
    releases: [{ method: 'end', async: true }],
  },
  {
    // A Kysely instance owns its dialect's pool and ends it on `destroy()`.
    description: 'Kysely instance',
    kind: 'client',
    types: [{ from: 'package', package: 'kysely', name: 'Kysely' }],
    factories: fromPackage('kysely', 'Kysely'),
    releases: [{ method: 'destroy', async: true }],
  },
  {
    // A TypeORM data source owns a connection pool from `initialize()` until `destroy()`.
    description: 'TypeORM data source',
    kind: 'client',
    types: [{ from: 'package', package: 'typeorm', name: 'DataSource' }],
    factories: fromPackage('typeorm', 'DataSource'),
    releases: [{ method: 'destroy', async: true }],
  },
  {
    // A Supabase client keeps a realtime WebSocket (and an auth client) of its own (supabase-js#2590).
    description: 'Supabase client',
    kind: 'client',
    types: [{ from: 'package', package: '@supabase/supabase-js', name: 'SupabaseClient' }],
    factories: fromPackage('@supabase/supabase-js', 'createClient'),
    releases: [{ method: 'removeAllChannels', async: true }],
  },

  // ---- collections: bounded caches (no-unbounded-cache leaves them alone)
  {
    description: 'LRU cache',
    kind: 'collection',
    types: [{ from: 'package', package: 'lru-cache', name: 'LRUCache' }],
    releases: [{ method: 'clear' }],
  },
];
