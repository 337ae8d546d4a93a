// Small type guards shared by the decoders (pure).

/** A plain object (not null, not an array): the shape every decoded JSON record must have. */
export const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The message of anything thrown, for a Msg value. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
