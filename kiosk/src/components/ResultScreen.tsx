import type { ComponentChildren } from 'preact';
import { endGuestSession } from '../app/guest-session.ts';
import { resetToHome } from '../app/step.ts';
import { t } from '../i18n/locale.store.ts';
import { FollowQr } from './FollowQr.tsx';
import { Icon } from './Icon.tsx';
import { useCountdown } from './useCountdown.ts';

/**
 * The end of a flow: a card with what the guest needs (a number, a code), a
 * Done button and a countdown back to the start. Nothing leads back into the
 * flow: the guest's entries are already gone. `follow`: the ticket's phone
 * token, shown as "Scan to follow your number on your phone" (the phone page
 * then carries the ticket, and its rating, away from the shared kiosk).
 */
export function ResultScreen({
  ms,
  class: cls,
  children,
  side,
  follow,
}: {
  ms: number;
  class?: string;
  children: ComponentChildren;
  side?: ComponentChildren;
  follow?: string | null;
}) {
  const left = useCountdown(ms, endGuestSession);
  return (
    <section class={`screen ticket ${cls ?? ''}`}>
      <div class="ticket__card">{children}</div>
      <div class="ticket__side">
        <FollowQr token={follow} />
        {side}
        <button type="button" class="btn btn--primary btn--wide" data-testid="done" onClick={resetToHome}>
          <Icon name="check" />
          {t('ticket.done')}
        </button>
        <p class="ticket__returning" aria-live="off">
          {t('ticket.returning', { s: left })}
        </p>
      </div>
    </section>
  );
}

/** "Your number" and the number, large: the guest's ticket on any result screen. */
export function TicketNumber({ ticket }: { ticket: string }) {
  return (
    <>
      <p class="ticket__label">{t('ticket.yourNumber')}</p>
      <p class="ticket__number" data-testid="ticket-number" tabIndex={-1} data-autofocus>
        {ticket}
      </p>
      <span class="ticket__rule" aria-hidden="true" />
    </>
  );
}

/** A minus / count / plus control with big targets. */
export function Stepper({ value, min, max, onChange, id, label }: { value: number; min: number; max: number; onChange: (n: number) => void; id: string; label: string }) {
  return (
    <div class="stepper" role="group" aria-label={label}>
      <button type="button" class="stepper__btn" data-testid={`${id}-minus`} aria-label="−" disabled={value <= min} onClick={() => onChange(value - 1)}>
        −
      </button>
      <output class="stepper__value" data-testid={`${id}-count`} aria-live="polite">
        {value}
      </output>
      <button type="button" class="stepper__btn" data-testid={`${id}-plus`} aria-label="+" disabled={value >= max} onClick={() => onChange(value + 1)}>
        +
      </button>
    </div>
  );
}
