import { Icon } from '../../components/Icon.tsx';
import { Stepper } from '../../components/ResultScreen.tsx';
import { errorText, t, type KioskKey } from '../../i18n/locale.store.ts';
import { resetToHome } from '../call-staff/flow.store.ts';
import { NEEDED_BY, type NeededBy } from './needed-by.ts';
import { confirmShoeCare, MAX_PAIRS, shoeBusy, shoeDraft, shoeError, shoeReady, updateShoe } from './shoe-care.store.ts';
import { ShoeStatusList } from './ShoeStatusList.tsx';

const neededKey = (n: NeededBy): KioskKey => `shoe.needed.${n}`;

/** Pairs, where to collect them (room or lobby), and when the guest needs them back. */
export function ShoeCareScreen() {
  const d = shoeDraft.value;
  const busy = shoeBusy.value;
  const submit = (e: Event) => {
    e.preventDefault();
    void confirmShoeCare();
  };
  return (
    <form class="screen flow form-flow" onSubmit={submit} autocomplete="off">
      <div class="step-header">
        <p class="eyebrow">{t('shoe.eyebrow')}</p>
        <h1 class="title" tabIndex={-1} data-autofocus>
          {t('shoe.title')}
        </h1>
        <p class="lead">{t('shoe.subtitle')}</p>
        <ShoeStatusList />
      </div>
      <div class="form-body">
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
      </div>
      {shoeError.value !== null && (
        <p class="alert" role="alert">
          {errorText(shoeError.value)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn btn--ghost" onClick={resetToHome} disabled={busy}>
          <Icon name="back" />
          {t('common.cancel')}
        </button>
        <button type="submit" class="btn btn--primary btn--wide" data-testid="confirm" disabled={busy || !shoeReady(d)} aria-busy={busy}>
          <Icon name="check" />
          {busy ? t('confirm.working') : t('shoe.confirm')}
        </button>
      </div>
    </form>
  );
}
