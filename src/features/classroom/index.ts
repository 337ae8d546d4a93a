// The classroom: language, presenter mode, lessons, exercise links and the first-run guide.
export { default as ClassroomBar } from './ClassroomBar';
export { default as FirstRunGuide } from './FirstRunGuide';
export { default as GuideButton } from './GuideButton';
