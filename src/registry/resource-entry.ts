import type { DeclarationSpecifier, FactorySpecifier, ReleaseSpecifier } from './specifiers';

/**
 * - `client`: owns connections and is meant to live long (one per process, injected).
 * - `handle`: must be released in the scope that opened it.
 * - `collection`, `timer`, `listener`: long-lived state that must be bounded or removed.
 */
export type ResourceKind = 'client' | 'handle' | 'collection' | 'timer' | 'listener';

export interface ResourceEntry {
  /** What users call it in messages: "file handle", "pg pool client". */
  readonly description: string;
  readonly kind: ResourceKind;
  /** Typed mode: the acquired value's type, matched on the type and its base types. */
  readonly types?: readonly DeclarationSpecifier[];
  /** Both modes: calls or constructors that acquire it (the only way to know a number is a file descriptor). */
  readonly factories?: readonly FactorySpecifier[];
  /** Each of these releases it; the first one is what a fix inserts. */
  readonly releases: readonly ReleaseSpecifier[];
  /**
   * A client with no connection of its own to close (Google Cloud `Storage`, `BigQuery`: JSON over
   * shared HTTP agents): one per call costs its own credentials and token traffic, not an open socket,
   * and the message says so.
   */
  readonly ownsNoConnection?: boolean;
  /**
   * A client whose idle connections close themselves after a few seconds (`@clickhouse/client`'s
   * `keep_alive.idle_socket_ttl`, 2.5 s by default): a close skipped when a call throws leaves nothing
   * open for long, so "released only on success" is no leak; one per call is still churn.
   */
  readonly closesIdleConnections?: boolean;
  /**
   * An option of the factory's first argument without which the value holds no connection of its
   * own: nodemailer's `createTransport({ pool: true })` keeps pooled SMTP connections until
   * `close()`, while without `pool` each `sendMail` opens, then quits, its own connection, and
   * `close()` only emits 'close'. Given an object literal that does not set it (or sets it false), or
   * a URL string without `<option>=true`, the call acquires nothing (another string names a transport
   * of nodemailer 0.x's API, `createTransport('SMTP', …)`, pooled by default). A value the code does not write
   * out (a config object, a spread) may set it: still an acquisition.
   */
  readonly connectionsOnlyWith?: string;
  /**
   * Options of the acquiring call that it only borrows: releasing it does not release them
   * (`readline.createInterface({ input })` leaves `input` open on `close()`).
   */
  readonly borrowedOptions?: readonly string[];
  /**
   * Options naming a connection it runs over and ends with (`tls.connect({ socket })`): made over a
   * connection the function was given, it belongs to whoever owns that connection.
   */
  readonly layeredOnOptions?: readonly string[];
  /**
   * Its methods that report failure asynchronously (an `'error'` event), never by throwing:
   * `stream.write(chunk)` between opening and closing does not make the close "success-only".
   */
  readonly quietMethods?: readonly string[];
  /**
   * Methods that open what the value holds, when making it opens nothing (pg's `Client` connects in
   * `connect()`): until one of them is called there is nothing to release, so a throw between
   * `new Client(…)` and a `try { await client.connect(); … } finally { await client.end(); }` leaks
   * nothing.
   */
  readonly opensWith?: readonly string[];
  /**
   * Its methods that return the handle itself (a builder): `cursor.sort(…).limit(…).toArray()` is one
   * cursor, released by the `toArray()` at the end of the chain.
   */
  readonly chainingMethods?: readonly string[];
  /**
   * It ends by itself when its work completes (a request once its response is read, a child process
   * when it exits): no path needs to release it, except one that gives up waiting on it (a timeout,
   * an abort), which must end it there.
   */
  readonly endsOnItsOwn?: boolean;
  /**
   * Typed mode: only its `factories` make one. Libraries whose objects point at each other hand back
   * existing ones from plain accessors (`page.browser()`, `page.context()`,
   * `browser.defaultBrowserContext()`): a call returning the type is no acquisition unless it is one
   * of the listed factories.
   */
  readonly madeOnlyByFactories?: boolean;
  /**
   * Its events report on work it does for its owner (a page's `response`, `console`, `dialog`): it
   * never ends with a peer or an input, so wiring a listener on it is a use, not a hand-off to the
   * listener. Without this, a handle with listeners (a socket, a stream) lives on in them.
   */
  readonly outlivesItsListeners?: boolean;
  /**
   * Its `connect()` may run again on a connected client (MongoDB's is a no-op then, Prisma's
   * `$connect()` too). Others reject the second call (pg, node-redis), so a client shared by the
   * singleton-client codemod must not keep a per-call `connect()`.
   */
  readonly connectsIdempotently?: boolean;
  /**
   * Values that only this resource is built from: `new X(address, grpc.credentials.createInsecure())`
   * makes a gRPC client whatever `X` is (a `loadPackageDefinition` constructor has no useful type).
   */
  readonly constructedWith?: readonly FactorySpecifier[];
  /**
   * Untyped mode: every class a family of packages exports under a naming convention, for SDKs with
   * one package per service (`new S3Client(…)`, `new SQSClient(…)` from `@aws-sdk/client-*`). Typed
   * mode matches their common base class through `types`, when the packages are installed.
   */
  readonly constructorFamilies?: readonly ConstructorFamily[];
}

/** Classes exported by any package whose name starts with `packagePrefix`, named `<something><nameSuffix>` (when given). */
export interface ConstructorFamily {
  readonly packagePrefix: string;
  readonly nameSuffix?: string;
  /**
   * Also the class named after the package's own part (`S3` from `@aws-sdk/client-s3`,
   * `CloudWatchLogs` from `@aws-sdk/client-cloudwatch-logs`): an SDK's aggregated client, which
   * extends the `<Service>Client` and owns the same connections.
   */
  readonly namedAfterPackage?: boolean;
}
