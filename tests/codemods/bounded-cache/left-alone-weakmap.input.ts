// codemod-unchanged: a WeakMap is bounded by the lifetime of its keys
const metadata = new WeakMap<object, string>();

export function tag(target: object, label: string): void {
  metadata.set(target, label);
}
