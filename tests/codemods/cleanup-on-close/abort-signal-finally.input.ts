export async function download(url: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  options.signal?.addEventListener('abort', () => console.log('download stopped', url));
  const response = await fetch(url);
  return response.text();
}

export async function waitForJob(id: string, signal: AbortSignal): Promise<void> {
  signal.addEventListener('abort', onAbort, { once: true });
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await isDone(id)) return;
  }
}

function onAbort(): void {
  console.log('aborted');
}

declare function isDone(id: string): Promise<boolean>;
