// A one-line message for screen readers from anywhere in the page (Announcer.tsx speaks it).
const listeners = new Set<(text: string) => void>();

export const announce = (text: string) => listeners.forEach((l) => l(text));

export function onAnnounce(l: (text: string) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
