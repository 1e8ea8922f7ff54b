// Reads V8 .cpuprofile files (node --cpu-prof) and says where the time goes: self time per
// function, and, for samples that have a leakguard frame (dist/) on the stack, the deepest such
// frame with its callees included — "this leakguard function, including the TypeScript or
// typescript-estree work it asked for".
import fs from 'node:fs';
import path from 'node:path';

const repoPrefix = (url, repoRoot) => url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '');

export function summarizeProfiles(files, repoRoot, top = 15) {
  const self = new Map();
  const byFile = new Map();
  const deepestOurs = new Map();
  let totalUs = 0;
  let oursUs = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const label = (node) => {
      const { functionName, url, lineNumber } = node.callFrame;
      return `${repoPrefix(url, repoRoot) || '(native)'}:${functionName || '(anonymous)'}:${lineNumber + 1}`;
    };
    const isOurs = (node) => node.callFrame.url.startsWith(`file://${repoRoot}/dist/`);
    // Sample i lasted timeDeltas[i + 1]; close enough: use each sample's own delta.
    profile.samples.forEach((id, index) => {
      const us = profile.timeDeltas[index] ?? 0;
      const leaf = nodes.get(id);
      if (!leaf || ['(idle)', '(program)'].includes(leaf.callFrame.functionName)) return;
      totalUs += us;
      const leafLabel = leaf.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : label(leaf);
      self.set(leafLabel, (self.get(leafLabel) ?? 0) + us);
      const leafFile = repoPrefix(leaf.callFrame.url, repoRoot) || '(native/gc)';
      const fileKey = leafFile.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*/, 'node_modules/$1');
      byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
      for (let current = leaf; current; current = nodes.get(parent.get(current.id))) {
        if (isOurs(current)) {
          const key = label(current);
          deepestOurs.set(key, (deepestOurs.get(key) ?? 0) + us);
          oursUs += us;
          break;
        }
      }
    });
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const rank = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: ms(us), share: Math.round((1000 * us) / totalUs) / 10 }));
  return {
    profiles: files.map((file) => path.basename(file)),
    busyMs: ms(totalUs),
    underLeakguardMs: ms(oursUs),
    selfByPackageOrFile: rank(byFile),
    selfByFunction: rank(self),
    deepestLeakguardFrameInclusive: rank(deepestOurs),
  };
}

// Run directly (`node bench/profile-summary.mjs <dir>`), not when bench/run.mjs imports it.
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2]) {
  const directory = process.argv[2];
  const files = fs.readdirSync(directory).filter((name) => name.endsWith('.cpuprofile')).map((name) => path.join(directory, name));
  console.log(JSON.stringify(summarizeProfiles(files, path.resolve(process.argv[3] ?? '.')), null, 2));
}
