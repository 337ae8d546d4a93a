// Store updates for the worker's "inside the network" events (histograms, pictures, confusion, gallery).
import type { FromWorker } from '../protocol/fromWorker';
import { appendSnaps, patch, useStore } from '../store/store';

type InsightEvent = Extract<FromWorker, { type: 'histograms' | 'weightImages' | 'confusion' | 'cellImages' }>;

export function isInsightEvent(msg: FromWorker): msg is InsightEvent {
  return msg.type === 'histograms' || msg.type === 'weightImages' || msg.type === 'confusion' || msg.type === 'cellImages';
}

export function routeInsight(msg: InsightEvent) {
  switch (msg.type) {
    case 'histograms':
      patch('metrics', { histograms: msg.layers, histogramEpoch: msg.epoch });
      patch('insight', { snaps: appendSnaps(useStore.getState().insight.snaps, msg.batch, msg.layers) });
      return;
    case 'weightImages':
      patch('insight', { weightPictures: msg.layers.map((l) => ({ ...l, values: Array.from(l.values) })) });
      return;
    case 'confusion':
      patch('insight', { confusion: msg.confusion, confusionEpoch: msg.epoch });
      return;
    case 'cellImages':
      patch('insight', {
        cell: {
          actual: msg.actual,
          predicted: msg.predicted,
          total: msg.total,
          items: msg.indices.map((index, k) => ({
            index,
            pixels: Array.from(msg.pixels.subarray(k * 784, (k + 1) * 784)),
            probs: Array.from(msg.probs.subarray(k * 10, (k + 1) * 10)),
          })),
        },
      });
      return;
  }
}
