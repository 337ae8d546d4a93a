export type Layer = { may: string[]; about: string };
export const LAYERS: Record<string, Layer>;
export function rulesMarkdown(): string;
