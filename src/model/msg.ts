// Text meant for people, produced where no language is known (pure modules, the worker): a catalogue key
// and the values to put into it. The page turns it into English or Chinese (src/i18n/translate.ts).

export type MsgValue = string | number | Msg;
export type Msg = { key: string; values?: Record<string, MsgValue> };

export const msg = (key: string, values?: Record<string, MsgValue>): Msg => (values ? { key, values } : { key });

export const isMsg = (x: unknown): x is Msg =>
  typeof x === 'object' && x !== null && typeof (x as Msg).key === 'string' && ((x as Msg).values === undefined || typeof (x as Msg).values === 'object');
