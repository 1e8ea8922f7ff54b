// A config loader that leaks a FileHandle whenever a config file is not valid JSON.
//
// `loadConfig` closes its handle only on the success path: `JSON.parse` and `validate` throw
// before `await fh.close()` is reached, and nothing else closes it. leakguard's `require-close`
// reports it ("released only on the success path"); `try-finally-close` rewrites it.
//
// Run as a script: node read-config.mjs <N>
// It writes N config files (half valid, half not JSON) to a fresh temp dir, loads each once,
// and prints one JSON line: {"program","n","ok","failed","fdsBefore","fdsAfter",...}.
//
// Why the count is honest:
// - Node closes a FileHandle that is garbage-collected while still open ("Warning: Closing file
//   descriptor N on garbage collection", DEP0137; Node plans to make it an error). A GC during the
//   loop therefore hides leaked handles, never invents them: it can only make the original look
//   better than it is. And it does run: on Node 20 a scavenge (minor GC) collects these handles, and
//   with default flags one or two scavenges during 60 loads closed 4 to 27 of the 30 leaked fds.
// - So the test runs this child with a young generation large enough (--min-semi-space-size=16)
//   that the loop's few hundred kilobytes of garbage trigger no scavenge. GC is not disabled, and
//   nothing here keeps a reference to a handle: a leaked handle is unreachable as soon as
//   `loadConfig` throws, exactly as in a real service.
// - The fds are counted from /proc/self/fd right after the loop, before the script yields to
//   anything else; then it reports how many GCs ran during the loop (`gcDuringLoop`, from a
//   PerformanceObserver), and the test counts the "on garbage collection" warnings on stderr.
// - The same flags run the codemod's output, so the comparison is like for like.
import { open } from 'node:fs/promises';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { pathToFileURL } from 'node:url';

function validate(config) {
  if (typeof config !== 'object' || config === null) throw new Error('config must be an object');
  if (typeof config.name !== 'string' || config.name === '') throw new Error('config.name must be a non-empty string');
  if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) throw new Error('config.port must be a port number');
  return config;
}

export async function loadConfig(path) {
  const fh = await open(path, 'r');
  const text = await fh.readFile({ encoding: 'utf8' });
  const config = JSON.parse(text);
  validate(config);
  await fh.close();
  return config;
}

/** Open file descriptors of this process (Linux). */
function countOpenFds() {
  return readdirSync('/proc/self/fd').length;
}

async function main() {
  const n = Number.parseInt(process.argv[2] ?? '60', 10);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`bad N: ${process.argv[2]}`);

  const gcStarts = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcStarts.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  // Made right before the `try` that removes it: the driver owns a temporary directory, released on every path.
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-read-config-'));
  try {
    const paths = [];
    for (let i = 0; i < n; i++) {
      const path = join(dir, `service-${i}.json`);
      // Even: a valid config. Odd: truncated JSON, as an interrupted editor save leaves it.
      const valid = JSON.stringify({ name: `service-${i}`, port: 8000 + i, tags: ['a', 'b'] });
      writeFileSync(path, i % 2 === 0 ? valid : valid.slice(0, valid.length - 7));
      paths.push(path);
    }

    const fdsBefore = countOpenFds();
    let ok = 0;
    let failed = 0;
    const loopStart = performance.now();
    for (const path of paths) {
      try {
        const config = await loadConfig(path);
        if (config.port > 0) ok++;
      } catch {
        failed++;
      }
    }
    const fdsAfter = countOpenFds();
    const loopEnd = performance.now();

    // Let the GC observer deliver what it saw during the loop (entries are queued, not synchronous).
    await new Promise((resolve) => setImmediate(resolve));
    const gcDuringLoop = gcStarts.filter((start) => start >= loopStart && start <= loopEnd).length;
    return { program: 'read-config', n, ok, failed, fdsBefore, fdsAfter, gcDuringLoop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    observer.disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    // Exit once the line is out: nothing is left to measure.
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
