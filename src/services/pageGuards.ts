// Leaving or replacing the page must not lose training: the browser asks before closing a tab whose training
// is not saved, and a new version of the app waits for the person's "reload" (services/offline.ts) instead of
// reloading under a run.
/** Asks before the tab closes while `unsaved()` says trained batches were never saved, downloaded or opened. */
export function guardUnsavedTraining(unsaved: () => boolean) {
  window.addEventListener('beforeunload', (e) => {
    if (!unsaved()) return;
    // Browsers show their own wording; both calls are needed for all of them to ask.
    e.preventDefault();
    e.returnValue = '';
  });
}
