import DataLoader from 'dataloader';

const MAX_BATCH_SIZE = 300;

// A factory run at load: the loader lives as long as the module, keyed by an object made per call.
export const batchLoader = (loader) => {
  const dataLoader = new DataLoader(
    (objects) => loader(objects[0].context, objects.map((object) => object.id)),
    {
      maxBatchSize: MAX_BATCH_SIZE,
    },
  );
  return { load: (id, context) => dataLoader.load({ id, context }) };
};

const creatorLoader = batchLoader(async (context, ids) => ids.map((id) => context.store.findCreator(id)));

export const reportResolvers = {
  Report: {
    creator: (report, _, context) => creatorLoader.load(report.creatorId, context),
  },
};
