// Bundled or terse JSX: the statement's line starts inside JSX text, where a comment would be
// rendered; the marker goes right before the statement instead.
import fs from 'fs';

export function Files({ paths }) {
  return <ul>
    {paths.map((p) => { const fd = fs.openSync(p, 'r'), size = 10; const buf = Buffer.alloc(size); fs.readSync(fd, buf); fs.closeSync(fd); return <li key={p}>{buf.toString()}</li>; })}
  </ul>;
}
