// One config at the workspace root serves every package: ESLint finds it from each package's
// directory, and the project service picks each file's nearest tsconfig.json.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import leakguard from 'eslint-plugin-leakguard';

export default defineConfig(
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    extends: [leakguard.configs['recommended-type-checked']],
  },
  { files: ['**/*.{js,mjs,cjs,jsx}'], extends: [leakguard.configs.recommended] },
);
