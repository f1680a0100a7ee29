import i18n from "../../lib/i18n.ts";
import duplicatesDe from "../../locales/de/duplicates.json";
import duplicatesEn from "../../locales/en/duplicates.json";

// The duplicates texts load with the duplicates code, not with the first screen.
i18n.addResourceBundle("de", "duplicates", duplicatesDe, true, false);
i18n.addResourceBundle("en", "duplicates", duplicatesEn, true, false);
