import { MovementMode } from '../crisis-codes';
import { RosterEntry } from '../roster/roster-entry';

/** An evacuation movement (a flight, a bus…) of an event. */
export interface Movement {
  id: string;
  eventId: string;
  mode: MovementMode;
  label: string;
  departsAt: Date;
  from: string;
  to: string;
  createdBy: string;
  createdAt: Date;
  passengerCount: number;
}

export interface MovementDetail extends Movement {
  /** The persons on board, by family and given names. */
  passengers: RosterEntry[];
}

export interface NewMovement {
  mode: MovementMode;
  label: string;
  departsAt: Date;
  from: string;
  to: string;
}

export const MOVEMENT_COLUMNS = `
  v.id, v.event_id AS "eventId", v.mode, v.label, v.departs_at AS "departsAt", v.origin AS "from",
  v.destination AS "to", v.created_by AS "createdBy", v.created_at AS "createdAt",
  (SELECT count(*) FROM crisis_movement_passengers p WHERE p.movement_id = v.id)::int AS "passengerCount"`;
