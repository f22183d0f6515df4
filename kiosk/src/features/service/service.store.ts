/**
 * A catalog service (taxi, towels, a wake-up call…): home tile → `service` (only the fields its
 * rules turn on) → `service_ticket`. The draft and the chosen service are dropped when the kiosk
 * returns home. The service is kept as it was when the guest tapped its tile: a manager's edit
 * meanwhile does not move fields under the guest's finger (the server checks the code).
 */
import { effect, signal } from '@preact/signals';
import type { Service } from '../../../../shared/domain/service.ts';
import { step } from '../../app/step.ts';
import { requestService } from '../../sync/actions.ts';
import { waitInputs } from '../../sync/actions.ts';
import { estimateWait } from '../call-staff/wait-estimate.ts';
import { canConfirm, EMPTY_SERVICE_DRAFT, requestFields, type ServiceDraft } from './service-fields.ts';

export const chosenService = signal<Service | null>(null);
export const serviceDraft = signal<ServiceDraft>(EMPTY_SERVICE_DRAFT);
export const serviceTicket = signal<{ ticketId: string; ticket: string; service: Service } | null>(null);
export const serviceBusy = signal(false);
export const serviceError = signal<unknown>(null);

function clearService(): void {
  chosenService.value = null;
  serviceDraft.value = EMPTY_SERVICE_DRAFT;
  serviceTicket.value = null;
  serviceError.value = null;
}
effect(() => {
  if (step.value === 'home') clearService();
});

export function startService(service: Service): void {
  clearService();
  chosenService.value = service;
  step.value = 'service';
}

export function updateService(patch: Partial<ServiceDraft>): void {
  serviceDraft.value = { ...serviceDraft.value, ...patch };
}

/** Takes the number (locally, at once) and shows it. A second tap while working does nothing. */
export async function confirmService(now = new Date()): Promise<void> {
  const service = chosenService.value;
  const d = serviceDraft.value;
  if (serviceBusy.value || !service || !canConfirm(service.fields, d)) return;
  serviceBusy.value = true;
  serviceError.value = null;
  try {
    const fields = requestFields(service.fields, d, now);
    // A wait is quoted only for "now" (no time asked, or as soon as possible), like "Call staff".
    const forNow = fields.neededAt === null || d.neededAt === 'asap';
    const quote = forNow ? await waitInputs('service').then(estimateWait, () => null) : null;
    const row = await requestService({ service: service.code, ...fields, quote });
    serviceTicket.value = { ticketId: row.id, ticket: row.ticket, service };
    serviceDraft.value = EMPTY_SERVICE_DRAFT;
    step.value = 'service_ticket';
  } catch (e) {
    serviceError.value = e;
  } finally {
    serviceBusy.value = false;
  }
}
