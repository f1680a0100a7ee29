import i18n from "../../lib/i18n.ts";
import activitiesDe from "../../locales/de/activities.json";
import activitiesEn from "../../locales/en/activities.json";

// Texts of activities, tasks, calendar, comments, notifications, documents and projects load with their code.
i18n.addResourceBundle("de", "activities", activitiesDe, true, false);
i18n.addResourceBundle("en", "activities", activitiesEn, true, false);
