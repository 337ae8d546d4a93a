// My digits: the class's own drawings as a dataset (kept in the browser, in sessions and in files), tested after
// every epoch and, when asked, mixed into training.
export { default as MyDigitsPanel } from './MyDigitsPanel';
export { default as AddToMyDigits } from './AddToMyDigits';
export { loadStoredDigits, mergeSessionDigits } from './actions';
