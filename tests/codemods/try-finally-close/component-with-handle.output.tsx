/** @jsx h */
import { open } from 'node:fs/promises';

// A dependency-free server renderer: components return HTML strings.
function h(tag: string, props: Record<string, string> | null, ...children: string[]): string {
  const attributes = Object.entries(props ?? {}).map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${tag}${attributes}>${children.join('')}</${tag}>`;
}

declare namespace h.JSX {
  type Element = string;
  interface IntrinsicElements {
    [tag: string]: Record<string, string>;
  }
}

export async function ChangelogSection({ path, version }: { path: string; version: string }): Promise<string> {
  const changelog = await open(path);
  try {
    const text = await changelog.readFile('utf8');
    const section = text.split(/^## /m).find((part) => part.startsWith(version)) ?? 'No notes.';
    return (
      <section class="changelog">
        <h2>{version}</h2>
        <pre>{section}</pre>
      </section>
    );
  } finally {
    await changelog.close();
  }
}
