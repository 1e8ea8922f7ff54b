// codemod-options: {"max":120}
const rssSamples: number[] = [];
const recent: string[] = [];

setInterval(() => {
  rssSamples.push(process.memoryUsage().rss);
  if (rssSamples.length > 120) rssSamples.splice(0, rssSamples.length - 120);
}, 1000);

export function remember(line: string): void {
  recent.unshift(line);
  if (recent.length > 120) recent.length = 120;
}

export function average(): number {
  return rssSamples.reduce((sum, sample) => sum + sample, 0) / Math.max(rssSamples.length, 1);
}
