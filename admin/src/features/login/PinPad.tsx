import { t } from '../../i18n/i18n.ts';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface Props {
  onDigit: (d: string) => void;
  onBackspace: () => void;
  onClear: () => void;
}

/** A phone-style keypad with large keys (≥ 64 px) for gloved or hurried fingers. */
export function PinPad({ onDigit, onBackspace, onClear }: Props) {
  return (
    <div class="pinpad" role="group" aria-label={t('login.pin')}>
      {DIGITS.map((d) => (
        <button key={d} type="button" class="pin-key" data-testid={`pin-${d}`} onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" class="pin-key pin-key-aux" onClick={onClear}>
        {t('login.clear')}
      </button>
      <button type="button" class="pin-key" data-testid="pin-0" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" class="pin-key pin-key-aux" aria-label={t('login.backspace')} onClick={onBackspace}>
        ⌫
      </button>
    </div>
  );
}
