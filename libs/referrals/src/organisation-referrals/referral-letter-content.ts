import {
  CATEGORY_LABELS,
  DOCUMENT_TYPE_LABELS,
  DisclosedPerson,
  DisclosurePayload,
  GENDER_LABELS,
  SEX_LABELS,
  VULNERABILITY_FLAG_LABELS,
} from '@amparo/cases';
import { Localized } from '@amparo/core';
import { ORGANISATION_SERVICE_LABELS, OrganisationService } from '@amparo/directory';

export type LetterLanguage = 'es' | 'en';

/** Everything a referral letter says, gathered before it is laid out. */
export interface LetterFacts {
  referralId: string;
  caseReference: string;
  createdAt: Date;
  issuedAt: Date;
  post: {
    name: string;
    address: string | null;
    city: string;
    phone: string | null;
    email: string | null;
  };
  organisation: {
    name: string;
    acronym: string | null;
    address: string | null;
    email: string | null;
    phone: string | null;
  };
  services: OrganisationService[];
  need: string;
  payload: DisclosurePayload;
  followUpDue: string | null;
  /** The consents it went on (method, when given), or the consul's decision and its reason. */
  basis:
    | { kind: 'consent'; consents: { method: string; givenAt: Date }[] }
    | { kind: 'override'; reason: string };
}

/** A letter as headed sections of label–value lines and paragraphs: what the PDF lays out. */
export interface LetterContent {
  heading: string[];
  dateLine: string;
  title: string;
  references: Line[];
  addressee: string[];
  sections: { title: string; lines: Line[] }[];
  signature: string[];
}

export interface Line {
  label?: string;
  text: string;
}

const bi = (es: string, en: string): Localized => ({ es, en });

const TEXT = {
  title: bi('Oficio de canalización', 'Referral letter'),
  referralNumber: bi('Número de canalización', 'Referral number'),
  caseReference: bi('Caso', 'Case'),
  sentOn: bi('Enviada el', 'Sent on'),
  to: bi('Destinatario', 'To'),
  services: bi('Servicios solicitados', 'Services requested'),
  need: bi('Necesidad', 'Need'),
  disclosed: bi('Datos comunicados', 'Information disclosed'),
  disclosedNote: bi(
    'Solo se comunican los datos que la persona autorizó para esta canalización.',
    'Only the information the person allowed for this referral is disclosed.',
  ),
  person: bi('Persona', 'Person'),
  primary: bi('persona principal', 'primary person'),
  involved: bi('persona relacionada', 'related person'),
  case: bi('Caso', 'Case'),
  basis: bi('Fundamento de la comunicación', 'Basis of the disclosure'),
  consentOf: bi('Consentimiento de la persona', "The person's consent"),
  override: bi(
    'Comunicado por decisión del cónsul, sin consentimiento registrado. Motivo:',
    'Disclosed by decision of the consul, without recorded consent. Reason:',
  ),
  followUp: bi('Seguimiento previsto', 'Follow-up due'),
  contact: bi('Contacto de la oficina consular', 'Contact of the consular post'),
  signature: bi('Firma y sello de la oficina consular', 'Signature and seal of the consular post'),
  name: bi('Nombre y cargo', 'Name and title'),
  answerRequest: bi(
    'Le rogamos comunicar a esta oficina si acepta la canalización, citando su número.',
    'Please tell this post whether you accept the referral, quoting its number.',
  ),
} satisfies Record<string, Localized>;

const PERSON_LABELS: Record<string, Localized> = {
  relationship: bi('Relación', 'Relationship'),
  givenNames: bi('Nombre(s)', 'Given names'),
  familyNames: bi('Apellidos', 'Family names'),
  otherNames: bi('Otros nombres', 'Other names'),
  dateOfBirth: bi('Fecha de nacimiento', 'Date of birth'),
  estimatedAge: bi('Edad estimada', 'Estimated age'),
  sex: bi('Sexo', 'Sex'),
  gender: bi('Género', 'Gender'),
  nationalityCode: bi('Nacionalidad', 'Nationality'),
  originSubdivisionCode: bi('Lugar de origen', 'Place of origin'),
  originMunicipality: bi('Municipio de origen', 'Municipality of origin'),
  documents: bi('Documentos', 'Documents'),
  phone: bi('Teléfono', 'Phone'),
  email: bi('Correo electrónico', 'Email'),
  addressAbroad: bi('Domicilio en el extranjero', 'Address abroad'),
  languages: bi('Idiomas', 'Languages'),
  indigenousLanguage: bi('Lengua indígena', 'Indigenous language'),
  primaryCategory: bi('Categoría principal', 'Primary category'),
  secondaryCategories: bi('Otras categorías', 'Other categories'),
  vulnerabilityFlags: bi('Situaciones de vulnerabilidad', 'Vulnerabilities'),
  summary: bi('Resumen', 'Summary'),
};

const METHOD_LABELS: Record<string, Localized> = {
  signed_form: bi('formulario firmado', 'signed form'),
  verbal_with_witness: bi('verbal ante testigo', 'verbal, with a witness'),
  intake_form: bi('formulario de registro', 'intake form'),
};

/** The letter's words in one language: labels for every code, nothing the payload does not hold. */
export function letterContent(facts: LetterFacts, lang: LetterLanguage): LetterContent {
  const t = (text: Localized) => text[lang];
  const date = (value: Date | string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value));
  const region = new Intl.DisplayNames([lang], { type: 'region' });
  const language = new Intl.DisplayNames([lang], { type: 'language' });
  const country = (code: string) => `${region.of(code) ?? code}`;
  const { post, organisation, payload } = facts;

  const personLines = (person: DisclosedPerson): Line[] => {
    const lines: Line[] = [];
    const add = (key: string, text: string | null | undefined) => {
      if (text != null && text !== '') lines.push({ label: t(PERSON_LABELS[key]), text });
    };
    add('relationship', person.relationship);
    add('givenNames', person.givenNames);
    add('familyNames', person.familyNames);
    add('otherNames', person.otherNames?.join(', '));
    add('dateOfBirth', person.dateOfBirth ? date(person.dateOfBirth) : null);
    add('estimatedAge', person.estimatedAge != null ? String(person.estimatedAge) : null);
    add(
      'sex',
      person.sex
        ? t(SEX_LABELS[person.sex as keyof typeof SEX_LABELS] ?? bi(person.sex, person.sex))
        : null,
    );
    add(
      'gender',
      person.gender
        ? t(
            GENDER_LABELS[person.gender as keyof typeof GENDER_LABELS] ??
              bi(person.gender, person.gender),
          )
        : null,
    );
    add('nationalityCode', person.nationalityCode ? country(person.nationalityCode) : null);
    add('originSubdivisionCode', person.originSubdivisionCode);
    add('originMunicipality', person.originMunicipality);
    add(
      'documents',
      person.documents
        ?.map(
          (d) =>
            `${t(DOCUMENT_TYPE_LABELS[d.type as keyof typeof DOCUMENT_TYPE_LABELS] ?? bi(d.type, d.type))} ${d.number} (${country(d.issuingCountryCode)})`,
        )
        .join('; '),
    );
    add('phone', person.phone);
    add('email', person.email);
    add('addressAbroad', person.addressAbroad);
    add('languages', person.languages?.map((l) => language.of(l) ?? l).join(', '));
    add('indigenousLanguage', person.indigenousLanguage);
    return lines;
  };

  const caseLines: Line[] = [];
  const category = (code: string) =>
    t(CATEGORY_LABELS[code as keyof typeof CATEGORY_LABELS] ?? bi(code, code));
  if (payload.case.primaryCategory)
    caseLines.push({
      label: t(PERSON_LABELS.primaryCategory),
      text: category(payload.case.primaryCategory),
    });
  if (payload.case.secondaryCategories?.length)
    caseLines.push({
      label: t(PERSON_LABELS.secondaryCategories),
      text: payload.case.secondaryCategories.map(category).join(', '),
    });
  if (payload.case.vulnerabilityFlags?.length)
    caseLines.push({
      label: t(PERSON_LABELS.vulnerabilityFlags),
      text: payload.case.vulnerabilityFlags
        .map((f) =>
          t(VULNERABILITY_FLAG_LABELS[f as keyof typeof VULNERABILITY_FLAG_LABELS] ?? bi(f, f)),
        )
        .join(', '),
    });
  if (payload.case.summary)
    caseLines.push({ label: t(PERSON_LABELS.summary), text: payload.case.summary });

  const disclosed: { title: string; lines: Line[] }[] = payload.persons.map((person, index) => ({
    title: `${t(TEXT.person)} ${index + 1} (${t(person.role === 'primary' ? TEXT.primary : TEXT.involved)})`,
    lines: personLines(person),
  }));
  if (caseLines.length) disclosed.push({ title: t(TEXT.case), lines: caseLines });

  const basis: Line[] =
    facts.basis.kind === 'consent'
      ? facts.basis.consents.map((k) => ({
          label: t(TEXT.consentOf),
          text: `${t(METHOD_LABELS[k.method] ?? bi(k.method, k.method))}, ${date(k.givenAt)}`,
        }))
      : [{ text: `${t(TEXT.override)} ${facts.basis.reason}` }];

  return {
    heading: [post.name, post.address, post.city].filter((l): l is string => !!l),
    dateLine: `${post.city}, ${date(facts.issuedAt)}`,
    title: t(TEXT.title),
    references: [
      { label: t(TEXT.referralNumber), text: facts.referralId },
      { label: t(TEXT.caseReference), text: facts.caseReference },
      { label: t(TEXT.sentOn), text: date(facts.createdAt) },
    ],
    addressee: [
      `${t(TEXT.to)}: ${organisation.name}${organisation.acronym ? ` (${organisation.acronym})` : ''}`,
      ...[organisation.address, organisation.email, organisation.phone].filter(
        (l): l is string => !!l,
      ),
    ],
    sections: [
      {
        title: t(TEXT.services),
        lines: facts.services.map((s) => ({
          text: `• ${t(ORGANISATION_SERVICE_LABELS[s] ?? bi(s, s))}`,
        })),
      },
      { title: t(TEXT.need), lines: [{ text: facts.need }] },
      { title: t(TEXT.disclosed), lines: [{ text: t(TEXT.disclosedNote) }] },
      ...disclosed,
      { title: t(TEXT.basis), lines: basis },
      ...(facts.followUpDue
        ? [
            {
              title: t(TEXT.followUp),
              lines: [{ text: date(facts.followUpDue) }, { text: t(TEXT.answerRequest) }],
            },
          ]
        : [{ title: t(TEXT.followUp), lines: [{ text: t(TEXT.answerRequest) }] }]),
      {
        title: t(TEXT.contact),
        lines: [post.name, post.phone, post.email]
          .filter((l): l is string => !!l)
          .map((text) => ({ text })),
      },
    ],
    signature: ['_______________________________', t(TEXT.signature), t(TEXT.name)],
  };
}
