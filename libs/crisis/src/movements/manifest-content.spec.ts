import { RosterEntry } from '../roster/roster-entry';
import { manifestHeading, manifestTable } from './manifest-content';
import { Movement } from './movement';

const entry = (overrides: Partial<RosterEntry>): RosterEntry =>
  ({
    id: 'e1',
    givenNames: 'Ana',
    familyNames: 'Núñez',
    document: null,
    contact: null,
    dateOfBirth: null,
    welfareStatus: 'safe',
    ...overrides,
  }) as RosterEntry;

const movement = {
  mode: 'bus',
  label: 'Bus 3',
  departsAt: new Date('2031-03-15T14:30:00Z'),
  from: 'Acapulco',
  to: 'Ciudad de México',
} as Movement;

describe('manifest content', () => {
  it('heads the columns in the reader’s language and numbers the passengers', () => {
    const passengers = [
      entry({ document: { type: 'passport', number: 'G1', country: 'MX' } }),
      entry({ givenNames: 'Luis', familyNames: 'Ortiz', contact: '+52 1' }),
    ];
    const es = manifestTable(passengers, 'es');
    expect(es.header.slice(0, 3)).toEqual(['N.º', 'Apellidos', 'Nombres']);
    expect(es.rows).toEqual([
      [1, 'Núñez', 'Ana', 'passport', 'G1', 'MX', null, null, 'safe'],
      [2, 'Ortiz', 'Luis', null, null, null, null, '+52 1', 'safe'],
    ]);
    expect(manifestTable(passengers, 'en').header.slice(0, 3)).toEqual([
      'No.',
      'Family names',
      'Given names',
    ]);
  });

  it('says what moves, when (UTC), from where to where and how many', () => {
    expect(manifestHeading({ name: 'Huracán' }, movement, 2, 'es')).toEqual({
      title: 'Manifiesto de evacuación',
      lines: [
        'Evento: Huracán',
        'Autobús: Bus 3',
        'Salida: 2031-03-15 14:30 UTC',
        'Origen: Acapulco — Destino: Ciudad de México',
        'Pasajeros: 2',
      ],
    });
    expect(manifestHeading({ name: 'Hurricane' }, movement, 0, 'en').lines[4]).toBe(
      'Passengers: 0',
    );
  });
});
