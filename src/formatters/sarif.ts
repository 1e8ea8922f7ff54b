/**
 * An ESLint formatter that writes SARIF 2.1.0, for CI code scanning (GitHub's upload-sarif action and
 * any other SARIF consumer):
 *
 *   npx eslint . -f ./node_modules/eslint-plugin-leakguard/dist/src/formatters/sarif.js -o eslint.sarif
 *
 * Our own rather than @microsoft/eslint-formatter-sarif, which pulls ESLint 8 into the tree.
 *
 * Shape: one run whose driver is ESLint (the tool that ran, so results of every plugin's rules are
 * attributed correctly and the output can replace Microsoft's formatter), with leakguard recorded as
 * an extension. Every rule that has a result is a `reportingDescriptor` with its description and its
 * docs URL as `helpUri` when ESLint knows them (`context.rulesMeta`); results point at it by
 * `ruleIndex`. Paths under ESLint's cwd are relative to the `%SRCROOT%` base id, so the log does not
 * depend on the checkout directory of the CI runner; files outside it keep absolute `file:` URIs.
 * Inline `eslint-disable` comments and bulk suppressions become SARIF suppressions (code scanning
 * shows them as closed), and files ESLint could not parse become tool execution notifications.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { version as leakguardVersion } from '../version';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
const LEAKGUARD_INFORMATION_URI = 'https://github.com/leakguard/eslint-plugin-leakguard';

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifMessage {
  text: string;
}

interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
}

interface SarifReportingDescriptor {
  id: string;
  shortDescription?: SarifMessage;
  helpUri?: string;
}

interface SarifSuppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  suppressions?: SarifSuppression[];
}

interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
}

interface SarifToolComponent {
  name: string;
  version?: string;
  informationUri: string;
  rules?: SarifReportingDescriptor[];
}

interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: SarifToolComponent; extensions: SarifToolComponent[] };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }>;
    results: SarifResult[];
  }>;
}

/** The ESLint that resolves next to this file: the peer dependency that is running us. */
function eslintVersion(): string | undefined {
  try {
    const manifestPath = require.resolve('eslint/package.json');
    return (JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** A directory as a `file:` URI with the trailing slash SARIF requires of a base URI (§3.14.14). */
function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function artifactLocation(filePath: string, sourceRoot: string): SarifArtifactLocation {
  const relative = path.relative(sourceRoot, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/**
 * ESLint's columns are 1-based UTF-16 offsets and its end column points just past the last character,
 * which is exactly SARIF's `utf16CodeUnits` region with an exclusive `endColumn` (§3.30.2).
 */
function region(message: Linter.LintMessage): SarifRegion | undefined {
  if (!(message.line >= 1)) return undefined;
  const result: SarifRegion = { startLine: message.line };
  if (message.column >= 1) result.startColumn = message.column;
  if (message.endLine !== undefined && message.endLine >= message.line) {
    result.endLine = message.endLine;
    if (message.endColumn !== undefined && message.endColumn >= 1) result.endColumn = message.endColumn;
  }
  return result;
}

function location(message: Linter.LintMessage, artifact: SarifArtifactLocation): SarifLocation {
  const messageRegion = region(message);
  return { physicalLocation: messageRegion ? { artifactLocation: artifact, region: messageRegion } : { artifactLocation: artifact } };
}

const level = (message: Linter.LintMessage): SarifLevel => (message.severity === 2 ? 'error' : 'warning');

/** `directive`: an `eslint-disable` comment in the file; `file`: ESLint's bulk suppressions file. */
function suppressions(message: Linter.SuppressedLintMessage): SarifSuppression[] {
  return message.suppressions.map((suppression) => {
    const converted: SarifSuppression = { kind: suppression.kind === 'directive' ? 'inSource' : 'external' };
    if (suppression.justification) converted.justification = suppression.justification;
    return converted;
  });
}

function sarifFormatter(results: ESLint.LintResult[], context?: Partial<ESLint.LintResultData>): string {
  const sourceRoot = context?.cwd ?? process.cwd();
  const rulesMeta = context?.rulesMeta ?? {};
  const rules: SarifReportingDescriptor[] = [];
  const ruleIndexes = new Map<string, number>();
  const sarifResults: SarifResult[] = [];
  const notifications: SarifNotification[] = [];

  const ruleIndex = (ruleId: string): number => {
    const known = ruleIndexes.get(ruleId);
    if (known !== undefined) return known;
    const descriptor: SarifReportingDescriptor = { id: ruleId };
    const docs = rulesMeta[ruleId]?.docs;
    if (docs?.description) descriptor.shortDescription = { text: docs.description };
    if (docs?.url) descriptor.helpUri = docs.url;
    ruleIndexes.set(ruleId, rules.length);
    rules.push(descriptor);
    return rules.length - 1;
  };

  const toResult = (message: Linter.LintMessage, artifact: SarifArtifactLocation): SarifResult => {
    // A message without a rule (an unused disable directive) is still a finding: SARIF allows no ruleId.
    const rule = message.ruleId ? { ruleId: message.ruleId, ruleIndex: ruleIndex(message.ruleId) } : {};
    return { ...rule, level: level(message), message: { text: message.message }, locations: [location(message, artifact)] };
  };

  for (const lintResult of results) {
    const artifact = artifactLocation(lintResult.filePath, sourceRoot);
    for (const message of lintResult.messages) {
      if (message.fatal) {
        // The file was not analysed (a parse error): a fact about the run, not a finding of a rule.
        notifications.push({ level: 'error', message: { text: message.message }, locations: [location(message, artifact)] });
      } else {
        sarifResults.push(toResult(message, artifact));
      }
    }
    for (const message of lintResult.suppressedMessages ?? []) {
      sarifResults.push({ ...toResult(message, artifact), suppressions: suppressions(message) });
    }
  }

  const eslintRelease = eslintVersion();
  const eslint: SarifToolComponent = { name: 'ESLint', ...(eslintRelease ? { version: eslintRelease } : {}), informationUri: 'https://eslint.org', rules };

  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: eslint,
          extensions: [{ name: 'eslint-plugin-leakguard', version: leakguardVersion, informationUri: LEAKGUARD_INFORMATION_URI }],
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(sourceRoot) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

export = sarifFormatter;
