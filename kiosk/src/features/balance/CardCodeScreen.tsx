import { useRef, useState } from 'preact/hooks';
import { CARD_CODE_LENGTH, cardCodeProblem, normalizeCardCode } from '../../../../shared/domain/card-token.ts';
import { NetworkFailure } from '../../../../shared/sync-client/failures.ts';
import { Icon } from '../../components/Icon.tsx';
import { Keypad } from '../../components/Keypad.tsx';
import { errorText, t } from '../../i18n/locale.store.ts';
import { cardBusy, cardError, clearCardError, closeBalance, NotACard, submitCardCode } from './balance.store.ts';
import { CardScanner } from './CardScanner.tsx';

/** Base32 letters and digits only: what a card code can contain. */
const KEYS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('');

/** "ABCDEFGHIJKL" → "ABCD-EFGH-IJKL", as printed on the card. */
const grouped = (c: string) => c.replace(/(.{4})(?=.)/g, '$1-');

function messageFor(e: unknown): string {
  if (e instanceof NotACard) return t('card.not_a_card');
  return e instanceof NetworkFailure ? t('card.offline') : errorText(e);
}

/**
 * The guest types the code printed under the QR code on the member card: 13
 * characters whose last is a check character (12 on older cards). A wrong
 * check character is a typo, told at once — never "replaced by a newer card".
 */
export function CardCodeScreen() {
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<'incomplete' | 'typo' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = cardBusy.value;
  const error = formatError === 'typo' ? t('card.typo') : formatError ? t('card.format') : cardError.value ? messageFor(cardError.value) : null;

  const update = (next: string) => {
    const normal = normalizeCardCode(next);
    setCode(normal);
    // A full code with a wrong check character is a typo: say so at once.
    setFormatError(cardCodeProblem(normal) === 'typo' ? 'typo' : null);
    clearCardError();
  };
  const submit = (e?: Event) => {
    e?.preventDefault();
    const problem = cardCodeProblem(code);
    if (problem) {
      setFormatError(problem);
      input.current?.focus();
      return;
    }
    void submitCardCode(code);
  };

  return (
    <form class="screen setup card-entry" onSubmit={submit} autocomplete="off">
      <div class="setup__intro">
        <button type="button" class="btn btn--ghost card-entry__back" onClick={closeBalance}>
          <Icon name="back" /> {t('common.back')}
        </button>
        <h1 class="title" tabIndex={-1} data-autofocus>
          {t('card.title')}
        </h1>
        <CardScanner />
        <p class="lead">{t('card.subtitle')}</p>
        <label class="field setup__field card-entry__field">
          <span class="field__label">{t('card.code')}</span>
          <input
            ref={input}
            class="field__input code-input card-entry__input"
            data-testid="card-code"
            value={grouped(code)}
            maxLength={CARD_CODE_LENGTH + 6}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            placeholder="XXXX-XXXX-XXXX"
            aria-invalid={error !== null}
            aria-describedby="card-error"
            onInput={(e) => update(e.currentTarget.value)}
          />
        </label>
        <p id="card-error" class="alert" role="alert" hidden={!error} data-testid="card-error">
          {error}
        </p>
      </div>
      <div class="setup__pad">
        <Keypad keys={KEYS} value={code} onChange={update} deleteLabel={t('card.delete')} clearLabel={t('card.clear')} class="card-entry__keypad" />
        <div class="actions">
          <button type="submit" class="btn btn--primary btn--wide" data-testid="card-submit" disabled={busy} aria-busy={busy}>
            {busy ? t('card.working') : t('card.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
