/** Follows one members command this tablet sent until the server answers it (or says it is queued), with its result. */
import { useEffect, useState } from 'preact/hooks';
import type { ErrorCode } from '../../../../shared/protocol/errors.ts';
import { commandResults } from '../../sync/luggage.queries.ts';
import { flushState } from '../../sync/queries.ts';

export type MemberCommandState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'queued' } | { kind: 'ok'; result: unknown } | { kind: 'refused'; code: ErrorCode };

export function useMemberCommand(onApplied?: (result: unknown) => void): [MemberCommandState, (send: () => Promise<string | null>) => Promise<void>, () => void] {
  const [id, setId] = useState<string | null>(null);
  const [state, setState] = useState<MemberCommandState>({ kind: 'idle' });
  const answer = id ? commandResults.value.get(id) : undefined;
  const offline = flushState.value === 'retrying' || flushState.value === 'unauthorized';
  useEffect(() => {
    if (!id) return;
    if (answer?.ok) {
      setState({ kind: 'ok', result: answer.result });
      onApplied?.(answer.result);
    } else if (answer) setState({ kind: 'refused', code: answer.code });
    else if (offline) setState({ kind: 'queued' });
  }, [id, answer, offline]);
  const run = async (send: () => Promise<string | null>) => {
    setState({ kind: 'sending' });
    setId(null);
    const sent = await send();
    if (sent) setId(sent);
    else setState({ kind: 'refused', code: 'internal' });
  };
  const reset = () => {
    setId(null);
    setState({ kind: 'idle' });
  };
  return [state, run, reset];
}
