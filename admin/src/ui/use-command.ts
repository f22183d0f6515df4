/**
 * Follows one command a dialog sent until the server answers it (or says it is queued), with
 * its result read by that command's own result schema (shared/protocol/*.commands.ts), so a
 * screen gets `CommandResult<T>`, never `unknown`.
 */
import { useEffect, useState } from 'preact/hooks';
import { resultOf, type CommandResult, type CommandType } from '../../../shared/protocol/commands.ts';
import type { ErrorCode } from '../../../shared/protocol/errors.ts';
import { commandResults } from '../sync/luggage.queries.ts';
import { flushState } from '../sync/queries.ts';
import type { Sent } from '../sync/sent.ts';

export type CommandState<T extends CommandType> =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'queued' }
  /** `result` is null only when the answer cannot be read (a server of another version). */
  | { kind: 'ok'; result: CommandResult<T> | null }
  | { kind: 'refused'; code: ErrorCode };

type Run<T extends CommandType> = (send: () => Promise<Sent<T> | null>) => Promise<void>;

export function useCommand<T extends CommandType>(onApplied?: (result: CommandResult<T> | null) => void): [CommandState<T>, Run<T>, () => void] {
  const [sent, setSent] = useState<Sent<T> | null>(null);
  const [state, setState] = useState<CommandState<T>>({ kind: 'idle' });
  const answer = sent ? commandResults.value.get(sent.id) : undefined;
  const offline = flushState.value === 'retrying' || flushState.value === 'unauthorized';
  useEffect(() => {
    if (!sent) return;
    if (answer?.ok) {
      const read = resultOf(sent.type).safeParse(answer.result);
      const result = read.success ? (read.data as CommandResult<T>) : null;
      setState({ kind: 'ok', result });
      onApplied?.(result);
    } else if (answer) setState({ kind: 'refused', code: answer.code });
    else if (offline) setState({ kind: 'queued' });
  }, [sent, answer, offline]);
  const run: Run<T> = async (send) => {
    setState({ kind: 'sending' });
    setSent(null);
    const queued = await send();
    if (queued) setSent(queued);
    else setState({ kind: 'refused', code: 'internal' });
  };
  const reset = () => {
    setSent(null);
    setState({ kind: 'idle' });
  };
  return [state, run, reset];
}
