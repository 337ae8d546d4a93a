/** A request the worker will not answer, with the reason the page shows as it is (the Msg's key says why). */
import type { Msg } from '../model/msg';

export class Refused extends Error {
  constructor(readonly reason: Msg) {
    super(reason.key);
    this.name = 'Refused';
  }
}
