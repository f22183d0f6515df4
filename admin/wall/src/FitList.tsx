/**
 * Shows as many items as fit in its box, then "+N more", never overflowing
 * into the next panel. The box gets its size from the page layout (it must be
 * `overflow: hidden` with a bounded height); on every change of the items or
 * of the box it renders all items, measures which ones fit (before the
 * browser paints), and keeps those plus a "more" element, shrinking once more
 * while the "more" element itself would stick out.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface FitListProps<T> {
  items: readonly T[];
  /** Everything about an item that changes its size (its id, its text). */
  keyOf: (item: T) => string;
  render: (item: T) => ComponentChildren;
  more: (hidden: number) => ComponentChildren;
  /** Anything else that changes sizes (the wall's languages). */
  layoutKey?: string;
  class: string;
  testId?: string;
}

/** The bottom of the box's content area, in viewport pixels. */
function contentBottom(el: HTMLElement): number {
  const pad = parseFloat(getComputedStyle(el).paddingBottom) || 0;
  return el.getBoundingClientRect().top + el.clientTop + el.clientHeight - pad;
}

export function FitList<T>({ items, keyOf, render, more, layoutKey = '', class: cls, testId }: FitListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [boxSize, setBoxSize] = useState('');
  const sig = `${items.map(keyOf).join('\u0001')}|${layoutKey}|${boxSize}`;
  const [fit, setFit] = useState<{ sig: string; shown: number }>({ sig: '', shown: items.length });
  const shown = fit.sig === sig ? Math.min(fit.shown, items.length) : items.length;

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setBoxSize(`${el.clientWidth}x${el.clientHeight}`));
    ro.observe(el);
    // Web fonts change every size once they arrive.
    void document.fonts?.ready.then(() => setBoxSize((s) => `${s}+`));
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const bottom = contentBottom(el) + 0.5;
    const kids = Array.from(el.children) as HTMLElement[];
    const sticksOut = kids.some((k) => k.getBoundingClientRect().bottom > bottom);
    if (fit.sig !== sig) {
      // Everything is on screen: count the items that fit, from the top.
      let fits = 0;
      while (fits < kids.length && kids[fits]!.getBoundingClientRect().bottom <= bottom) fits += 1;
      setFit({ sig, shown: sticksOut ? Math.max(0, fits - 1) : items.length });
    } else if (sticksOut && fit.shown > 0) {
      setFit({ sig, shown: fit.shown - 1 }); // the "more" element itself did not fit: one item fewer
    }
  });

  const hidden = items.length - shown;
  return (
    <div class={cls} ref={ref} data-testid={testId} data-shown={shown} data-hidden={hidden}>
      {items.slice(0, shown).map((it) => (
        <FitItem key={keyOf(it)}>{render(it)}</FitItem>
      ))}
      {hidden > 0 && (
        <div class="fit-more" data-testid="fit-more">
          {more(hidden)}
        </div>
      )}
    </div>
  );
}

function FitItem({ children }: { children: ComponentChildren }) {
  return <>{children}</>;
}
