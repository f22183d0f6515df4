import { useState } from 'preact/hooks';
import { BalanceOperation, LimitedRole, type AuthorityLimits } from '../../../../shared/domain/authority.ts';
import { errorKey } from '../../i18n/admin.ts';
import { t } from '../../i18n/i18n.ts';
import { authority, loadAuthority, saveAuthority } from '../../sync/members.ts';
import { formatMoney, formatPoints, parseMoney, parsePoints } from './money.ts';
import { useCommand } from '../../ui/use-command.ts';

type Unit = 'money' | 'points';
const UNITS: readonly Unit[] = ['money', 'points'];
const MAX_LIMIT = 100_000_000;
const key = (r: LimitedRole, u: Unit, o: BalanceOperation) => `${r}.${u}.${o}`;

/**
 * The property's authority limits per role and operation, money and points
 * (managers only; the server enforces the same). Each is a daily budget per
 * staff member.
 */
export function AuthorityDialog({ onClose }: { onClose: () => void }) {
  const current = authority.value?.limits;
  const [draft, setDraft] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const r of LimitedRole.options) {
      for (const o of BalanceOperation.options) {
        out[key(r, 'money', o)] = current ? String(current[r][o] / 100) : '';
        out[key(r, 'points', o)] = current ? String(current[r].points[o]) : '';
      }
    }
    return out;
  });
  const [state, run] = useCommand<'settings.authority'>(() => void loadAuthority());
  const parsed = (k: string): number | null => {
    const text = draft[k] ?? '';
    const n = k.includes('.points.') ? (text.trim() ? parsePoints(text) : null) : parseMoney(text);
    return n !== null && n >= 0 && n <= MAX_LIMIT ? n : null;
  };
  const valid = Object.keys(draft).every((k) => parsed(k) !== null);

  function submit(e: Event) {
    e.preventDefault();
    if (!valid) return;
    const perOp = (r: LimitedRole, u: Unit) => ({ topup: parsed(key(r, u, 'topup'))!, redeem: parsed(key(r, u, 'redeem'))!, adjust: parsed(key(r, u, 'adjust'))! });
    const role = (r: LimitedRole) => ({ ...perOp(r, 'money'), points: perOp(r, 'points') });
    const limits: AuthorityLimits = { agent: role('agent'), supervisor: role('supervisor') };
    void run(() => saveAuthority(limits));
  }

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <form class="modal authority-modal" role="dialog" aria-modal="true" aria-labelledby="authority-title" data-testid="authority-dialog" onSubmit={submit}>
        <h2 id="authority-title">{t('members.authority')}</h2>
        <p class="approval-meta">{t('members.authority.budgetNote')}</p>
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
            {LimitedRole.options.flatMap((r) =>
              UNITS.map((u) => {
                const label = t(u === 'money' ? 'members.authority.money' : 'members.authority.points', { role: t(`header.role.${r}`) });
                return (
                  <tr key={`${r}.${u}`}>
                    <th>{label}</th>
                    {BalanceOperation.options.map((o) => {
                      const k = key(r, u, o);
                      const n = parsed(k);
                      return (
                        <td key={o}>
                          <input
                            data-testid={u === 'money' ? `limit-${r}-${o}` : `limit-${r}-${o}-points`}
                            inputMode={u === 'money' ? 'decimal' : 'numeric'}
                            aria-label={`${label} ${t(`members.op.${o}`)}`}
                            value={draft[k]}
                            onInput={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
                          />
                          <small>{n === null ? '—' : u === 'money' ? formatMoney(n) : formatPoints(n)}</small>
                        </td>
                      );
                    })}
                  </tr>
                );
              }),
            )}
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
