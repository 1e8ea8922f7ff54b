import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Released only in the callback of one of the handle's own operations (`rl.question(q, cb)`): that
 * callback is where its last use completes, so every way out of it must release it or hand it on.
 */
const valid = [
  {
    name: 'every answer closes the interface before asking again',
    code: `
import readline from 'node:readline';
export function ask(question: string, onYes: () => void, onNo: () => void): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => {
    rl.close();
    if (answer === 'y') onYes();
    else if (answer === 'n') onNo();
    else ask(question, onYes, onNo);
  });
}`,
  },
  {
    name: 'an answer that hands the interface on instead of closing it',
    code: `
import readline from 'node:readline';
const pending: readline.Interface[] = [];
export function ask(question: string): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => {
    if (answer === 'later') {
      pending.push(rl);
      return;
    }
    rl.close();
  });
}`,
  },
];

const invalid = [
  {
    name: 'an invalid answer asks again and leaves the interface open (pesy)',
    code: `
import readline from 'node:readline';
export function ask(question: string, onYes: () => void, onNo: () => void): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => {
    switch (answer) {
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
  });
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'releaseAtCallbackEnd' as const,
            output: `
import readline from 'node:readline';
export function ask(question: string, onYes: () => void, onNo: () => void): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => {
    switch (answer) {
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
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (operation callbacks, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (operation callbacks, untyped)', rule, { valid, invalid });
