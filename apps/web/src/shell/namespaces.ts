import { en as adminEn } from '../admin/locales/en';
import { es as adminEs } from '../admin/locales/es';
import { en as directoryEn } from '../directory/locales/en';
import { es as directoryEs } from '../directory/locales/es';
import { en as casesEn } from '../cases/locales/en';
import { es as casesEs } from '../cases/locales/es';
import { en as cooperationEn } from '../cases/cooperation/locales/en';
import { es as cooperationEs } from '../cases/cooperation/locales/es';
import { en as safeguardsEn } from '../cases/safeguards/locales/en';
import { es as safeguardsEs } from '../cases/safeguards/locales/es';
import { en as cooperationQueueEn } from '../cooperation-queue/locales/en';
import { es as cooperationQueueEs } from '../cooperation-queue/locales/es';
import { en as crisisEn } from '../crisis/locales/en';
import { es as crisisEs } from '../crisis/locales/es';
import { en as dashboardEn } from '../dashboard/locales/en';
import { es as dashboardEs } from '../dashboard/locales/es';
import { en as myOrganisationEn } from '../my-organisation/locales/en';
import { es as myOrganisationEs } from '../my-organisation/locales/es';
import { en as queueEn } from '../queue/locales/en';
import { es as queueEs } from '../queue/locales/es';
import { en as assistanceEn } from '../assistance/locales/en';
import { es as assistanceEs } from '../assistance/locales/es';
import { en as detentionEn } from '../detention/locales/en';
import { es as detentionEs } from '../detention/locales/es';
import { en as transfersEn } from '../transfers/locales/en';
import { es as transfersEs } from '../transfers/locales/es';
import { en as crisisImportEn } from '../crisis-import/locales/en';
import { es as crisisImportEs } from '../crisis-import/locales/es';
import { en as returnsEn } from '../returns/locales/en';
import { es as returnsEs } from '../returns/locales/es';
import { en as regionalEn } from '../regional/locales/en';
import { es as regionalEs } from '../regional/locales/es';
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
    regional: regionalEs,
    directory: directoryEs,
    admin: adminEs,
    myOrganisation: myOrganisationEs,
    assistance: assistanceEs,
    cooperationQueue: cooperationQueueEs,
    transfers: transfersEs,
    detention: detentionEs,
    crisis: crisisEs,
    returns: returnsEs,
    safeguards: safeguardsEs,
    crisisImport: crisisImportEs,
    practices: practicesEs,
  },
  en: {
    cases: casesEn,
    cooperation: cooperationEn,
    queue: queueEn,
    dashboard: dashboardEn,
    statistics: statisticsEn,
    regional: regionalEn,
    directory: directoryEn,
    admin: adminEn,
    myOrganisation: myOrganisationEn,
    assistance: assistanceEn,
    cooperationQueue: cooperationQueueEn,
    transfers: transfersEn,
    detention: detentionEn,
    crisis: crisisEn,
    returns: returnsEn,
    safeguards: safeguardsEn,
    crisisImport: crisisImportEn,
    practices: practicesEn,
  },
};
