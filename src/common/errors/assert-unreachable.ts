/** Makes a `switch` exhaustive at compile time: a new enum member without a case fails the build. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
