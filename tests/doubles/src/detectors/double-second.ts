import { renamingRule } from './renaming-rule';

/** A test double: `openSecond()` leaks; `double-fix` (which also fixes `double-first`) renames it. */
export const doubleSecond = renamingRule('double-second', 'openSecond');
