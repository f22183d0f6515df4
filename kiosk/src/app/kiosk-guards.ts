/**
 * A lobby screen is not a web page: no context menu, no pinch or ctrl-wheel
 * zoom, no dragging images, no selecting text outside form fields. (CSS does
 * the rest: touch-action, user-select, overscroll-behavior.)
 */
function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

export function installKioskGuards(): void {
  const stop = (e: Event) => e.preventDefault();
  addEventListener('contextmenu', stop);
  addEventListener('dragstart', stop);
  addEventListener('gesturestart', stop); // Safari pinch
  addEventListener('selectstart', (e) => {
    if (!isEditable(e.target)) e.preventDefault();
  });
  addEventListener(
    'wheel',
    (e) => {
      if (e.ctrlKey) e.preventDefault();
    },
    { passive: false },
  );
  addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length > 1) e.preventDefault();
    },
    { passive: false },
  );
}
