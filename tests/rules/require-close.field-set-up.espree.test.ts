import rule from '../../rules/require-close';
import { untypedRuleTester } from './rule-testers';

/**
 * Without types, a field's resource is read from how the class sets it up: `this.pool =
 * mysql.createPool(config)` in a `configure()` method makes `this.pool.getConnection()` a pool
 * connection in the other methods, as a declared field or a constructor parameter would.
 */
const valid = [
  {
    name: 'a connection from a pool the class set up, released on both settle paths',
    code: `
const mysql = require('mysql2/promise');
class Database {
  configure(config) {
    this.pool = mysql.createPool(config);
  }
  query(sql, values) {
    return this.pool.getConnection().then((connection) =>
      connection.query(sql, values).finally(() => connection.release()),
    );
  }
}
module.exports = new Database();`,
  },
  {
    name: "a field set by a nested function is not the class's field",
    code: `
const mysql = require('mysql2/promise');
class Database {
  configure(config) {
    const holder = {};
    (function () { this.pool = mysql.createPool(config); }).call(holder);
  }
  query(sql) {
    return this.pool.getConnection().then((connection) => connection.query(sql).then((rows) => { connection.release(); return rows; }));
  }
}
module.exports = new Database();`,
  },
];

const invalid = [
  {
    name: 'a connection from a pool the class set up, released only when the query succeeds',
    code: `
const mysql = require('mysql2/promise');
class Database {
  configure(config) {
    this.pool = mysql.createPool(config);
  }
  query(sql, values) {
    return this.pool.getConnection().then((connection) =>
      connection.query(sql, values).then(([rows]) => {
        connection.release();
        return rows;
      }),
    );
  }
}
module.exports = new Database();`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 8,
        suggestions: [
          {
            messageId: 'releaseInChainFinally' as const,
            output: `
const mysql = require('mysql2/promise');
class Database {
  configure(config) {
    this.pool = mysql.createPool(config);
  }
  query(sql, values) {
    return this.pool.getConnection().then((connection) =>
      connection.query(sql, values).then(([rows]) => {
        return rows;
      }).finally(() => connection.release()),
    );
  }
}
module.exports = new Database();`,
          },
        ],
      },
    ],
  },
];

untypedRuleTester().run('require-close (fields the class sets up, untyped)', rule, { valid, invalid });
