/** Follows one command this tablet sent until the server answers it (or says it is queued). */
import { useEffect, useState } from 'preact/hooks';
import type { ErrorCode } from '../../../../shared/protocol/errors.ts';
import { commandResults } from '../../sync/luggage.queries.ts';
import { flushState } from '../../sync/queries.ts';

export type CommandState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'queued' } | { kind: 'ok' } | { kind: 'refused'; code: ErrorCode };

export function useCommand(onApplied: () => void): [CommandState, (send: () => Promise<string | null>) => Promise<void>] {
  const [id, setId] = useState<string | null>(null);
  const [state, setState] = useState<CommandState>({ kind: 'idle' });
  const answer = id ? commandResults.value.get(id) : undefined;
  const offline = flushState.value === 'retrying' || flushState.value === 'unauthorized';
  useEffect(() => {
    if (!id) return;
    if (answer?.ok) {
      setState({ kind: 'ok' });
      onApplied();
    } else if (answer) setState({ kind: 'refused', code: answer.code });
    else if (offline) setState({ kind: 'queued' });
  }, [id, answer, offline]);
  const run = async (send: () => Promise<string | null>) => {
    setState({ kind: 'sending' });
    const sent = await send();
    if (sent) setId(sent);
    else setState({ kind: 'refused', code: 'internal' });
  };
  return [state, run];
}
