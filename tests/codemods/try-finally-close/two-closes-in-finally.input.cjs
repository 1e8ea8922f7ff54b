'use strict';
const fsp = require('fs/promises');

async function copyFile(from, to) {
    let source;
    let target;
    try {
        source = await fsp.open(from, 'r');
        target = await fsp.open(to, 'w');
        const { buffer, bytesRead } = await source.read();
        await target.write(buffer, 0, bytesRead);
    } finally {
        if (source) await source.close();
        if (target) await target.close();
    }
}

module.exports = { copyFile };
