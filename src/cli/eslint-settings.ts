import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';

/** What the user's ESLint config says that the codemods must honour to fix exactly what the rules report. */
export interface LintSettings {
  /** `settings.leakguard`: extra resources and owners. */
  readonly settings: unknown;
  /** Options of each rule the codemods fix, by rule name. */
  readonly ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface LintSettingsSource {
  forFile(filePath: string): Promise<LintSettings>;
  /** Why the config could not be read (once), for a warning; undefined when it was read or absent. */
  readonly problem: string | undefined;
}

const none: LintSettings = { settings: undefined, ruleOptions: {} };

interface EslintLike {
  calculateConfigForFile(filePath: string): Promise<{ settings?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined>;
}

/**
 * Reads the ESLint flat config that covers each file (ESLint is a peer dependency), so a custom
 * registry in `settings.leakguard` or `unknownCallsTakeOwnership: false` changes the CLI's
 * findings exactly as it changes the rule's. No config, or one that fails to load: defaults.
 */
export async function createLintSettingsSource(cwd: string, codemods: readonly AnyCodemodDescriptor[]): Promise<LintSettingsSource> {
  let eslint: EslintLike | undefined;
  let problem: string | undefined;
  try {
    const { ESLint } = (await import('eslint')) as unknown as { ESLint: new (options: { cwd: string }) => EslintLike };
    eslint = new ESLint({ cwd });
  } catch (error) {
    problem = `cannot load ESLint (${(error as Error).message}); using default settings`;
  }
  const source: { problem: string | undefined; forFile(filePath: string): Promise<LintSettings> } = {
    problem,
    async forFile(filePath) {
      if (!eslint) return none;
      let config;
      try {
        config = await eslint.calculateConfigForFile(filePath);
      } catch (error) {
        const message = (error as Error).message;
        // No eslint.config.* at all is normal for a one-off migration.
        if (!/config file|No ESLint configuration/i.test(message)) source.problem ??= `cannot read the ESLint config (${message.split('\n')[0]}); using default settings`;
        return none;
      }
      if (!config) return none;
      const ruleOptions: Record<string, Record<string, unknown>> = {};
      for (const rule of new Set(codemods.flatMap((codemod) => codemod.fixes))) {
        const entry = config.rules?.[`leakguard/${rule.name}`];
        const options = Array.isArray(entry) ? (entry[1] as unknown) : undefined;
        if (options && typeof options === 'object') ruleOptions[rule.name] = options as Record<string, unknown>;
      }
      return { settings: config.settings?.leakguard, ruleOptions };
    },
  };
  return source;
}
