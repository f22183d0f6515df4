/**
 * Keeps the lobby screen awake: a screen wake lock, taken again whenever the
 * page becomes visible (the browser drops it when the tab is hidden). Where
 * the API is missing or refused, the OS power settings must do it
 * (docs/DEPLOY-KIOSK.md).
 */
export function keepScreenAwake(): () => void {
  let lock: WakeLockSentinel | null = null;
  let stopped = false;
  const acquire = async () => {
    if (stopped || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
    try {
      lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => {
        lock = null;
      });
    } catch {
      /* refused (battery saver, no user activation yet): try again on the next visibility change */
    }
  };
  const onVisible = () => {
    if (!lock) void acquire();
  };
  document.addEventListener('visibilitychange', onVisible);
  void acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisible);
    void lock?.release();
  };
}
