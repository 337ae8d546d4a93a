// The replay worker's messages: the guards pass what the board sends and refuse the rest.
import { describe, expect, it } from 'vitest';
import { presetById } from '../model/presets';
import { DEFAULT_CONFIG } from '../model/training';
import { isReplayReply, isReplayRequest, REPLAY_MAX_EPOCHS } from './replay';

describe('the replay protocol', () => {
  const network = presetById('mlp-seed').network;
  const replay = {
    type: 'replay',
    id: 1,
    dataUrl: 'http://x/data/',
    backend: 'wasm',
    start: { network, config: DEFAULT_CONFIG },
    changes: [{ batch: 10, network, config: { ...DEFAULT_CONFIG, learningRate: 0.1 } }],
    epochs: 2,
  };
  it('accepts a well-formed replay and its replies', () => {
    expect(isReplayRequest(replay)).toBe(true);
    expect(isReplayReply({ type: 'progress', id: 1, stage: 'train', share: 0.5 })).toBe(true);
    expect(isReplayReply({ type: 'done', id: 1, accuracies: [0.96], backend: 'wasm', seconds: 3 })).toBe(true);
    expect(isReplayReply({ type: 'failed', id: 1, detail: 'x' })).toBe(true);
  });
  it('refuses unknown backends, bad changes, epoch counts out of range, and unknown messages', () => {
    for (const bad of [
      { ...replay, backend: 'tpu' },
      { ...replay, epochs: 0 },
      { ...replay, epochs: REPLAY_MAX_EPOCHS + 1 },
      { ...replay, epochs: 1.5 },
      { ...replay, changes: [{ batch: 0, network, config: DEFAULT_CONFIG }] },
      { ...replay, changes: [{ batch: 3, network: {}, config: DEFAULT_CONFIG }] },
      { ...replay, start: { network } },
      { ...replay, dataUrl: 3 },
      { ...replay, type: 'train' },
      null,
    ])
      expect(isReplayRequest(bad)).toBe(false);
    expect(isReplayReply({ type: 'done', id: 1, accuracies: [0.9], backend: 'gpu', seconds: 1 })).toBe(false);
    expect(isReplayReply({ type: 'failed', id: 'x', detail: 'x' })).toBe(false);
  });
});
