import { useState } from 'preact/hooks';
import { wallText, type WallString } from './i18n/wall.ts';
import { Label } from './Label.tsx';
import { pairWall, type PairFailure } from './sync/wall-sync.ts';

const MESSAGES: Record<PairFailure, WallString> = {
  invalid: wallText.pairInvalid,
  wrong_kind: wallText.pairWrongKind,
  network: wallText.pairNetwork,
};

/** Shown on an unpaired wall: a one-time code from the staff tablet turns it into a display. */
export function PairForm() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<PairFailure | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (busy || !code.trim()) return;
    setBusy(true);
    setError(await pairWall(code));
    setBusy(false);
  }
  return (
    <form class="pair-form" onSubmit={submit}>
      <label>
        <Label text={wallText.pairCode} />
        <input
          data-testid="wall-pair-code"
          value={code}
          maxLength={8}
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setCode(e.currentTarget.value.toUpperCase())}
        />
      </label>
      <button type="submit" data-testid="wall-pair-submit" disabled={busy}>
        <Label text={wallText.pairSubmit} />
      </button>
      {error && (
        <p class="pair-error" role="alert" data-testid="wall-pair-error">
          <Label text={MESSAGES[error]} />
        </p>
      )}
    </form>
  );
}
