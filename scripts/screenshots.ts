// npm run docs:screenshots: retakes the README's screenshots (docs/images/*.png) in Debian's
// Chromium at 1280×800. A fresh database of the local test server gets the demo network (as
// `npm run seed:demo` writes it); the demo officer of Mexico in Los Angeles registers a few
// synthetic cases through the API (with actions, next steps and statuses, so the screens have
// something to show); then the built API, in a process of its own, serves the built app and the
// officer signs in through the screens: the work queue and a case page, in Spanish and in English.
// The database and the queue keys are removed at the end, on failure and on Ctrl-C.
import 'reflect-metadata';
import { loadConfig } from '@amparo/core';
import { externalDataSourceOptions } from '@amparo/database';
import { DemoSeeder } from '@amparo/demo';
import {
  TEST_REDIS_URL,
  createDatabase,
  databaseUrl,
  deleteQueueKeys,
  dropDatabase,
  uniqueName,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { NestFactory } from '@nestjs/core';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { buildIfStale, builds } from './builds';
import { WEB_BUILD, postJson, startApiOn, stopApi } from './support/api-process';
import { SeedDemoModule } from './support/seed-demo.module';

const CHROMIUM = process.env.TEST_CHROMIUM_PATH ?? '/usr/bin/chromium';
const IMAGES = join(__dirname, '../docs/images');
const OFFICER = 'officer.mx@demo.amparo.example';
const log = (line: string) => console.error(line);

/** The demo network in a migrated database; the demo users' passwords by email. */
async function seedDemo(url: string, prefix: string): Promise<Map<string, string>> {
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 1), logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    REDIS_URL: TEST_REDIS_URL,
    JOBS_PREFIX: prefix,
  });
  const app = await NestFactory.createApplicationContext(SeedDemoModule.forRoot(config), {
    logger: false,
  });
  try {
    const { credentials } = await app.get(DemoSeeder).seed();
    return new Map(credentials.map((c) => [c.email, c.password]));
  } finally {
    await app.close();
  }
}

const day = 86400e3;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
const isoTime = (offsetDays: number, hour: number) => {
  const at = new Date(Date.now() + offsetDays * day);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

interface DemoCase {
  body: Record<string, unknown>;
  /** The statuses it goes through after registration, in order. */
  statuses?: ('in_progress' | 'waiting')[];
  actions?: Record<string, unknown>[];
}

/** Synthetic cases of the Los Angeles post: invented people, typical situations. */
function demoCases(consulateId: string): DemoCase[] {
  const person = (
    givenNames: string,
    familyNames: string,
    sex: 'female' | 'male',
    dateOfBirth: string,
  ) => ({
    role: 'primary',
    person: { givenNames, familyNames, sex, dateOfBirth, nationalityCode: 'MX' },
  });
  return [
    {
      body: {
        consulateId,
        primaryCategory: 'immigration_detention',
        vulnerabilityFlags: ['detained', 'indigenous_language'],
        riskLevel: 'high',
        eventCountryCode: 'US',
        eventCity: 'Adelanto',
        summary:
          'Detenido en un centro de detención migratoria; habla mixteco y pide visita consular e intérprete.',
        openedAt: isoTime(-9, 16),
        nextStep: 'Confirmar la fecha de la audiencia ante el juez de inmigración',
        nextStepDue: isoDay(2),
        persons: [
          {
            role: 'primary',
            person: {
              ...person('Eusebio', 'Santiago Ramírez', 'male', '1991-03-08').person,
              documents: [{ type: 'consular_id', number: 'MXLA0048213', issuingCountryCode: 'MX' }],
            },
          },
        ],
      },
      statuses: ['in_progress'],
      actions: [
        {
          type: 'interview',
          occurredAt: isoTime(-9, 17),
          outcome: 'Entrevista telefónica con la persona detenida',
          notes: 'Pide que se avise a su esposa en Oaxaca. Necesita intérprete de mixteco.',
        },
        {
          type: 'family_notification',
          occurredAt: isoTime(-8, 15),
          outcome: 'Se informó a la familia',
        },
        {
          type: 'consular_visit',
          occurredAt: isoTime(-5, 18),
          place: 'Centro de detención de Adelanto',
          outcome: 'Visita realizada con intérprete',
          notes: 'Buen estado de salud. Se le entregó la lista de abogados pro bono.',
        },
        {
          type: 'legal_orientation',
          occurredAt: isoTime(-2, 19),
          outcome: 'Orientación sobre su audiencia de fianza',
          nextStep: 'Confirmar la fecha de la audiencia ante el juez de inmigración',
          nextStepDue: isoDay(2),
        },
      ],
    },
    {
      body: {
        consulateId,
        primaryCategory: 'unaccompanied_child',
        vulnerabilityFlags: ['unaccompanied_child'],
        riskLevel: 'critical',
        eventCountryCode: 'US',
        eventCity: 'Los Ángeles',
        summary: 'Adolescente no acompañada en un albergue; se busca a su madre en Puebla.',
        openedAt: isoTime(-4, 15),
        nextStep: 'Entrevista con la trabajadora social del albergue',
        nextStepDue: isoDay(-1),
        persons: [person('Daniela Guadalupe', 'Flores Aguilar', 'female', isoDay(-15.5 * 365))],
      },
      statuses: ['in_progress'],
      actions: [
        {
          type: 'interview',
          occurredAt: isoTime(-4, 17),
          outcome: 'Entrevista en el albergue',
        },
      ],
    },
    {
      body: {
        consulateId,
        primaryCategory: 'labour_rights',
        riskLevel: 'medium',
        eventCountryCode: 'US',
        eventCity: 'Oxnard',
        summary: 'Trabajador agrícola reclama salarios no pagados de la temporada de cosecha.',
        openedAt: isoTime(-20, 17),
        nextStep: 'Llamar a la oficina del comisionado laboral',
        nextStepDue: isoDay(6),
        persons: [person('Raúl', 'Domínguez Peña', 'male', '1984-11-21')],
      },
      statuses: ['in_progress', 'waiting'],
      actions: [
        {
          type: 'referral',
          occurredAt: isoTime(-18, 16),
          outcome: 'Canalizado a una organización de derechos laborales',
        },
      ],
    },
    {
      body: {
        consulateId,
        primaryCategory: 'documentation',
        riskLevel: 'low',
        summary: 'Pasaporte robado; necesita documento de viaje para regresar a Jalisco.',
        openedAt: isoTime(-1, 18),
        nextStep: 'Expedir el documento de viaje de emergencia',
        nextStepDue: isoDay(1),
        persons: [person('Lucía Fernanda', 'Ochoa Bañuelos', 'female', '1979-06-02')],
      },
    },
    {
      body: {
        consulateId,
        primaryCategory: 'health',
        vulnerabilityFlags: ['serious_illness', 'older_person'],
        riskLevel: 'high',
        eventCountryCode: 'US',
        eventCity: 'Riverside',
        summary: 'Hospitalizado tras un accidente de tránsito; la familia pide información.',
        openedAt: isoTime(-6, 20),
        nextStep: 'Obtener el informe médico del hospital',
        nextStepDue: isoDay(-2),
        persons: [person('Alfonso', 'Méndez Carrillo', 'male', '1953-01-17')],
      },
      statuses: ['in_progress'],
    },
    {
      body: {
        consulateId,
        primaryCategory: 'whereabouts',
        riskLevel: 'medium',
        summary: 'La familia no sabe de ella desde hace tres semanas; última llamada desde Fresno.',
        openedAt: isoTime(-2, 16),
        nextStep: 'Consultar los registros de detención y hospitales',
        nextStepDue: isoDay(3),
        persons: [person('Marisol', 'Herrera Quintana', 'female', '1996-09-30')],
      },
    },
  ];
}

/** The demo cases, registered, worked on and moved along through the API as the officer. */
async function registerCases(base: string, password: string): Promise<string> {
  const { body: session } = await postJson(base, '/api/v1/auth/login', {
    email: OFFICER,
    password,
  });
  const accessToken = session.accessToken as string | undefined;
  if (!accessToken) throw new Error(`the demo officer's sign-in gave no session`);
  const me = (await (
    await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json()) as { grants: { role: string; consulateId: string | null }[] };
  const consulateId = me.grants.find((g) => g.role === 'officer')?.consulateId;
  if (!consulateId) throw new Error('the demo officer has no post');
  let first = '';
  for (const demo of demoCases(consulateId)) {
    const created = await postJson(base, '/api/v1/cases', demo.body, {
      accessToken,
      headers: { 'idempotency-key': randomUUID() },
    });
    const id = (created.body.case as { id: string } | undefined)?.id ?? (created.body.id as string);
    first ||= id;
    for (const action of demo.actions ?? [])
      await postJson(base, `/api/v1/cases/${id}/actions`, action, { accessToken });
    for (const to of demo.statuses ?? []) {
      const current = await fetch(`${base}/api/v1/cases/${id}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await postJson(
        base,
        `/api/v1/cases/${id}/transitions`,
        // Waiting says on what: here, the labour commissioner's answer.
        to === 'waiting'
          ? { to, reason: 'Esperando la respuesta de la oficina del comisionado laboral' }
          : { to },
        { accessToken, headers: { 'if-match': current.headers.get('etag') ?? '' } },
      );
    }
  }
  return first;
}

/**
 * The screen complete: `label` (a code's label, so the code lists have arrived) shown, and no
 * loading message left.
 */
async function settled(page: Page, label: string): Promise<void> {
  await page.getByRole('main').getByText(label, { exact: true }).first().waitFor();
  await page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /Cargando|Loading/ })
    .waitFor({ state: 'detached' });
}

async function shoot(page: Page, file: string): Promise<void> {
  // The pointer away from everything, so no button looks hovered; the caret hidden.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(IMAGES, file), animations: 'disabled', caret: 'hide' });
  log(`  docs/images/${file}`);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  for (const build of [builds.api, builds.web])
    if (buildIfStale(build, log) !== 0) throw new Error(`building ${build.name} failed`);

  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  const prefix = uniqueQueuePrefix();
  let created = false;
  let api: ChildProcess | undefined;
  let browser: Browser | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => undefined);
      await stopApi(api);
      await deleteQueueKeys(prefix).catch(() => undefined);
      if (created) await dropDatabase(name);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`docs:screenshots: ${signal}, dropping ${name}`);
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    await createDatabase(name);
    created = true;
    const url = databaseUrl(name);
    log('docs:screenshots: seeding the demo network');
    const passwords = await seedDemo(url, prefix);
    const password = passwords.get(OFFICER);
    if (!password) throw new Error(`the demo network has no ${OFFICER}`);

    const started = await startApiOn(url, prefix, {
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      HTTP_WEB_DIR: WEB_BUILD,
    });
    api = started.child;
    const base = started.base;
    const caseId = await registerCases(base, password);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const context = await browser.newContext({
      locale: 'es-MX',
      viewport: { width: 1280, height: 800 },
      timezoneId: 'America/Los_Angeles',
    });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(OFFICER);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();

    mkdirSync(IMAGES, { recursive: true });
    const texts = {
      es: { queue: 'Bandeja de trabajo', category: 'Detención migratoria', risk: 'Alto' },
      en: { queue: 'Work queue', category: 'Immigration detention', risk: 'High' },
    };
    for (const language of ['es', 'en'] as const) {
      const t = texts[language];
      if (language === 'en') {
        // The switch every screen has; it also sets the account's language.
        await page.getByRole('combobox', { name: 'Idioma' }).click();
        await page.getByRole('option', { name: 'English' }).click();
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        await page.goto(`${base}/queue`);
      }
      await page.getByRole('heading', { level: 1, name: t.queue }).waitFor();
      await settled(page, t.category);
      await shoot(page, `work-queue-${language}.png`);

      await page.goto(`${base}/cases/${caseId}`);
      await page.getByText('Visita realizada con intérprete').first().waitFor();
      await settled(page, t.risk);
      await shoot(page, `case-page-${language}.png`);
      await page.goto(`${base}/queue`);
    }
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `docs:screenshots failed: ${error instanceof Error ? error.stack : String(error)}`,
    );
    process.exit(1);
  },
);
