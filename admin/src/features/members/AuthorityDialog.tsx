import { useState } from 'preact/hooks';
import { BalanceOperation, LimitedRole, type AuthorityLimits } from '../../../../shared/domain/authority.ts';
import { errorKey } from '../../../../shared/i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import { authority, loadAuthority, saveAuthority } from '../../sync/members.ts';
import { formatMoney, parseMoney } from './money.ts';
import { useMemberCommand } from './use-member-command.ts';

/** The property's authority limits per role and operation (managers only; the server enforces the same). */
export function AuthorityDialog({ onClose }: { onClose: () => void }) {
  const current = authority.value?.limits;
  const [draft, setDraft] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const r of LimitedRole.options) for (const o of BalanceOperation.options) out[`${r}.${o}`] = current ? String(current[r][o] / 100) : '';
    return out;
  });
  const [state, run] = useMemberCommand(() => void loadAuthority());
  const parsed = (key: string) => parseMoney(draft[key] ?? '');
  const valid = Object.keys(draft).every((k) => (parsed(k) ?? -1) >= 0);

  function submit(e: Event) {
    e.preventDefault();
    if (!valid) return;
    const limits = Object.fromEntries(LimitedRole.options.map((r) => [r, Object.fromEntries(BalanceOperation.options.map((o) => [o, parsed(`${r}.${o}`)!]))])) as AuthorityLimits;
    void run(() => saveAuthority(limits));
  }

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <form class="modal authority-modal" role="dialog" aria-modal="true" aria-labelledby="authority-title" data-testid="authority-dialog" onSubmit={submit}>
        <h2 id="authority-title">{t('members.authority')}</h2>
        <table class="authority-table">
          <thead>
            <tr>
              <th>{t('members.authority.role')}</th>
              {BalanceOperation.options.map((o) => (
                <th key={o}>{t(`members.op.${o}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LimitedRole.options.map((r) => (
              <tr key={r}>
                <th>{t(`header.role.${r}`)}</th>
                {BalanceOperation.options.map((o) => (
                  <td key={o}>
                    <input
                      data-testid={`limit-${r}-${o}`}
                      inputMode="decimal"
                      aria-label={`${t(`header.role.${r}`)} ${t(`members.op.${o}`)}`}
                      value={draft[`${r}.${o}`]}
                      onInput={(e) => setDraft({ ...draft, [`${r}.${o}`]: e.currentTarget.value })}
                    />
                    <small>{parsed(`${r}.${o}`) !== null ? formatMoney(parsed(`${r}.${o}`)!) : '—'}</small>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="approval-meta">{t('members.authority.manager')}</p>
        {state.kind === 'refused' && <p class="form-error">{t(errorKey(state.code))}</p>}
        {state.kind === 'ok' && <p data-testid="authority-saved">{t('members.authority.saved')}</p>}
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={onClose}>
            {t('members.print.close')}
          </button>
          <button type="submit" class="btn btn-primary" data-testid="authority-save" disabled={!valid || state.kind === 'sending'}>
            {t('members.authority.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
