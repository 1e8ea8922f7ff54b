const { Client } = require('ssh2');

module.exports = function run(host, command, done) {
  const connection = new Client();
  connection.on('ready', () => {
    connection.exec(command, (err, stream) => {
      if (err) return done(err);
      let output = '';
      stream.on('data', (chunk) => (output += chunk));
      stream.on('close', () => {
        connection.end();
        done(null, output);
      });
    });
  }).connect({ host, username: 'deploy' });
};
