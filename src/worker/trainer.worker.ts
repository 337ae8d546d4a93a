// Worker entry: connects a WorkerSession (workerSession.ts) to this Worker's messages.
import type { FromWorker } from '../protocol/fromWorker';
import { transferablesOf } from '../protocol/transfer';
import { WorkerSession } from './workerSession';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m, transferablesOf(m));
const session = new WorkerSession(post);
self.onmessage = (e: MessageEvent<unknown>) => void session.receive(e.data);
