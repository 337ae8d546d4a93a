// Whether this browser has finished or dismissed the first-run guide (it then stays closed on later visits).
const KEY = 'mnist-playground-guide';

export function guideSeen(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return false; // storage blocked: show the guide, it can still be dismissed for this visit
  }
}

export function rememberGuide(how: 'dismissed' | 'done') {
  try {
    localStorage.setItem(KEY, how);
  } catch {
    // storage blocked: nothing to remember with
  }
}
