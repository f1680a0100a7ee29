import i18n from "../../lib/i18n.ts";
import calendarDe from "../../locales/de/calendar.json";
import calendarEn from "../../locales/en/calendar.json";

// The calendar texts load with the calendar code, not with the first screen.
i18n.addResourceBundle("de", "calendar", calendarDe, true, false);
i18n.addResourceBundle("en", "calendar", calendarEn, true, false);
