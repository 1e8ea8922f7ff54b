import type { TSESTree } from '@typescript-eslint/utils';

/** Move the statements after an acquisition into `try { … } finally { <release> }`, or declare it with `using`. */
export interface WrapInTryFinallyPlan {
  readonly kind: 'wrap-in-try-finally';
  /** The `const x = acquire()` statement; undefined for a callback's parameter (`chainFinally`). */
  readonly declaration: TSESTree.VariableDeclaration | undefined;
  /**
   * The handle's variable is declared earlier (`let producer;`, a parameter the caller may leave out)
   * and given the handle inside this statement (`if (!client) { client = await pool.connect(); }`):
   * the `try` starts right after it. `using` is then not an option.
   */
  readonly acquiredIn?: TSESTree.Statement;
  /**
   * The handle is a parameter the function was handed to release (see releasing-helper-parameters):
   * the `try` starts at the first statement of this body. `declaration` and `acquiredIn` are then undefined.
   */
  readonly fromBodyStart?: TSESTree.BlockStatement;
  /** First and last statement (same statement list as `declaration`) that the `try` block covers. */
  readonly first: TSESTree.Statement;
  readonly last: TSESTree.Statement;
  /**
   * Existing release statements that the `finally` replaces (a second close could close a reused fd);
   * with `acquiredIn`, the statement that holds them, guard included (`if (ownClient) { … }`).
   */
  readonly removals: readonly TSESTree.Statement[];
  /** The release statement, e.g. `await fh.close();`. */
  readonly release: string;
  /** Typed mode: the handle's type implements disposal, so `using`/`await using` can replace the `try`. */
  readonly disposal: 'async' | 'sync' | undefined;
  /** Whether the owning function is async (`await using` needs it). */
  readonly inAsyncFunction: boolean;
  /**
   * `createInterface({ input: fs.createReadStream(p) })` whose interface is already released in a
   * `finally`: the inline option becomes a `const` before the borrower's declaration (`declaration`),
   * and its release follows the borrower's in that `finally`. The wrap fields are then not used.
   */
  readonly hoist?: HoistedOption;
  /**
   * `stream.pipe(res)` into a connection peer: `res.on('close', () => stream.destroy());` goes right
   * before the pipe (ecstatic's fix). The wrap fields are then not used.
   */
  readonly destroyOnPeerClose?: {
    readonly pipe: TSESTree.ExpressionStatement;
    readonly statement: string;
    /**
     * `createReadStream(p).pipe(res)`: the stream had no name, so the pipe statement is replaced by
     * `const <name> = <source>;`, the 'close' listener, and `<name>.pipe(res);`.
     */
    readonly hoisted?: { readonly declaration: string; readonly pipe: string };
    /** The listener goes on the piping source's 'error' (it failed), not on a peer's 'close'. */
    readonly onSourceError?: boolean;
  };
  /**
   * Handed over on success (returned, piped, stored): the release goes in `catch (<name>) { release;
   * throw <name>; }` instead of `finally`, so the one who takes it over still gets it open.
   */
  readonly onErrorOnly?: boolean;
  /**
   * `finally { if (a) await a.close(); if (b) await b.close(); }`: the statements before this handle's
   * release go into a `try` whose `finally` is that release, so one failing close cannot skip the next.
   * The wrap fields are then not used.
   */
  readonly guardEarlierStatements?: { readonly first: TSESTree.Statement; readonly release: TSESTree.Statement };
  /**
   * `const s = …; await s.begin(); try { … } finally { release }`: the statements between the
   * declaration and the `try` whose `finally` releases it move to the start of that `try`. The wrap
   * fields are then not used.
   */
  /**
   * Released only in `.then` callbacks: the release leaves them and the chain ends with
   * `.finally(() => <release>)`. The wrap fields are then not used.
   */
  readonly chainFinally?: { readonly chainEnd: TSESTree.Node; readonly release: string; readonly removals: readonly TSESTree.ExpressionStatement[] };
  /**
   * A resource that lives until a promise settles: its release goes right before each settle call
   * that leaves it open (`client.close();` before the timeout's `reject(…)`). The wrap fields are then
   * not used.
   */
  readonly releaseBeforeSettles?: {
    readonly statements: readonly TSESTree.Statement[];
    readonly release: string;
    /** The statements are the `return`s of a Node-style callback that leave the handle open, not settle calls. */
    readonly returns?: boolean;
    /** The statement is an error handler's `slot = null` that drops the handle (see slotDroppedOnError). */
    readonly drops?: boolean;
    /** The statement fills the slot again with a new handle (see slotReplacedOnRerun): the previous one goes first. */
    readonly replaces?: boolean;
    /** Callback bodies that control runs off with the handle open: the release goes after their last statement. */
    readonly ends?: readonly TSESTree.BlockStatement[];
    /** The one body in `ends` is the class's teardown method (`dispose()`), which left a field open (see teardown-fields). */
    readonly teardown?: boolean;
  };
  /**
   * `fs.createReadStream(zip).pipe(parser).on('error', (err) => …)`: the source gets a `const` of its
   * own (when it had no name) and the destination's 'error' listener destroys it first. The wrap
   * fields are then not used.
   */
  readonly destroyInErrorListener?: {
    /** The statement holding the pipe, before which the `const` goes. */
    readonly statement: TSESTree.Statement;
    /** `const source = fs.createReadStream(zip);` and the inline source it names, when it had no name. */
    readonly hoisted?: { readonly declaration: string; readonly source: TSESTree.Node; readonly name: string };
    readonly listener: TSESTree.FunctionLike;
    /** `source.destroy();` */
    readonly release: string;
  };
  readonly moveIntoTry?: { readonly first: TSESTree.Statement; readonly last: TSESTree.Statement; readonly into: TSESTree.TryStatement };
  /**
   * `fs.openSync(path, 'w');` run for its effect alone: nothing reads the descriptor, so it is closed
   * at once (`fs.closeSync(fs.openSync(path, 'w'))`). The wrap fields are then not used.
   */
  readonly closeAtOnce?: { readonly call: TSESTree.Node; readonly text: string };
  /**
   * `return await (await db.startSession()).withTransaction(fn);`: opened inline as the receiver of
   * one awaited call. `declaration` (`const session = await db.startSession();`) goes before the
   * statement, `receiver` (the text up to the method's name) becomes `<name>.`, and the statement goes
   * into a `try` whose `finally` is `release`. The wrap fields are then not used.
   */
  readonly inlineReceiver?: { readonly statement: TSESTree.Statement; readonly declaration: string; readonly receiver: TSESTree.Range; readonly name: string };
}

export interface HoistedOption {
  readonly property: TSESTree.Property;
  /** The `const` that now holds it, and its release statement (`input.destroy();`). */
  readonly name: string;
  readonly text: string;
  readonly release: string;
  /** The borrower's release statement in the `finally`: the hoisted release goes right after it. */
  readonly after: TSESTree.ExpressionStatement;
  readonly semicolon: boolean;
}
