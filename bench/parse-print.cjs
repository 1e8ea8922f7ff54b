// The baseline of the codemod throughput: parse and print every file with jscodeshift (recast),
// the parser chosen per file as leakguard's codemods choose theirs (no JSX in .ts, JSX elsewhere).
// Returning the printed text, not undefined, so recast's printer really runs.
module.exports = function parseAndPrint(file, api) {
  const parser = /\.[cm]?ts$/.test(file.path) ? 'ts' : 'tsx';
  return api.jscodeshift.withParser(parser)(file.source).toSource();
};
