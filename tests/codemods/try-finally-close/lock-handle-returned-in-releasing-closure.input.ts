import fs from 'node:fs/promises';

export async function lock(path: string) {
  const handle = await fs.open(path, 'wx');
  await handle.writeFile(String(process.pid));
  return {
    path,
    release: async () => {
      await handle.close();
      await fs.rm(path, { force: true });
    },
  };
}
