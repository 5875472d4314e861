import {
  ConsulateType,
  FocalTopic,
  NewConsulate,
  NewOfficial,
  NewOrganisation,
} from '@amparo/directory';
import { Role } from '@amparo/identity';

/*
 * The demo network: synthetic people and contacts in the real cities where the member countries
 * have posts. Every e-mail and website is under a reserved example domain (RFC 2606), every phone
 * number is in a fictitious range (NANP 555-01xx, elsewhere an impossible 0000 01xx).
 */

export type DemoOfficial = Omit<NewOfficial, 'consulateId'>;

export interface DemoConsulate extends NewConsulate {
  officials: DemoOfficial[];
}

export interface DemoUser {
  email: string;
  displayName: string;
  countryCode: string | null;
  /** Consulate roles name a post of the user's country by its post code. */
  grants: { role: Role; postCode?: string }[];
}

type OfficialSpec = [name: string, title: string, from: string, topics: FocalTopic[], to?: string];

interface PostSpec {
  sending: string;
  postCode: string;
  type: ConsulateType;
  name: string;
  host: string;
  city: string;
  jurisdiction: string[];
  /** Host-country prefix of a fictitious number: '+1 213 555' or '+52 962 0000'. */
  dial: string;
  officials: OfficialSpec[];
}

const ENGLISH_SPEAKING = ['US', 'CA', 'BZ'];

const POSTS: PostSpec[] = [
  // Mexico
  {
    sending: 'MX',
    postCode: 'LAX',
    type: 'consulate_general',
    name: 'Consulado General de México en Los Ángeles',
    host: 'US',
    city: 'Los Angeles',
    jurisdiction: ['US-CA'],
    dial: '+1 213 555',
    officials: [
      ['Rodrigo Anaya Velasco', 'Cónsul General', '2023-02-01', ['emergencies', 'detention']],
      ['Itzel Marroquín Zavala', 'Cónsul de Protección', '2022-08-15', ['children', 'trafficking']],
      ['Tomás Urquidi Salas', 'Cónsul Adscrito', '2021-03-01', ['labour', 'health']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'CHI',
    type: 'consulate_general',
    name: 'Consulado General de México en Chicago',
    host: 'US',
    city: 'Chicago',
    jurisdiction: ['US-IL'],
    dial: '+1 312 555',
    officials: [
      ['Beatriz Olmedo Carranza', 'Cónsul General', '2022-11-07', ['emergencies']],
      ['Saúl Ledesma Ruvalcaba', 'Cónsul de Protección', '2023-06-12', ['detention', 'returns']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'HOU',
    type: 'consulate_general',
    name: 'Consulado General de México en Houston',
    host: 'US',
    city: 'Houston',
    jurisdiction: ['US-TX'],
    dial: '+1 713 555',
    officials: [
      ['Fernanda Ibarrola Cuéllar', 'Cónsul General', '2021-09-20', ['emergencies']],
      ['Julián Trejo Amezcua', 'Jefe de Protección', '2022-04-04', ['detention', 'trafficking']],
      ['Mónica Sepúlveda Arriaga', 'Vicecónsul', '2024-01-15', ['children', 'health']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'PHX',
    type: 'consulate_general',
    name: 'Consulado General de México en Phoenix',
    host: 'US',
    city: 'Phoenix',
    jurisdiction: ['US-AZ'],
    dial: '+1 602 555',
    officials: [
      ['Gerardo Palafox Iturbe', 'Cónsul General', '2024-03-18', ['emergencies', 'detention']],
      ['Regina Zamudio Ochoa', 'Cónsul Adscrita', '2022-10-03', ['children', 'returns']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'NYC',
    type: 'consulate_general',
    name: 'Consulado General de México en Nueva York',
    host: 'US',
    city: 'New York',
    jurisdiction: ['US-NY', 'US-CT'],
    dial: '+1 212 555',
    officials: [
      ['Alejandra Bermúdez Tapia', 'Cónsul General', '2023-05-22', ['emergencies']],
      ['Ernesto Galindo Peralta', 'Cónsul de Protección', '2021-07-12', ['labour', 'detention']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'FRESMOV',
    type: 'mobile_consulate',
    name: 'Consulado Móvil de México en el Valle Central',
    host: 'US',
    city: 'Fresno',
    jurisdiction: ['US-CA'],
    dial: '+1 559 555',
    officials: [
      ['Adrián Covarrubias Nieto', 'Coordinador del Consulado Móvil', '2024-02-05', ['labour']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'TOR',
    type: 'consulate_general',
    name: 'Consulado General de México en Toronto',
    host: 'CA',
    city: 'Toronto',
    jurisdiction: ['CA-ON'],
    dial: '+1 416 555',
    officials: [
      ['Vanessa Lozoya Medrano', 'Cónsul General', '2022-01-10', ['emergencies']],
      ['Óscar Benavides Quezada', 'Cónsul Adscrito', '2023-04-03', ['labour', 'health']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'GUA',
    type: 'embassy_consular_section',
    name: 'Sección Consular de la Embajada de México en Guatemala',
    host: 'GT',
    city: 'Ciudad de Guatemala',
    jurisdiction: ['GT-01', 'GT-03', 'GT-04', 'GT-05'],
    dial: '+502 0000',
    officials: [
      ['Lorena Cisneros Aldama', 'Jefa de la Sección Consular', '2022-06-06', ['emergencies']],
    ],
  },
  {
    sending: 'MX',
    postCode: 'TUM',
    type: 'consulate',
    name: 'Consulado de México en Tecún Umán',
    host: 'GT',
    city: 'Tecún Umán',
    jurisdiction: ['GT-12', 'GT-11', 'GT-09'],
    dial: '+502 0000',
    officials: [
      ['Ignacio Barragán Luna', 'Cónsul Titular', '2023-09-11', ['children', 'trafficking']],
      ['Dulce María Orozco Plata', 'Vicecónsul', '2019-05-02', ['returns'], '2023-12-31'],
    ],
  },
  // Guatemala
  {
    sending: 'GT',
    postCode: 'LAX',
    type: 'consulate_general',
    name: 'Consulado General de Guatemala en Los Ángeles',
    host: 'US',
    city: 'Los Angeles',
    jurisdiction: ['US-CA'],
    dial: '+1 213 555',
    officials: [
      ['Mynor Estrada Girón', 'Cónsul General', '2022-03-14', ['emergencies', 'detention']],
      ['Sonia Elizabeth Tuy Coyoy', 'Cónsul', '2023-01-09', ['children', 'trafficking']],
    ],
  },
  {
    sending: 'GT',
    postCode: 'HOU',
    type: 'consulate_general',
    name: 'Consulado General de Guatemala en Houston',
    host: 'US',
    city: 'Houston',
    jurisdiction: ['US-TX', 'US-OK'],
    dial: '+1 713 555',
    officials: [
      ['Carlos Humberto Mejicanos Paiz', 'Cónsul General', '2021-10-18', ['emergencies']],
      ['Wendy Paola Gramajo Sic', 'Vicecónsul', '2024-04-22', ['children', 'returns']],
    ],
  },
  {
    sending: 'GT',
    postCode: 'NYC',
    type: 'consulate_general',
    name: 'Consulado General de Guatemala en Nueva York',
    host: 'US',
    city: 'New York',
    jurisdiction: ['US-NY', 'US-NJ', 'US-CT'],
    dial: '+1 212 555',
    officials: [
      ['Julio Roberto Sagastume Lara', 'Cónsul General', '2023-07-03', ['emergencies', 'labour']],
      ['Marta Julia Ixcoy Batz', 'Cónsul', '2022-02-21', ['detention', 'children']],
    ],
  },
  {
    sending: 'GT',
    postCode: 'PHX',
    type: 'consulate',
    name: 'Consulado de Guatemala en Phoenix',
    host: 'US',
    city: 'Phoenix',
    jurisdiction: ['US-AZ', 'US-NM'],
    dial: '+1 602 555',
    officials: [['Otto René Samayoa Paz', 'Cónsul', '2022-09-05', ['detention', 'returns']]],
  },
  {
    sending: 'GT',
    postCode: 'TAP',
    type: 'consulate_general',
    name: 'Consulado General de Guatemala en Tapachula',
    host: 'MX',
    city: 'Tapachula',
    jurisdiction: ['MX-CHP'],
    dial: '+52 962 0000',
    officials: [
      ['Brenda Lisseth Quiñónez Ardón', 'Cónsul General', '2023-03-27', ['children', 'returns']],
      ['Edwin Rolando Coj Tzoc', 'Cónsul Adscrito', '2021-11-15', ['detention', 'trafficking']],
      ['Flor María Tobar Lemus', 'Vicecónsul', '2024-06-10', ['health']],
    ],
  },
  {
    sending: 'GT',
    postCode: 'MEX',
    type: 'embassy_consular_section',
    name: 'Sección Consular de la Embajada de Guatemala en México',
    host: 'MX',
    city: 'Ciudad de México',
    jurisdiction: ['MX-CMX', 'MX-MEX', 'MX-PUE', 'MX-MOR'],
    dial: '+52 55 0000',
    officials: [
      [
        'Héctor Aníbal Pineda Lux',
        'Encargado de Asuntos Consulares',
        '2022-05-16',
        ['emergencies'],
      ],
    ],
  },
  // Honduras
  {
    sending: 'HN',
    postCode: 'HOU',
    type: 'consulate_general',
    name: 'Consulado General de Honduras en Houston',
    host: 'US',
    city: 'Houston',
    jurisdiction: ['US-TX'],
    dial: '+1 713 555',
    officials: [
      ['Karla Yessenia Maradiaga Banegas', 'Cónsul General', '2022-07-25', ['emergencies']],
      ['Dennis Omar Zelaya Fúnez', 'Vicecónsul', '2023-10-02', ['children', 'detention']],
    ],
  },
  {
    sending: 'HN',
    postCode: 'NOL',
    type: 'consulate_general',
    name: 'Consulado General de Honduras en Nueva Orleans',
    host: 'US',
    city: 'New Orleans',
    jurisdiction: ['US-LA', 'US-MS', 'US-AL'],
    dial: '+1 504 555',
    officials: [['Iris Marisol Cálix Rosales', 'Cónsul General', '2021-04-12', ['labour']]],
  },
  {
    sending: 'HN',
    postCode: 'MIA',
    type: 'consulate_general',
    name: 'Consulado General de Honduras en Miami',
    host: 'US',
    city: 'Miami',
    jurisdiction: ['US-FL'],
    dial: '+1 305 555',
    officials: [
      ['Marco Tulio Andino Reyes', 'Cónsul General', '2023-02-13', ['detention', 'returns']],
      ['Suyapa Elena Matamoros Díaz', 'Cónsul Adscrita', '2022-12-05', ['children', 'trafficking']],
    ],
  },
  {
    sending: 'HN',
    postCode: 'TAP',
    type: 'consulate',
    name: 'Consulado de Honduras en Tapachula',
    host: 'MX',
    city: 'Tapachula',
    jurisdiction: ['MX-CHP', 'MX-TAB'],
    dial: '+52 962 0000',
    officials: [
      [
        'Nelson Geovany Lagos Aguilar',
        'Cónsul',
        '2023-08-28',
        ['children', 'trafficking', 'returns'],
      ],
    ],
  },
  // El Salvador
  {
    sending: 'SV',
    postCode: 'LAX',
    type: 'consulate_general',
    name: 'Consulado General de El Salvador en Los Ángeles',
    host: 'US',
    city: 'Los Angeles',
    jurisdiction: ['US-CA'],
    dial: '+1 213 555',
    officials: [
      ['Roxana Beatriz Menjívar Alas', 'Cónsul General', '2022-10-17', ['emergencies']],
      ['Jaime Ernesto Portillo Guevara', 'Cónsul de Protección', '2021-06-07', ['detention']],
    ],
  },
  {
    sending: 'SV',
    postCode: 'WAS',
    type: 'consulate_general',
    name: 'Consulado General de El Salvador en Washington',
    host: 'US',
    city: 'Washington',
    jurisdiction: ['US-DC', 'US-MD', 'US-VA'],
    dial: '+1 202 555',
    officials: [
      ['Carmen Elena Quintanilla Rivas', 'Cónsul General', '2023-04-24', ['emergencies', 'labour']],
    ],
  },
  {
    sending: 'SV',
    postCode: 'HOU',
    type: 'consulate_general',
    name: 'Consulado General de El Salvador en Houston',
    host: 'US',
    city: 'Houston',
    jurisdiction: ['US-TX'],
    dial: '+1 713 555',
    officials: [
      ['Óscar Armando Ventura Molina', 'Cónsul General', '2024-01-08', ['detention', 'returns']],
      ['Xiomara Lisseth Amaya Cortez', 'Vicecónsul', '2022-03-01', ['children', 'trafficking']],
    ],
  },
  {
    sending: 'SV',
    postCode: 'TAP',
    type: 'consulate',
    name: 'Consulado de El Salvador en Tapachula',
    host: 'MX',
    city: 'Tapachula',
    jurisdiction: ['MX-CHP'],
    dial: '+52 962 0000',
    officials: [
      [
        'René Mauricio Orellana Cruz',
        'Cónsul',
        '2023-11-20',
        ['children', 'returns', 'emergencies'],
      ],
    ],
  },
  // Costa Rica
  {
    sending: 'CR',
    postCode: 'MGA',
    type: 'consulate_general',
    name: 'Consulado General de Costa Rica en Managua',
    host: 'NI',
    city: 'Managua',
    jurisdiction: ['NI-MN', 'NI-GR', 'NI-MS', 'NI-CA'],
    dial: '+505 0000',
    officials: [['Adriana Solano Chacón', 'Cónsul General', '2022-08-01', ['emergencies']]],
  },
  {
    sending: 'CR',
    postCode: 'NYC',
    type: 'consulate_general',
    name: 'Consulado General de Costa Rica en Nueva York',
    host: 'US',
    city: 'New York',
    jurisdiction: ['US-NY', 'US-NJ', 'US-CT'],
    dial: '+1 212 555',
    officials: [
      ['Esteban Jiménez Arguedas', 'Cónsul General', '2023-05-15', ['emergencies']],
      ['Daniela Vargas Montero', 'Vicecónsul', '2024-09-02', ['health', 'detention']],
    ],
  },
  {
    sending: 'CR',
    postCode: 'MIA',
    type: 'consulate_general',
    name: 'Consulado General de Costa Rica en Miami',
    host: 'US',
    city: 'Miami',
    jurisdiction: ['US-FL'],
    dial: '+1 305 555',
    officials: [['Mauricio Calderón Rojas', 'Cónsul', '2021-12-13', ['detention', 'returns']]],
  },
  // Panama
  {
    sending: 'PA',
    postCode: 'MIA',
    type: 'consulate_general',
    name: 'Consulado General de Panamá en Miami',
    host: 'US',
    city: 'Miami',
    jurisdiction: ['US-FL'],
    dial: '+1 305 555',
    officials: [['Yaritza Castillo Saavedra', 'Cónsul General', '2023-01-16', ['emergencies']]],
  },
  {
    sending: 'PA',
    postCode: 'SJO',
    type: 'embassy_consular_section',
    name: 'Sección Consular de la Embajada de Panamá en Costa Rica',
    host: 'CR',
    city: 'San José',
    jurisdiction: ['CR-SJ', 'CR-A', 'CR-C', 'CR-H'],
    dial: '+506 0000',
    officials: [['Abdiel Moreno Quintero', 'Cónsul', '2022-04-18', ['returns', 'detention']]],
  },
  // Nicaragua
  {
    sending: 'NI',
    postCode: 'SJO',
    type: 'consulate_general',
    name: 'Consulado General de Nicaragua en San José',
    host: 'CR',
    city: 'San José',
    jurisdiction: ['CR-SJ', 'CR-A', 'CR-C', 'CR-H', 'CR-L', 'CR-P'],
    dial: '+506 0000',
    officials: [
      ['Martha Lorena Espinoza Duarte', 'Cónsul General', '2021-05-10', ['emergencies', 'labour']],
      ['Francisco Javier Obando Largaespada', 'Cónsul', '2023-03-06', ['detention', 'children']],
    ],
  },
  {
    sending: 'NI',
    postCode: 'LIR',
    type: 'consulate',
    name: 'Consulado de Nicaragua en Liberia',
    host: 'CR',
    city: 'Liberia',
    jurisdiction: ['CR-G'],
    dial: '+506 0000',
    officials: [['Rosa Argentina Membreño Téllez', 'Cónsul', '2022-11-28', ['labour', 'health']]],
  },
  {
    sending: 'NI',
    postCode: 'MIA',
    type: 'consulate_general',
    name: 'Consulado General de Nicaragua en Miami',
    host: 'US',
    city: 'Miami',
    jurisdiction: ['US-FL'],
    dial: '+1 305 555',
    officials: [['Álvaro José Lacayo Somarriba', 'Cónsul General', '2024-05-06', ['emergencies']]],
  },
  // Dominican Republic
  {
    sending: 'DO',
    postCode: 'NYC',
    type: 'consulate_general',
    name: 'Consulado General de la República Dominicana en Nueva York',
    host: 'US',
    city: 'New York',
    jurisdiction: ['US-NY', 'US-NJ', 'US-CT'],
    dial: '+1 212 555',
    officials: [
      ['Yokasta Altagracia Peña Mejía', 'Cónsul General', '2022-09-12', ['emergencies']],
      ['Wander Radhamés Santana Féliz', 'Vicecónsul', '2023-06-19', ['returns']],
      ['Ramón Antonio Guzmán Tavárez', 'Vicecónsul', '2019-02-04', ['detention'], '2022-12-31'],
    ],
  },
  {
    sending: 'DO',
    postCode: 'BOS',
    type: 'consulate_general',
    name: 'Consulado General de la República Dominicana en Boston',
    host: 'US',
    city: 'Boston',
    jurisdiction: ['US-MA', 'US-RI', 'US-NH', 'US-ME', 'US-VT'],
    dial: '+1 617 555',
    officials: [['Francheska Morillo Batista', 'Cónsul', '2023-08-07', ['children', 'labour']]],
  },
  {
    sending: 'DO',
    postCode: 'SJU',
    type: 'consulate_general',
    name: 'Consulado General de la República Dominicana en San Juan',
    host: 'US',
    city: 'San Juan',
    jurisdiction: ['US-PR'],
    dial: '+1 787 555',
    officials: [['Elvin Rafael Paulino Abreu', 'Cónsul General', '2021-01-25', ['returns']]],
  },
  // Belize
  {
    sending: 'BZ',
    postCode: 'MEX',
    type: 'embassy_consular_section',
    name: 'Consular Section, Embassy of Belize in Mexico',
    host: 'MX',
    city: 'Ciudad de México',
    jurisdiction: ['MX-CMX', 'MX-MEX'],
    dial: '+52 55 0000',
    officials: [
      ['Sharlene Arnold Castillo', 'Head of Consular Section', '2022-02-14', ['emergencies']],
    ],
  },
  {
    sending: 'BZ',
    postCode: 'CTM',
    type: 'honorary_consulate',
    name: 'Honorary Consulate of Belize in Chetumal',
    host: 'MX',
    city: 'Chetumal',
    jurisdiction: ['MX-ROO', 'MX-CAM', 'MX-YUC'],
    dial: '+52 983 0000',
    officials: [['Kareem Usher Pook', 'Honorary Consul', '2020-10-05', ['emergencies', 'returns']]],
  },
  {
    sending: 'BZ',
    postCode: 'GUA',
    type: 'embassy_consular_section',
    name: 'Consular Section, Embassy of Belize in Guatemala',
    host: 'GT',
    city: 'Ciudad de Guatemala',
    jurisdiction: ['GT-01', 'GT-17', 'GT-18'],
    dial: '+502 0000',
    officials: [['Marisol Chun Williams', 'Consul', '2023-09-25', ['children', 'returns']]],
  },
  // Canada
  {
    sending: 'CA',
    postCode: 'MEX',
    type: 'embassy_consular_section',
    name: 'Consular Section, Embassy of Canada to Mexico',
    host: 'MX',
    city: 'Ciudad de México',
    jurisdiction: ['MX-CMX', 'MX-MEX', 'MX-MOR', 'MX-PUE'],
    dial: '+52 55 0000',
    officials: [
      ['Heather MacAulay', 'Consul and Head of Consular Section', '2022-08-22', ['emergencies']],
      ['Julien Tremblay-Okafor', 'Consular Program Officer', '2024-01-29', ['health', 'detention']],
    ],
  },
  {
    sending: 'CA',
    postCode: 'GDL',
    type: 'consulate',
    name: 'Consulate of Canada in Guadalajara',
    host: 'MX',
    city: 'Guadalajara',
    jurisdiction: ['MX-JAL', 'MX-COL', 'MX-NAY', 'MX-MIC'],
    dial: '+52 33 0000',
    officials: [['Priya Lindqvist', 'Consul', '2023-07-17', ['emergencies', 'detention']]],
  },
  {
    sending: 'CA',
    postCode: 'GUA',
    type: 'embassy_consular_section',
    name: 'Consular Section, Embassy of Canada to Guatemala',
    host: 'GT',
    city: 'Ciudad de Guatemala',
    jurisdiction: ['GT-01', 'GT-03'],
    dial: '+502 0000',
    officials: [['Graham Beaulieu', 'Consul', '2021-08-30', ['emergencies']]],
  },
  // United States
  {
    sending: 'US',
    postCode: 'MEX',
    type: 'embassy_consular_section',
    name: 'Consular Section, U.S. Embassy Mexico City',
    host: 'MX',
    city: 'Ciudad de México',
    jurisdiction: ['MX-CMX', 'MX-MEX', 'MX-MOR', 'MX-HID', 'MX-TLA', 'MX-PUE', 'MX-GRO'],
    dial: '+52 55 0000',
    officials: [
      ['Katherine Whitfield', 'Consul General', '2023-08-14', ['emergencies']],
      [
        'Marcus Delacroix',
        'Chief, American Citizen Services',
        '2022-07-05',
        ['detention', 'children'],
      ],
    ],
  },
  {
    sending: 'US',
    postCode: 'TIJ',
    type: 'consulate_general',
    name: 'U.S. Consulate General Tijuana',
    host: 'MX',
    city: 'Tijuana',
    jurisdiction: ['MX-BCN'],
    dial: '+52 664 0000',
    officials: [
      ['Danielle Okonkwo-Reyes', 'Consul General', '2024-07-08', ['emergencies']],
      ['Travis Holloway', 'Vice Consul', '2023-02-27', ['detention', 'returns']],
    ],
  },
  {
    sending: 'US',
    postCode: 'CJS',
    type: 'consulate_general',
    name: 'U.S. Consulate General Ciudad Juárez',
    host: 'MX',
    city: 'Ciudad Juárez',
    jurisdiction: ['MX-CHH'],
    dial: '+52 656 0000',
    officials: [['Allison Pryor', 'Consul General', '2022-06-13', ['emergencies', 'detention']]],
  },
  {
    sending: 'US',
    postCode: 'GUA',
    type: 'embassy_consular_section',
    name: 'Consular Section, U.S. Embassy Guatemala City',
    host: 'GT',
    city: 'Ciudad de Guatemala',
    jurisdiction: ['GT-01', 'GT-03', 'GT-05', 'GT-04'],
    dial: '+502 0000',
    officials: [['Benjamin Stroud', 'Consul General', '2023-09-05', ['emergencies']]],
  },
  {
    sending: 'US',
    postCode: 'TGU',
    type: 'embassy_consular_section',
    name: 'Consular Section, U.S. Embassy Tegucigalpa',
    host: 'HN',
    city: 'Tegucigalpa',
    jurisdiction: ['HN-FM', 'HN-CH', 'HN-EP'],
    dial: '+504 0000',
    officials: [['Rebecca Lindgren', 'Consular Chief', '2022-10-24', ['emergencies', 'detention']]],
  },
];

/** Lower-case ASCII, for the local part of an e-mail address. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
}

/** `n` (0–99) as the last digits of a fictitious number under `dial`. */
export function fakePhone(dial: string, n: number): string {
  return `${dial} 01${String(n % 100).padStart(2, '0')}`;
}

function toConsulate(post: PostSpec, index: number): DemoConsulate {
  const english = ENGLISH_SPEAKING.includes(post.sending);
  const domain =
    `${english ? 'consulate' : 'consulado'}-${post.sending}-${post.postCode}`.toLowerCase();
  const phone = fakePhone(post.dial, index);
  const address = ENGLISH_SPEAKING.includes(post.host)
    ? `${100 + index * 10} Example Street, ${post.city}`
    : `Avenida Ejemplo ${100 + index * 10}, ${post.city}`;
  return {
    sendingCountryCode: post.sending,
    postCode: post.postCode,
    name: post.name,
    type: post.type,
    hostCountryCode: post.host,
    city: post.city,
    jurisdiction: post.jurisdiction,
    address,
    phone,
    emergencyPhone: fakePhone(post.dial, index + 50),
    email: `${english ? 'contact' : 'contacto'}@${domain}.example.org`,
    website: `https://${domain}.example`,
    officials: post.officials.map(([name, title, accreditedFrom, topics, accreditedTo]) => {
      const words = name.split(' ');
      // Spanish names end with two family names; the first of them is the one people go by.
      const surname = !english && words.length > 2 ? words[words.length - 2] : words.at(-1)!;
      return {
        name,
        title,
        accreditedFrom,
        accreditedTo: accreditedTo ?? null,
        topics,
        workEmail: `${ascii(words[0][0])}.${ascii(surname)}@${domain}.example.org`,
        workPhone: phone,
      };
    }),
  };
}

export const DEMO_CONSULATES: DemoConsulate[] = POSTS.map(toConsulate);

type OrganisationSpec = Omit<NewOrganisation, 'email' | 'website' | 'phone'> & {
  slug: string;
  dial: string;
};

const ORGANISATIONS: OrganisationSpec[] = [
  // Civil society
  {
    name: 'Albergue Colibrí Andante',
    type: 'civil_society',
    description: 'Albergue de tránsito para familias y personas migrantes en la frontera sur.',
    services: ['shelter', 'food_and_basic_needs', 'health', 'psychosocial'],
    coverageCountries: ['MX'],
    coverageSubdivisions: ['MX-CHP'],
    languages: ['es', 'mam', 'tzh'],
    address: 'Avenida Ejemplo 12, Tapachula',
    managedByCountryCode: 'MX',
    slug: 'colibri-andante',
    dial: '+52 962 0000',
  },
  {
    name: 'Colectivo Brújula Migrante',
    acronym: 'CBM',
    type: 'civil_society',
    description: 'Orientación y representación legal gratuita en procesos migratorios.',
    services: ['legal_aid', 'documentation'],
    coverageCountries: ['MX'],
    coverageSubdivisions: ['MX-BCN', 'MX-SON'],
    languages: ['es', 'en'],
    managedByCountryCode: 'MX',
    slug: 'brujula-migrante',
    dial: '+52 664 0000',
  },
  {
    name: 'Red Puente de Cuidados',
    type: 'civil_society',
    description:
      'Acompañamiento psicosocial y búsqueda de familiares a lo largo de la ruta migratoria.',
    services: ['psychosocial', 'family_tracing'],
    coverageCountries: ['MX', 'GT', 'HN', 'SV'],
    languages: ['es'],
    managedByCountryCode: 'GT',
    slug: 'puente-de-cuidados',
    dial: '+502 0000',
  },
  {
    name: 'Casa Tejedora de Huehuetenango',
    type: 'civil_society',
    description: 'Protección y albergue para niñas, niños y adolescentes retornados.',
    services: ['child_protection', 'shelter', 'interpretation'],
    coverageCountries: ['GT'],
    coverageSubdivisions: ['GT-13'],
    languages: ['es', 'mam', 'kjb'],
    managedByCountryCode: 'GT',
    slug: 'casa-tejedora',
    dial: '+502 0000',
  },
  {
    name: 'Asociación Raíces del Suchiate',
    type: 'civil_society',
    description:
      'Recepción de personas retornadas y apoyo con documentos de identidad a ambos lados del río.',
    services: ['repatriation_support', 'documentation', 'food_and_basic_needs'],
    coverageCountries: ['MX', 'GT'],
    coverageSubdivisions: ['MX-CHP', 'GT-12'],
    languages: ['es', 'mam'],
    managedByCountryCode: 'MX',
    slug: 'raices-del-suchiate',
    dial: '+52 962 0000',
  },
  {
    name: 'Fundación Huella Nueva',
    type: 'civil_society',
    description: 'Defensa de derechos laborales de trabajadores agrícolas.',
    services: ['labour', 'legal_aid'],
    coverageCountries: ['US'],
    coverageSubdivisions: ['US-CA', 'US-AZ'],
    languages: ['es', 'en', 'mix'],
    managedByCountryCode: 'MX',
    slug: 'huella-nueva',
    dial: '+1 559 555',
  },
  {
    name: 'Centro Horizonte Laboral',
    type: 'civil_society',
    description: 'Reclamos de salarios no pagados y accidentes de trabajo.',
    services: ['labour', 'legal_aid', 'interpretation'],
    coverageCountries: ['US'],
    coverageSubdivisions: ['US-TX'],
    languages: ['es', 'en', 'quc'],
    managedByCountryCode: 'GT',
    slug: 'horizonte-laboral',
    dial: '+1 713 555',
  },
  {
    name: 'Clínica Comunitaria La Ceiba Viajera',
    type: 'civil_society',
    description: 'Atención médica básica a personas en tránsito y retornadas.',
    services: ['health', 'psychosocial'],
    coverageCountries: ['HN'],
    coverageSubdivisions: ['HN-CR', 'HN-AT'],
    languages: ['es', 'cab'],
    managedByCountryCode: 'HN',
    slug: 'ceiba-viajera',
    dial: '+504 0000',
  },
  {
    name: 'Refugio Tortuga Azul para la Niñez',
    type: 'civil_society',
    description: 'Albergue especializado para niñas, niños y adolescentes no acompañados.',
    services: ['child_protection', 'shelter', 'psychosocial', 'health'],
    coverageCountries: ['MX'],
    coverageSubdivisions: ['MX-CHP', 'MX-TAB'],
    languages: ['es', 'tzo'],
    managedByCountryCode: 'MX',
    slug: 'tortuga-azul',
    dial: '+52 962 0000',
  },
  {
    name: 'Defensoría Comunitaria Camino Claro',
    type: 'civil_society',
    description: 'Asesoría legal a familias de personas migrantes desaparecidas o detenidas.',
    services: ['legal_aid', 'family_tracing'],
    coverageCountries: ['GT'],
    coverageSubdivisions: ['GT-01', 'GT-09', 'GT-08'],
    languages: ['es', 'quc', 'mam'],
    managedByCountryCode: 'GT',
    slug: 'camino-claro',
    dial: '+502 0000',
  },
  {
    name: 'Voces del Retorno',
    type: 'civil_society',
    description:
      'Reintegración de personas retornadas: empleo, apoyo emocional y redes comunitarias.',
    services: ['repatriation_support', 'psychosocial', 'labour'],
    coverageCountries: ['SV'],
    coverageSubdivisions: ['SV-SS', 'SV-SM'],
    languages: ['es'],
    managedByCountryCode: 'SV',
    slug: 'voces-del-retorno',
    dial: '+503 0000',
  },
  {
    name: 'Mesa de Acompañamiento Lempa',
    type: 'civil_society',
    description: 'Búsqueda de personas migrantes desaparecidas y apoyo a sus familias.',
    services: ['family_tracing', 'psychosocial'],
    coverageCountries: ['SV', 'HN'],
    languages: ['es'],
    managedByCountryCode: 'SV',
    slug: 'mesa-lempa',
    dial: '+503 0000',
  },
  {
    name: "Red de Intérpretes Mayas Saq Be'",
    type: 'civil_society',
    description:
      'Interpretación en idiomas mayas para audiencias, hospitales y entrevistas consulares.',
    services: ['interpretation'],
    coverageCountries: ['GT', 'MX', 'US'],
    languages: ['es', 'en', 'mam', 'kek', 'quc', 'cak', 'kjb'],
    managedByCountryCode: 'GT',
    slug: 'saq-be',
    dial: '+502 0000',
  },
  {
    name: 'Hogar Paso Sereno',
    type: 'civil_society',
    description: 'Albergue temporal y alimentación cerca de la frontera norte de Costa Rica.',
    services: ['shelter', 'food_and_basic_needs'],
    coverageCountries: ['CR'],
    coverageSubdivisions: ['CR-G', 'CR-A'],
    languages: ['es'],
    managedByCountryCode: 'CR',
    slug: 'paso-sereno',
    dial: '+506 0000',
  },
  {
    name: 'Colectiva Nido de Cuidados',
    type: 'civil_society',
    description:
      'Apoyo a sobrevivientes de violencia de género: acompañamiento, albergue y asesoría.',
    services: ['psychosocial', 'legal_aid', 'shelter'],
    coverageCountries: ['US'],
    coverageSubdivisions: ['US-NY', 'US-NJ'],
    languages: ['es', 'en'],
    managedByCountryCode: 'DO',
    slug: 'nido-de-cuidados',
    dial: '+1 212 555',
  },
  {
    name: 'Asociación Selva Abierta del Darién',
    type: 'civil_society',
    description: 'Atención humanitaria a personas que salen de la selva del Darién.',
    services: ['health', 'food_and_basic_needs', 'shelter', 'family_tracing'],
    coverageCountries: ['PA'],
    coverageSubdivisions: ['PA-5', 'PA-4'],
    languages: ['es', 'en', 'fr'],
    managedByCountryCode: 'PA',
    slug: 'selva-abierta',
    dial: '+507 0000',
  },
  {
    name: 'Taller Jornal Justo',
    type: 'civil_society',
    description: 'Orientación a trabajadoras y trabajadores agrícolas temporales.',
    services: ['labour', 'health', 'interpretation'],
    coverageCountries: ['CA'],
    coverageSubdivisions: ['CA-ON', 'CA-QC', 'CA-BC'],
    languages: ['es', 'en', 'fr'],
    managedByCountryCode: 'MX',
    slug: 'jornal-justo',
    dial: '+1 416 555',
  },
  {
    name: 'Riverbank Family Network',
    type: 'civil_society',
    description: 'Family tracing and child protection in the western districts.',
    services: ['family_tracing', 'child_protection'],
    coverageCountries: ['BZ'],
    coverageSubdivisions: ['BZ-CY', 'BZ-TOL'],
    languages: ['en', 'es', 'kek'],
    managedByCountryCode: 'BZ',
    slug: 'riverbank-family',
    dial: '+501 0000',
  },
  // International organisations
  {
    name: 'Organismo Regional de Protección en Tránsito',
    acronym: 'ORPT',
    type: 'international_organisation',
    description: 'Asistencia humanitaria y retorno asistido a lo largo del corredor mesoamericano.',
    services: ['repatriation_support', 'shelter', 'health', 'documentation'],
    coverageCountries: ['MX', 'GT', 'HN', 'SV', 'CR', 'PA'],
    languages: ['es', 'en'],
    managedByCountryCode: null,
    slug: 'orpt',
    dial: '+506 0000',
  },
  {
    name: 'Alianza Mesoamericana para la Niñez en Movimiento',
    acronym: 'AMNM',
    type: 'international_organisation',
    description: 'Protección de la niñez migrante y reunificación familiar.',
    services: ['child_protection', 'family_tracing', 'psychosocial'],
    coverageCountries: ['MX', 'GT', 'HN', 'SV'],
    languages: ['es', 'en', 'mam', 'kek'],
    managedByCountryCode: null,
    slug: 'amnm',
    dial: '+502 0000',
  },
  {
    name: 'Fondo Interamericano de Reunificación Familiar',
    acronym: 'FIRF',
    type: 'international_organisation',
    description: 'Localización de familiares y restablecimiento del contacto familiar.',
    services: ['family_tracing'],
    coverageCountries: ['US', 'MX', 'GT', 'HN', 'SV'],
    languages: ['es', 'en'],
    managedByCountryCode: null,
    slug: 'firf',
    dial: '+1 202 555',
  },
  {
    name: 'Programa Conjunto de Retorno Digno',
    acronym: 'PCRD',
    type: 'international_organisation',
    description: 'Recepción, documentación y primeras necesidades de personas retornadas.',
    services: ['repatriation_support', 'documentation', 'food_and_basic_needs'],
    coverageCountries: ['GT', 'HN', 'SV'],
    languages: ['es', 'quc', 'kek'],
    managedByCountryCode: null,
    slug: 'pcrd',
    dial: '+504 0000',
  },
  {
    name: 'Observatorio Continental de Movilidad Laboral',
    acronym: 'OCML',
    type: 'international_organisation',
    description: 'Orientación sobre programas de trabajo temporal y reclamos laborales.',
    services: ['labour', 'legal_aid'],
    coverageCountries: ['US', 'CA', 'MX'],
    languages: ['es', 'en', 'fr'],
    managedByCountryCode: null,
    slug: 'ocml',
    dial: '+52 55 0000',
  },
  {
    name: 'Iniciativa Caribeña de Atención Consular',
    acronym: 'ICAC',
    type: 'international_organisation',
    description: 'Interpretación y documentación para personas migrantes en el Caribe.',
    services: ['interpretation', 'documentation'],
    coverageCountries: ['DO', 'PA', 'BZ'],
    languages: ['es', 'en', 'ht'],
    managedByCountryCode: 'DO',
    slug: 'icac',
    dial: '+1 809 555',
  },
  // Government agencies
  {
    name: 'Unidad Fronteriza de Atención al Migrante del Soconusco',
    type: 'government_agency',
    description: 'Oficina estatal de orientación, trámites y canalización en la frontera sur.',
    services: ['documentation', 'repatriation_support', 'child_protection'],
    coverageCountries: ['MX'],
    coverageSubdivisions: ['MX-CHP'],
    languages: ['es', 'mam'],
    managedByCountryCode: 'MX',
    slug: 'ufam-soconusco',
    dial: '+52 962 0000',
  },
  {
    name: 'Centro Municipal de Acogida al Retornado de Quetzaltenango',
    type: 'government_agency',
    description: 'Acogida, alimentación y traslado de personas retornadas a sus comunidades.',
    services: ['repatriation_support', 'food_and_basic_needs'],
    coverageCountries: ['GT'],
    coverageSubdivisions: ['GT-09', 'GT-12', 'GT-08'],
    languages: ['es', 'quc', 'mam'],
    managedByCountryCode: 'GT',
    slug: 'acogida-xela',
    dial: '+502 0000',
  },
  {
    name: 'Procuraduría Auxiliar de la Niñez del Valle de Sula',
    type: 'government_agency',
    description: 'Protección de niñas, niños y adolescentes retornados y sus familias.',
    services: ['child_protection', 'legal_aid', 'family_tracing'],
    coverageCountries: ['HN'],
    coverageSubdivisions: ['HN-CR', 'HN-YO'],
    languages: ['es'],
    managedByCountryCode: 'HN',
    slug: 'pan-valle-sula',
    dial: '+504 0000',
  },
  {
    name: 'Dirección de Acompañamiento al Retorno de Oriente',
    type: 'government_agency',
    description: 'Reintegración de personas retornadas en los departamentos orientales.',
    services: ['repatriation_support', 'psychosocial', 'labour'],
    coverageCountries: ['SV'],
    coverageSubdivisions: ['SV-SM', 'SV-UN', 'SV-US'],
    languages: ['es'],
    managedByCountryCode: 'SV',
    slug: 'dar-oriente',
    dial: '+503 0000',
  },
  {
    name: 'Seasonal Worker Liaison Office of Southern Ontario',
    type: 'government_agency',
    description: 'Liaison between temporary agricultural workers, employers and health services.',
    services: ['labour', 'health', 'interpretation'],
    coverageCountries: ['CA'],
    coverageSubdivisions: ['CA-ON'],
    languages: ['en', 'fr', 'es'],
    managedByCountryCode: 'CA',
    slug: 'swlo-ontario',
    dial: '+1 519 555',
  },
  {
    name: 'Gulf Coast Newcomer Legal Services Office',
    type: 'government_agency',
    description: 'Court navigation and interpreters for newcomers in immigration proceedings.',
    services: ['legal_aid', 'interpretation'],
    coverageCountries: ['US'],
    coverageSubdivisions: ['US-TX', 'US-LA'],
    languages: ['en', 'es'],
    managedByCountryCode: 'US',
    slug: 'gulf-coast-newcomer',
    dial: '+1 713 555',
  },
  {
    name: 'Ventanilla Binacional de Documentación de Dajabón',
    type: 'government_agency',
    description: 'Emisión y verificación de documentos de identidad en el paso fronterizo.',
    services: ['documentation', 'interpretation'],
    coverageCountries: ['DO'],
    coverageSubdivisions: ['DO-05', 'DO-15'],
    languages: ['es', 'ht'],
    managedByCountryCode: 'DO',
    slug: 'ventanilla-dajabon',
    dial: '+1 809 555',
  },
];

export const DEMO_ORGANISATIONS: NewOrganisation[] = ORGANISATIONS.map(
  ({ slug, dial, ...organisation }, index) => ({
    ...organisation,
    email: `${organisation.languages?.[0] === 'en' ? 'info' : 'contacto'}@${slug}.example.org`,
    phone: fakePhone(dial, index),
    website: `https://${slug}.example`,
  }),
);

const DOMAIN = 'demo.amparo.example';

type CountryRole = Exclude<
  Role,
  'system_admin' | 'organisation_focal_point' | 'network_secretariat'
>;

/** One user of every role of a country; officer and consul at its post in Los Angeles. */
function countryTeam(country: string, names: Record<CountryRole, string>): DemoUser[] {
  const roles: CountryRole[] = ['officer', 'consul', 'supervisor', 'analyst', 'admin'];
  return roles.map((role) => ({
    email: `${role}.${country.toLowerCase()}@${DOMAIN}`,
    displayName: names[role],
    countryCode: country,
    grants: [role === 'officer' || role === 'consul' ? { role, postCode: 'LAX' } : { role }],
  }));
}

export const DEMO_USERS: DemoUser[] = [
  ...countryTeam('MX', {
    officer: 'Mariana Quiroga Esparza',
    consul: 'Arturo Villalpando Ruiz',
    supervisor: 'Patricia Solórzano Treviño',
    analyst: 'Héctor Villaseñor Mora',
    admin: 'Claudia Betancourt Lira',
  }),
  ...countryTeam('GT', {
    officer: 'Edgar Xicará Tum',
    consul: 'Ana Lucía Chávez Monterroso',
    supervisor: 'Byron Ajú Chocooj',
    analyst: 'Gabriela Pérez Orellana',
    admin: 'Luis Fernando Cifuentes Roca',
  }),
  {
    email: `system.admin@${DOMAIN}`,
    displayName: 'Regional administrator (demo)',
    countryCode: null,
    grants: [{ role: 'system_admin' }],
  },
];
