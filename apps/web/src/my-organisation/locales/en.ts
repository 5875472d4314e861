import type { MyOrganisationMessages } from './es';

/** The texts of an organisation focal point's screens in English: the same keys as Spanish. */
export const en: MyOrganisationMessages = {
  title: 'My organisation',
  intro:
    "This is how your organisation appears in the consular network's directory. Consular staff use it to refer the people they assist: keep its services, coverage and contact details up to date.",
  adminOnly:
    "Only the directory administrators change the organisation's status and the country that manages its record.",
  inactiveNotice:
    'Your organisation is inactive: it is not offered for new referrals. To reactivate it, contact the directory administrators.',
  edit: 'Update the details',
  editTitle: 'Update the details of {{name}}',
  saved: 'Your changes were saved.',
};
