// A stand-in for the worker client in component tests (vi.mock of src/client): records commands and requests and
// answers requests from `answers`, so actions run as on the page without a Worker.
import { vi } from 'vitest';
import type { Answer, Ask, RequestType } from '../protocol/requests';
import type { WorkerCommand } from '../protocol/toWorker';

export class RequestError extends Error {}
export { failureText } from '../client/requests';

type Answers = { [K in RequestType]?: (q: Ask<K>) => Answer<K> };

export const fake = {
  sent: [] as WorkerCommand[],
  requests: [] as { type: RequestType; question: unknown }[],
  answers: {} as Answers,
  reset() {
    this.sent = [];
    this.requests = [];
    this.answers = {};
    umapFake.reset();
    replayFake.reset();
  },
};

const client = {
  send: (m: WorkerCommand) => fake.sent.push(m),
  start: () => fake.sent.push({ type: 'start' }),
  pause: () => fake.sent.push({ type: 'pause' }),
  trainBatch: () => fake.sent.push({ type: 'trainBatch' }),
  reset: () => fake.sent.push({ type: 'reset' }),
  retryData: () => fake.sent.push({ type: 'retryData' }),
  predict: vi.fn(),
  setMyDigits: (version: number, pixels: Float32Array, labels: Uint8Array) =>
    fake.sent.push({ type: 'setMyDigits', version, pixels, labels }),
  setInking: vi.fn(),
  request<K extends RequestType>(type: K, question: Ask<K>): Promise<Answer<K>> {
    fake.requests.push({ type, question });
    const answer = fake.answers[type] as ((q: Ask<K>) => Answer<K>) | undefined;
    return answer ? Promise.resolve(answer(question)) : new Promise(() => {}); // unanswered: stays pending
  },
};

export const getClient = () => client;

/** The UMAP worker's stand-in: `fit` answers with `fake.umap` (or stays pending), `cancel` is counted. */
export const umapFake = {
  answer: null as null | ((n: number) => { coords: Float32Array; self: Float32Array | null }),
  cancels: 0,
  reset() {
    this.answer = null;
    this.cancels = 0;
  },
};

const umapClient = {
  fit: (ask: { n: number }) => (umapFake.answer ? Promise.resolve(umapFake.answer(ask.n)) : new Promise(() => {})),
  cancel: () => umapFake.cancels++,
};

export const getUmapClient = () => umapClient;

/** The replay worker's stand-in: `replay` answers with `replayFake.answer` (or stays pending); asks are kept. */
export const replayFake = {
  answer: null as null | ((epochs: number) => { accuracies: number[]; backend: 'wasm' | 'cpu'; seconds: number }),
  asked: [] as unknown[],
  reset() {
    this.answer = null;
    this.asked = [];
  },
};

const replayClient = {
  replay: (ask: { epochs: number }) => {
    replayFake.asked.push(ask);
    return replayFake.answer ? Promise.resolve(replayFake.answer(ask.epochs)) : new Promise(() => {});
  },
  cancel: () => {},
};

export const getReplayClient = () => replayClient;
