import type { Model } from 'mongoose';

export class Repository<T> {
  constructor(private readonly model: Model<T>) {}

  async withTransaction<R>(fn: (session: unknown) => Promise<R>): Promise<R> {
    /* leakguard-todo(try-finally-close): the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first */
    return await (await this.model.db.startSession()).withTransaction(fn);
  }
}
