import { GuestForm } from '../../components/GuestForm.tsx';
import { Stepper } from '../../components/ResultScreen.tsx';
import { t, type KioskKey } from '../../i18n/locale.store.ts';
import { NEEDED_BY, type NeededBy } from './needed-by.ts';
import { confirmShoeCare, MAX_PAIRS, shoeBusy, shoeDraft, shoeError, shoeReady, updateShoe } from './shoe-care.store.ts';
import { ShoeStatusList } from './ShoeStatusList.tsx';

const neededKey = (n: NeededBy): KioskKey => `shoe.needed.${n}`;

/** Pairs, where to collect them (room or lobby), and when the guest needs them back. */
export function ShoeCareScreen() {
  const d = shoeDraft.value;
  return (
    <GuestForm
      eyebrow="shoe.eyebrow"
      title="shoe.title"
      lead="shoe.subtitle"
      header={<ShoeStatusList />}
      onSubmit={() => void confirmShoeCare()}
      error={shoeError.value}
      busy={shoeBusy.value}
      ready={shoeReady(d)}
      submitLabel={t('shoe.confirm')}
      submitTestid="confirm"
    >
      <div class="form-row">
        <span class="field__label">{t('shoe.pairs')}</span>
        <Stepper id="pairs" value={d.pairs} min={1} max={MAX_PAIRS} label={t('shoe.pairs')} onChange={(n) => updateShoe({ pairs: n })} />
      </div>
      <fieldset class="form-row choice-set">
        <legend class="field__label">{t('shoe.collect')}</legend>
        <div class="chips chips--two">
          <button type="button" class={`chip chip--big ${d.collectAt === 'room' ? 'chip--on' : ''}`} aria-pressed={d.collectAt === 'room'} data-testid="collect-room" onClick={() => updateShoe({ collectAt: 'room' })}>
            {t('shoe.collectRoom')}
          </button>
          <button type="button" class={`chip chip--big ${d.collectAt === 'lobby' ? 'chip--on' : ''}`} aria-pressed={d.collectAt === 'lobby'} data-testid="collect-lobby" onClick={() => updateShoe({ collectAt: 'lobby' })}>
            {t('shoe.collectLobby')}
          </button>
        </div>
        {d.collectAt === 'room' && (
          <label class="field field--short">
            <span class="field__label">{t('shoe.roomRequired')}</span>
            <input
              class="field__input"
              data-testid="room-input"
              inputMode="numeric"
              value={d.room}
              maxLength={12}
              required
              autocomplete="off"
              spellcheck={false}
              placeholder={t('details.roomPlaceholder')}
              onInput={(e) => updateShoe({ room: e.currentTarget.value })}
            />
          </label>
        )}
      </fieldset>
      <fieldset class="form-row choice-set">
        <legend class="field__label">{t('shoe.neededBy')}</legend>
        <div class="chips">
          {NEEDED_BY.map((n) => (
            <button key={n} type="button" class={`chip ${d.neededBy === n ? 'chip--on' : ''}`} aria-pressed={d.neededBy === n} data-testid={`needed-${n}`} onClick={() => updateShoe({ neededBy: n })}>
              {t(neededKey(n))}
            </button>
          ))}
        </div>
      </fieldset>
    </GuestForm>
  );
}
