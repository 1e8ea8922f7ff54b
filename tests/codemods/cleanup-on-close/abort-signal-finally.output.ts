export async function download(url: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  const onAbort2 = () => console.log('download stopped', url);
  options.signal?.addEventListener('abort', onAbort2);
  try {
    const response = await fetch(url);
    return await response.text();
  } finally {
    options.signal?.removeEventListener('abort', onAbort2);
  }
}

export async function waitForJob(id: string, signal: AbortSignal): Promise<void> {
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      if (await isDone(id)) return;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function onAbort(): void {
  console.log('aborted');
}

declare function isDone(id: string): Promise<boolean>;
