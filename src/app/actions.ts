// The page's own named actions: notices, and what the service worker reports (offline ready, an update waiting).
import { patch } from '../store/actions';

export const dismissNotice = () => patch('ui', { notice: null });
export const offlineReady = () => patch('ui', { offlineReady: true });
export const updateWaiting = () => patch('ui', { updateReady: true });
/** "Later": the banner goes; the new version installs on the next visit. */
export const postponeUpdate = () => patch('ui', { updateReady: false });
