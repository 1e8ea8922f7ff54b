import mem from 'mem';

declare function queryRoles(userId: string): Promise<string[]>;

export const getRoles = mem(async (userId: string) => queryRoles(userId), { maxAge: 10_000 });

export async function isStaff(userId: string): Promise<boolean> {
  return (await getRoles(userId)).includes('staff');
}
