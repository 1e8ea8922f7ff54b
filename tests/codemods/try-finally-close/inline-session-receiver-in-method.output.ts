import type { Model } from 'mongoose';

export class Repository<T> {
  constructor(private readonly model: Model<T>) {}

  async withTransaction<R>(fn: (session: unknown) => Promise<R>): Promise<R> {
    const session = await this.model.db.startSession();
    try {
      return await session.withTransaction(fn);
    } finally {
      await session.endSession();
    }
  }
}
