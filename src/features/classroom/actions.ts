// The classroom's named actions: presenter mode, the first-run guide, and which parts an exercise link hides or locks.
import type { Part } from '../experiment';
import { rememberGuide } from '../../services/guideMemory';
import { patch } from '../../store/actions';
import { useStore } from '../../store/store';

export type PartMode = 'shown' | 'locked' | 'hidden';

export const togglePresenter = () => patch('ui', { presenter: !useStore.getState().ui.presenter });
export const toggleGuide = () => patch('ui', { guideOpen: !useStore.getState().ui.guideOpen });

/** Closes the guide; this browser remembers it and keeps it closed on later visits. */
export function dismissGuide() {
  rememberGuide('dismissed');
  patch('ui', { guideOpen: false });
}

/** Shows, locks or hides part `p` for the link being built (and on this page at once, so the teacher sees it). */
export function setPartMode(p: Part, mode: PartMode) {
  const { hidden, locked } = useStore.getState().ui;
  patch('ui', {
    hidden: mode === 'hidden' ? [...hidden.filter((x) => x !== p), p] : hidden.filter((x) => x !== p),
    locked: mode === 'locked' ? [...locked.filter((x) => x !== p), p] : locked.filter((x) => x !== p),
  });
}

export const showAllParts = () => patch('ui', { hidden: [], locked: [] });
