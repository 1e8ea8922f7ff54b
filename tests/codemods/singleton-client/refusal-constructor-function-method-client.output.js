const { S3 } = require('@aws-sdk/client-s3');

function Storage(config) {
  this.createClient = function (stage) {
    return new S3({ region: stage.region, credentials: stage.credentials });
  };
  this.head = async function (stage, key) {
    /* leakguard-todo(singleton-client): its arguments use `this`, a value of this call: one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done */
    const client = this.createClient(stage);
    const result = await client.headObject({ Bucket: config.bucket, Key: key });
    return result.ContentLength;
  };
}

module.exports = { Storage };
