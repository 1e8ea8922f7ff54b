// A log tailer that leaks a file descriptor on its early exits.
//
// `tailLog` opens the file with `fs.openSync` and closes it with `fs.closeSync` only at the end:
// the early `return` for an empty log and the `throw` for a file that is not a log skip the
// close. leakguard's `require-close` reports it; `try-finally-close` rewrites it.
//
// Run as a script: node tail-log.mjs <N>
// It writes N log files to a fresh temp dir (a third well-formed, a third empty, a third not a log),
// tails each once, and prints one JSON line: {"program","n","ok","empty","failed","fdsBefore","fdsAfter"}.
//
// A bare fd is a number: no GC ever closes it, so this count is deterministic under any flags.
import fs from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MAGIC = 'LOG1\n';

/** The last `maxLines` lines of a log file written by our agent (first line: the format marker). */
export function tailLog(path, maxLines = 5, maxBytes = 4096) {
  const fd = fs.openSync(path, 'r');
  const header = Buffer.alloc(MAGIC.length);
  const headerBytes = fs.readSync(fd, header, 0, MAGIC.length, 0);
  if (headerBytes === 0) return [];
  if (header.toString('latin1', 0, headerBytes) !== MAGIC) {
    throw new Error(`${path}: not a log file`);
  }
  const { size } = fs.fstatSync(fd);
  const length = Math.min(size - MAGIC.length, maxBytes);
  const buffer = Buffer.alloc(length);
  const bytesRead = fs.readSync(fd, buffer, 0, length, size - length);
  fs.closeSync(fd);
  const lines = buffer.toString('utf8', 0, bytesRead).split('\n').filter((line) => line !== '');
  return lines.slice(-maxLines);
}

/** Open file descriptors of this process (Linux). */
function countOpenFds() {
  return fs.readdirSync('/proc/self/fd').length;
}

function main() {
  const n = Number.parseInt(process.argv[2] ?? '60', 10);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`bad N: ${process.argv[2]}`);

  const dir = fs.mkdtempSync(join(tmpdir(), 'leakguard-tail-log-'));
  try {
    const paths = [];
    for (let i = 0; i < n; i++) {
      const path = join(dir, `agent-${i}.log`);
      const entries = Array.from({ length: 20 }, (_, line) => `2024-05-0${1 + (line % 9)}T12:00:00Z agent-${i} event ${line}\n`);
      // 0: a log; 1: an empty file (agent started, wrote nothing yet); 2: a core dump someone named .log.
      const content = i % 3 === 0 ? MAGIC + entries.join('') : i % 3 === 1 ? '' : '\u007fELF\u0002\u0001\u0001\u0000 not a log';
      fs.writeFileSync(path, content);
      paths.push(path);
    }

    const fdsBefore = countOpenFds();
    let ok = 0;
    let empty = 0;
    let failed = 0;
    for (const path of paths) {
      try {
        const lines = tailLog(path);
        if (lines.length === 0) empty++;
        else if (lines.length === 5 && lines[4].endsWith('event 19')) ok++;
        else throw new Error(`${path}: unexpected tail ${JSON.stringify(lines)}`);
      } catch (error) {
        if (!String(error.message).endsWith('not a log file')) throw error;
        failed++;
      }
    }
    const fdsAfter = countOpenFds();
    return { program: 'tail-log', n, ok, empty, failed, fdsBefore, fdsAfter };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const result = main();
    process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
