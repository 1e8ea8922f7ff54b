'use strict';
var readline = require('readline');

// An invalid answer asks again and runs off the end of the callback with this interface still open.
function ask(question, onYes, onNo) {
  var rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question + ' [y/n] ', function (answer) {
    switch (answer.trim().toLowerCase()) {
      case 'y':
        onYes();
        rl.close();
        return;
      case 'n':
        onNo();
        rl.close();
        return;
      default:
        ask(question, onYes, onNo);
    }
    rl.close();
  });
}

exports.ask = ask;
