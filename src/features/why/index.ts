// "Why did it say that?" (saliency, the adversarial search, the hidden layer's map) for what is on the pad.
import { lazy } from 'react';

/** Loaded on first open: most visits never open it. */
export const WhyPanel = lazy(() => import('./WhyPanel'));
export { default as WhyButton } from './WhyButton';
export { openWhy, openWhyOn } from './actions';
