/** A mistake on the command line: reported as `leakguard: <message>` with exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
