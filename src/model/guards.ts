// Small type guards shared by the decoders (pure).

/** A plain object (not null, not an array): the shape every decoded JSON record must have. */
export const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The message of anything thrown, for a Msg value. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Any outside value as short text for a message, without calling its own toString/valueOf (a file's
 * `{"toString": null}` makes `String(x)` throw).
 */
export const textOf = (x: unknown, max = 80): string =>
  (typeof x === 'string'
    ? x
    : typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined
      ? String(x)
      : typeof x
  ).slice(0, max);

/** A number from outside, or NaN for anything else (`Number(x)` can throw on an object, and reads "16" as 16). */
export const numberOf = (x: unknown): number => (typeof x === 'number' ? x : NaN);
