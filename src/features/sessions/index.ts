// Sessions: save and open in the browser or as files, export the model and code, import a model.
export { default as ExportPanel } from './ExportPanel';
export { selectUnsavedTraining } from './selectors';
export { decodeSession, type Session } from './session';
