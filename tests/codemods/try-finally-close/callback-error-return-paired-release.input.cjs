function FileSystem() {
  this.openFiles = {};
  this.nextDescriptor = 1;
}

FileSystem.prototype.allocDescriptor = function (description) {
  const fd = this.nextDescriptor++;
  this.openFiles[fd] = description;
  return fd;
};

FileSystem.prototype.releaseDescriptor = function (fd) {
  delete this.openFiles[fd];
};

// A failed write returns the error and leaves the descriptor allocated for good.
function writeFile(fs, storage, path, data, callback) {
  const fd = fs.allocDescriptor({ path, flags: 'w' });
  storage.put(path, data, (err) => {
    if (err) {
      return callback(err);
    }
    fs.releaseDescriptor(fd);
    callback(null);
  });
}

module.exports = { FileSystem, writeFile };
