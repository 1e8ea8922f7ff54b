'use strict';

var fs = require('fs');

function Store(dir) {
    this.dir = dir;
}

Store.prototype.save = function (input, name, callback) {
    var file = fs.createWriteStream(this.dir + '/' + name);
    file.on('error', callback);
    file.on('finish', function () {
        callback(null);
    });
    input.on('error', function (error) { file.destroy(error); });
    input.pipe(file);
};

module.exports = Store;
