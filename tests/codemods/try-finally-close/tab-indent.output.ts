import { open } from 'node:fs/promises';

export async function readVersion(packageJsonPath: string): Promise<string> {
	const fh = await open(packageJsonPath);
	try {
		const { version } = JSON.parse(await fh.readFile('utf8')) as { version?: string };
		if (version === undefined) {
			throw new Error(`${packageJsonPath} has no version`);
		}
		return version;
	} finally {
		await fh.close();
	}
}
