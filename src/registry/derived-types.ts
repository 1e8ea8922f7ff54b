import type { DeclarationSpecifier } from './specifiers';

/**
 * Accessors that hand back another object of a package's API: what the untyped oracle needs to follow
 * `client.db(name).collection(name).find(query)` from a constructor it can see (`new MongoClient(url)`)
 * to the handle the last call makes. Typed mode reads the same from the declared return types. Only
 * accessors that make nothing to release belong here; the resources themselves are registry entries.
 */
export interface DerivedType {
  readonly receiver: DeclarationSpecifier;
  /** The accessor's name: a method called (`client.db(name)`) or, with `property`, a property read (`model.db`). */
  readonly method: string;
  readonly property?: boolean;
  readonly result: DeclarationSpecifier;
}

const mongodb = (name: string): DeclarationSpecifier => ({ from: 'package', package: 'mongodb', name });
const mongoose = (name: string): DeclarationSpecifier => ({ from: 'package', package: 'mongoose', name });

const seleniumBuilder: DeclarationSpecifier = { from: 'package', package: 'selenium-webdriver', name: 'Builder' };
/** selenium-webdriver's `Builder` setters return the builder: `new Builder().forBrowser('chrome').build()`. */
const SELENIUM_BUILDER_SETTERS = [
  'forBrowser',
  'usingServer',
  'usingHttpAgent',
  'withCapabilities',
  'setAlertBehavior',
  'setChromeOptions',
  'setChromeService',
  'setEdgeOptions',
  'setEdgeService',
  'setFirefoxOptions',
  'setFirefoxService',
  'setIeOptions',
  'setIeService',
  'setSafariOptions',
  'setLoggingPrefs',
  'setProxy',
  'disableEnvironmentOverrides',
];

export const derivedTypes: readonly DerivedType[] = [
  ...SELENIUM_BUILDER_SETTERS.map((method) => ({ receiver: seleniumBuilder, method, result: seleniumBuilder })),
  { receiver: mongodb('MongoClient'), method: 'db', result: mongodb('Db') },
  { receiver: mongodb('Db'), method: 'collection', result: mongodb('Collection') },
  // A Mongoose model's `db` is the connection it was compiled on (where `startSession()` is).
  { receiver: mongoose('Model'), method: 'db', property: true, result: mongoose('Connection') },
];
