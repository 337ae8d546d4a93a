// The learning-step view: one image, one step of gradient descent, shown stage by stage with the real numbers.
import { lazy } from 'react';

/** Loaded on first open: KaTeX and the view are a quarter of the page's code and most visits never open it. */
export const LearningStepPanel = lazy(() => import('./LearningStepPanel'));
export { default as LearningStepButton } from './LearningStepButton';
export { openLearningStep } from './actions';
