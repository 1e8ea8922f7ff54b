import { renamingRule } from './renaming-rule';

/** A test double: `openFirst()` leaks; `double-fix` (which also fixes `double-second`) renames it. */
export const doubleFirst = renamingRule('double-first', 'openFirst');
