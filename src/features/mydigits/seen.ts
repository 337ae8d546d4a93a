// Pictures in a long scrolling grid are drawn when they first come near view: a class's set runs to thousands of
// digits, and drawing every canvas at once held the page for over a second (4,400 pen digits: 1.4 s).
import { createContext, type RefObject } from 'react';

/** One IntersectionObserver for a scrolling grid; without IntersectionObserver (tests, old browsers) all are seen. */
export class SeenWatcher {
  private readonly waiting = new Map<Element, () => void>();
  private io: IntersectionObserver | null = null;

  constructor(private readonly root: RefObject<Element | null>) {}

  /** Calls `onSeen` once when `el` first comes within 200 px of the grid's view; returns the undo. */
  watch(el: Element, onSeen: () => void): () => void {
    if (typeof IntersectionObserver === 'undefined') {
      onSeen();
      return () => {};
    }
    this.io ??= new IntersectionObserver((entries) => this.seen(entries), {
      root: this.root.current,
      rootMargin: '200px',
    });
    this.waiting.set(el, onSeen);
    this.io.observe(el);
    return () => {
      this.waiting.delete(el);
      this.io?.unobserve(el);
    };
  }

  private seen(entries: IntersectionObserverEntry[]) {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      this.waiting.get(e.target)?.();
      this.waiting.delete(e.target);
      this.io?.unobserve(e.target);
    }
  }
}

export const SeenContext = createContext<SeenWatcher | null>(null);
