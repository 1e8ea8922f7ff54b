const { S3 } = require('@aws-sdk/client-s3');

function Storage(config) {
  this.createClient = function (stage) {
    return new S3({ region: stage.region, credentials: stage.credentials });
  };
  this.head = async function (stage, key) {
    const client = this.createClient(stage);
    const result = await client.headObject({ Bucket: config.bucket, Key: key });
    return result.ContentLength;
  };
}

module.exports = { Storage };
