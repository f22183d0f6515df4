/** Keypad taps must not steal focus from the input (keyboard users type straight into it). */
const keep = (e: Event) => e.preventDefault();

interface KeypadProps {
  /** The characters offered, one key each. */
  keys: readonly string[];
  /** The text typed so far; each key calls `onChange` with the next text. */
  value: string;
  onChange: (next: string) => void;
  deleteLabel: string;
  clearLabel: string;
  /** Extra class after `keypad`. */
  class?: string;
}

/** The on-screen keypad under a code field: one key per character, then Delete and Clear. Hidden from assistive tech (the field takes typing). */
export function Keypad({ keys, value, onChange, deleteLabel, clearLabel, class: cls }: KeypadProps) {
  return (
    <div class={cls ? `keypad ${cls}` : 'keypad'} aria-hidden="true">
      {keys.map((k) => (
        <button key={k} type="button" class="key" tabIndex={-1} onPointerDown={keep} onClick={() => onChange(value + k)}>
          {k}
        </button>
      ))}
      <button type="button" class="key key--wide" tabIndex={-1} onPointerDown={keep} onClick={() => onChange(value.slice(0, -1))}>
        {deleteLabel}
      </button>
      <button type="button" class="key key--wide" tabIndex={-1} onPointerDown={keep} onClick={() => onChange('')}>
        {clearLabel}
      </button>
    </div>
  );
}
