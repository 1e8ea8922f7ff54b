/**
 * Every codemod's descriptor, from the one list in src/descriptors/catalog.ts; each one's transform for
 * `jscodeshift -t` is `codemods/<name>.ts`.
 */
export { codemodDescriptors as codemods } from '../src/descriptors/catalog';
