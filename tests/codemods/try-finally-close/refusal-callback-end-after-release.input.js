'use strict';
var readline = require('readline');

// One path closes and carries on to the end of the callback: a release appended there would close twice.
function confirm(question, done) {
  var rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, function (answer) {
    if (answer === 'y') {
      rl.close();
      done(true);
    } else if (answer === 'n') {
      done(false);
      return;
    }
    console.log('answered');
  });
}

exports.confirm = confirm;
