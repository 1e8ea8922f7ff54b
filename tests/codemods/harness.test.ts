/**
 * Every shipped codemod against its fixtures in tests/codemods/<codemod>/ (see README.md here and
 * support/fixture-harness.ts for what each fixture is checked for).
 */
import { codemodDescriptors } from '../../src/descriptors/catalog';
import { describeCodemodFixtures } from './support/fixture-harness';

describeCodemodFixtures(codemodDescriptors, __dirname);
