// Training's named actions: the header's buttons, the Space and S keys, and the backend choice.
import { getClient } from '../../client';
import type { BackendChoice } from '../../protocol/toWorker';
import { patch } from '../../store/actions';

export const startTraining = () => getClient().start();
export const pauseTraining = () => getClient().pause();
/** One training batch, then paused (the Step button and the S key). */
export const trainOneBatch = () => getClient().trainBatch();
/** New random weights from the seed; history cleared, settings kept. */
export const resetTraining = () => getClient().reset();
export const retryData = () => getClient().retryData();

/** Trains on `backend` from the next batch (the weights move with it); 'auto' lets the worker pick the fastest. */
export function chooseBackend(backend: BackendChoice) {
  patch('config', { backendChoice: backend });
  getClient().send({ type: 'setBackend', backend });
}
