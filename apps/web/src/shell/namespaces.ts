import { en as adminEn } from '../admin/locales/en';
import { es as adminEs } from '../admin/locales/es';
import { en as directoryEn } from '../directory/locales/en';
import { es as directoryEs } from '../directory/locales/es';
import { en as casesEn } from '../cases/locales/en';
import { es as casesEs } from '../cases/locales/es';
import { en as cooperationEn } from '../cases/cooperation/locales/en';
import { es as cooperationEs } from '../cases/cooperation/locales/es';
import { en as cooperationQueueEn } from '../cooperation-queue/locales/en';
import { es as cooperationQueueEs } from '../cooperation-queue/locales/es';
import { en as dashboardEn } from '../dashboard/locales/en';
import { es as dashboardEs } from '../dashboard/locales/es';
import { en as myOrganisationEn } from '../my-organisation/locales/en';
import { es as myOrganisationEs } from '../my-organisation/locales/es';
import { en as queueEn } from '../queue/locales/en';
import { es as queueEs } from '../queue/locales/es';
import { en as assistanceEn } from '../assistance/locales/en';
import { es as assistanceEs } from '../assistance/locales/es';
import { en as transfersEn } from '../transfers/locales/en';
import { es as transfersEs } from '../transfers/locales/es';
import { en as practicesEn } from '../practices/locales/en';
import { es as practicesEs } from '../practices/locales/es';
import { en as statisticsEn } from '../statistics/locales/en';
import { es as statisticsEs } from '../statistics/locales/es';

/**
 * The messages of each screen folder are an i18next namespace of their own, read with
 * `useTranslation('<folder>')`, so two screens never edit the same file of messages. A folder adds
 * its `es` and `en` objects here (the shell's own are the default namespace, `translation`).
 */
export const NAMESPACES: { es: Record<string, object>; en: Record<string, object> } = {
  es: {
    cases: casesEs,
    cooperation: cooperationEs,
    queue: queueEs,
    dashboard: dashboardEs,
    statistics: statisticsEs,
    directory: directoryEs,
    admin: adminEs,
    myOrganisation: myOrganisationEs,
    assistance: assistanceEs,
    cooperationQueue: cooperationQueueEs,
    transfers: transfersEs,
    practices: practicesEs,
  },
  en: {
    cases: casesEn,
    cooperation: cooperationEn,
    queue: queueEn,
    dashboard: dashboardEn,
    statistics: statisticsEn,
    directory: directoryEn,
    admin: adminEn,
    myOrganisation: myOrganisationEn,
    assistance: assistanceEn,
    cooperationQueue: cooperationQueueEn,
    transfers: transfersEn,
    practices: practicesEn,
  },
};
