import type { Model } from 'mongoose';

export class Repository<T> {
  constructor(private readonly model: Model<T>) {}

  async withTransaction<R>(fn: (session: unknown) => Promise<R>): Promise<R> {
    return await (await this.model.db.startSession()).withTransaction(fn);
  }
}
