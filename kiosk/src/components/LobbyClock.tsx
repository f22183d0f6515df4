import { useEffect, useState } from 'preact/hooks';
import { locale } from '../i18n/locale.store.ts';
import { me } from '../sync/state.ts';

/** Today's date and the time at the property, in the guest's language. */
export function LobbyClock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const timeZone = me.value?.property.timeZone;
  const l = locale.value;
  const formatted = format(now, l, timeZone);
  if (!formatted) return null;
  const { date, time } = formatted;
  return (
    <p class="clock" aria-hidden="true">
      <span class="clock__time">{time}</span>
      <span class="clock__date">{date}</span>
    </p>
  );
}

function format(now: Date, l: string, timeZone: string | undefined): { date: string; time: string } | null {
  try {
    return {
      date: new Intl.DateTimeFormat(l, { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(now),
      time: new Intl.DateTimeFormat(l, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now),
    };
  } catch {
    return null; // an unknown time zone name: better no clock than a wrong one
  }
}
