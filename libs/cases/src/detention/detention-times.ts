import { invalidField } from '@amparo/core';

/** The times of a detention as they will stand after a write. */
export interface DetentionTimes {
  arrestedAt: Date;
  notifiedAt: Date | null;
  firstContactAt: Date | null;
  releasedAt: Date | null;
}

/**
 * Refuses times that cannot be (one field at a time, a 400 naming it): in the future, a
 * notification before the arrest, a first contact before the notification, a release before the
 * arrest. The database holds the same order as CHECK constraints.
 */
export function checkDetentionTimes(t: DetentionTimes, now: Date): void {
  for (const [field, value] of Object.entries(t) as [keyof DetentionTimes, Date | null][]) {
    if (value && value > now)
      throw invalidField(
        field,
        'IN_THE_FUTURE',
        'Esta hora no puede estar en el futuro.',
        'This time cannot be in the future.',
      );
  }
  if (t.notifiedAt && t.notifiedAt < t.arrestedAt)
    throw invalidField(
      'notifiedAt',
      'BEFORE_ARREST',
      'La notificación no puede ser anterior a la detención.',
      'The notification cannot precede the arrest.',
    );
  if (t.firstContactAt && !t.notifiedAt)
    throw invalidField(
      'firstContactAt',
      'NEEDS_NOTIFICATION',
      'Indique primero cuándo se notificó al consulado.',
      'Give first when the consulate was notified.',
    );
  if (t.firstContactAt && t.notifiedAt && t.firstContactAt < t.notifiedAt)
    throw invalidField(
      'firstContactAt',
      'BEFORE_NOTIFICATION',
      'El primer contacto consular no puede ser anterior a la notificación.',
      'The first consular contact cannot precede the notification.',
    );
  if (t.releasedAt && t.releasedAt < t.arrestedAt)
    throw invalidField(
      'releasedAt',
      'BEFORE_ARREST',
      'La liberación no puede ser anterior a la detención.',
      'The release cannot precede the arrest.',
    );
}
