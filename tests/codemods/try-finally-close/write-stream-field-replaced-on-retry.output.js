const fs = require('node:fs');
const https = require('node:https');

// `start()` runs again from the retry: each run replaces the request and the write stream, and a
// failed one was never released (node-downloader-helper).
class Download {
  constructor(url, path) {
    this.url = url;
    this.path = path;
    this.retries = 0;
  }

  start() {
    this.file?.destroy();
    this.file = fs.createWriteStream(this.path);
    this.file.on('finish', () => this.file.close());
    https.get(this.url, (response) => {
      response.on('error', (error) => this.retry(error));
      response.pipe(this.file);
    });
  }

  retry(error) {
    if (this.retries++ >= 3) throw error;
    setTimeout(() => this.start(), 1000);
  }
}

module.exports = { Download };
