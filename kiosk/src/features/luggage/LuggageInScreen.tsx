import { GuestForm } from '../../components/GuestForm.tsx';
import { Stepper } from '../../components/ResultScreen.tsx';
import { locale, t } from '../../i18n/locale.store.ts';
import { checkIn, confirmCheckIn, luggageBusy, luggageError, MAX_BAGS, updateCheckIn } from './luggage.store.ts';
import { hourLabel, hoursFor, pickupInstant, type PickupDay } from './pickup-time.ts';

/** Bags, an optional name or room, and when the guest expects to collect them — then the claim ticket. */
export function LuggageInScreen() {
  const d = checkIn.value;
  const now = new Date();
  const todayHours = hoursFor('today', now);
  const day: PickupDay | null = d.day;
  const hours = day ? hoursFor(day, now) : [];
  const submit = () => void confirmCheckIn(day && d.hour !== null ? pickupInstant(day, d.hour, now) : null);
  const chooseDay = (next: PickupDay | null) => updateCheckIn({ day: next, hour: null });
  return (
    <GuestForm
      eyebrow="luggageIn.eyebrow"
      title="luggageIn.title"
      lead="luggageIn.subtitle"
      onSubmit={submit}
      error={luggageError.value}
      busy={luggageBusy.value}
      ready={day === null || d.hour !== null}
      submitLabel={t('luggageIn.confirm')}
      submitTestid="confirm"
    >
      <div class="form-row">
        <span class="field__label">{t('luggageIn.bags')}</span>
        <Stepper id="bags" value={d.bags} min={1} max={MAX_BAGS} label={t('luggageIn.bags')} onChange={(n) => updateCheckIn({ bags: n })} />
      </div>
      <div class="form-pair">
        <label class="field">
          <span class="field__label">{t('details.room')}</span>
          <input
            class="field__input"
            data-testid="room-input"
            inputMode="numeric"
            value={d.room}
            maxLength={12}
            autocomplete="off"
            spellcheck={false}
            placeholder={t('details.roomPlaceholder')}
            onInput={(e) => updateCheckIn({ room: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span class="field__label">{t('luggageIn.nameOptional')}</span>
          <input
            class="field__input"
            data-testid="guest-name"
            value={d.guestName}
            maxLength={80}
            autocomplete="off"
            spellcheck={false}
            placeholder={t('details.namePlaceholder')}
            onInput={(e) => updateCheckIn({ guestName: e.currentTarget.value })}
          />
        </label>
      </div>
      <fieldset class="form-row choice-set">
        <legend class="field__label">{t('luggageIn.pickup')}</legend>
        <div class="chips">
          <button type="button" class={`chip ${day === 'today' ? 'chip--on' : ''}`} aria-pressed={day === 'today'} data-testid="pickup-today" disabled={todayHours.length === 0} onClick={() => chooseDay('today')}>
            {t('luggageIn.today')}
          </button>
          <button type="button" class={`chip ${day === 'tomorrow' ? 'chip--on' : ''}`} aria-pressed={day === 'tomorrow'} data-testid="pickup-tomorrow" onClick={() => chooseDay('tomorrow')}>
            {t('luggageIn.tomorrow')}
          </button>
          <button type="button" class={`chip ${day === null ? 'chip--on' : ''}`} aria-pressed={day === null} data-testid="pickup-unsure" onClick={() => chooseDay(null)}>
            {t('luggageIn.notSure')}
          </button>
        </div>
        {day && (
          <div class="hours">
            {hours.map((h) => (
              <button key={h} type="button" class={`chip chip--hour ${d.hour === h ? 'chip--on' : ''}`} aria-pressed={d.hour === h} data-testid={`pickup-hour-${h}`} onClick={() => updateCheckIn({ hour: h })}>
                {hourLabel(h, locale.value)}
              </button>
            ))}
          </div>
        )}
      </fieldset>
    </GuestForm>
  );
}
