import type { Catalog } from '../../../../src/descriptors/catalog';
import type { AnyCodemodDescriptor } from '../../../../src/descriptors/codemod-descriptor';
import type { AnyRuleDescriptor } from '../../../../src/descriptors/rule-descriptor';
import { doubleFirst } from '../detectors/double-first';
import { doubleFix } from '../codemods/double-fix';
import { doubleSecond } from '../detectors/double-second';
import { doubleSuggestOnly } from '../detectors/double-suggest-only';

export const ruleDescriptors = [doubleFirst, doubleSecond, doubleSuggestOnly] as const satisfies readonly AnyRuleDescriptor[];

export const codemodDescriptors = [doubleFix] as const satisfies readonly AnyCodemodDescriptor[];

/** No worker module: a catalog of TypeScript sources runs in the CLI's own thread. */
export const catalog: Catalog = { rules: ruleDescriptors, codemods: codemodDescriptors };
