// How the protocol's tables are written: each message type maps to a Spec whose type parameter is its payload
// (the fields beside `type`) and whose `check` is the structural test that arriving messages must pass. The
// unions, the type sets and the guards are derived from the tables, so a message is declared in one place.

/** A message's payload type, carried only in the type system; `check` sees a value of unknown origin. */
export type Spec<P> = { readonly check: (m: P) => boolean; readonly payload?: P };

/** Declares a message whose payload is `P`; `check` defaults to "shape trusted" (no fields to misuse). */
export const spec = <P extends object>(check: (m: P) => boolean = () => true): Spec<P> => ({ check });

/** A request's question `A` (beside `type` and `rid`) and the answer `R` its reply carries. */
export type AskSpec<A, R> = { readonly check: (m: A) => boolean; readonly ask?: A; readonly answer?: R };

export const ask = <A extends object, R>(check: (m: A) => boolean = () => true): AskSpec<A, R> => ({ check });

/** The payload of a Spec. */
export type PayloadOf<S> = S extends { payload?: infer P } ? Exclude<P, undefined> : never;

/** One union member per table entry: `{ type: K } & payload`. */
export type UnionOf<T extends Record<string, { check: (m: never) => boolean }>> = {
  [K in keyof T & string]: { type: K } & PayloadOf<T[K]>;
}[keyof T & string];

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Whether `x` is `{ type: k, ... }` for a key of `table` whose check it passes. */
export function passes(table: Record<string, { check: (m: never) => boolean }>, x: unknown): boolean {
  if (!isObject(x) || typeof x.type !== 'string' || !Object.hasOwn(table, x.type)) return false;
  return table[x.type].check(x as never);
}

/** Compile-time exhaustiveness check for switches over message unions. */
export function unreachable(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}
