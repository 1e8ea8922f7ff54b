import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A method the registry knows makes handles (`Driver.session()` of neo4j, `newPage()`,
 * `createQueryRunner()` …) called on a receiver whose type the file does not show
 * (`context.driver.session()`: the driver arrives in a GraphQL context), whose value the function
 * then releases itself: its own release call says it holds a handle, as for any acquiring call, and
 * whether the release runs on every path is the rule's question (Human-Connection's slug check: a
 * failing query skipped `session.close()`, and the leaked bolt sessions exhausted the server). A value
 * the function never releases says nothing. Same verdicts in both modes (neo4j's types are not installed).
 */
const slugCheck = (body: string) => `
interface Context { driver: { session(): { run(query: string, params: object): Promise<{ records: unknown[] }>; close(): Promise<void> } } }
export function isUniqueFor(context: Context, label: string) {
  return async (slug: string): Promise<boolean> => {
${body}
  };
}`;

const valid = [
  {
    name: 'the session is closed in a finally',
    code: slugCheck(`    const session = context.driver.session();
    try {
      const response = await session.run('MATCH (n:' + label + ' {slug: $slug}) RETURN n', { slug });
      return response.records.length === 0;
    } finally {
      await session.close();
    }`),
  },
  {
    name: 'a session the function never releases: no evidence of a handle here',
    code: slugCheck(`    const session = context.driver.session();
    const response = await session.run('MATCH (n {slug: $slug}) RETURN n', { slug });
    return response.records.length === 0;`),
  },
];

const invalid = [
  {
    name: 'the session is closed only after the query succeeds (Human-Connection)',
    code: slugCheck(`    const session = context.driver.session();
    const response = await session.run('MATCH (n:' + label + ' {slug: $slug}) RETURN n', { slug });
    session.close();
    return response.records.length === 0;`),
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: slugCheck(`    const session = context.driver.session();
    try {
      const response = await session.run('MATCH (n:' + label + ' {slug: $slug}) RETURN n', { slug });
      return response.records.length === 0;
    } finally {
      session.close();
    }`),
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (registry factory methods on unknown receivers, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (registry factory methods on unknown receivers, untyped)', rule, { valid, invalid });
