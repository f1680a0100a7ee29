import i18n from "../../lib/i18n.ts";
import segmentsDe from "../../locales/de/segments.json";
import segmentsEn from "../../locales/en/segments.json";

// The segments texts load with the segments code, not with the first screen.
i18n.addResourceBundle("de", "segments", segmentsDe, true, false);
i18n.addResourceBundle("en", "segments", segmentsEn, true, false);
