import { type CountryCode, parsePhoneNumberWithError } from "libphonenumber-js/max";

/** Normalises a phone number as typed to E.164, or returns null when it is not a valid number. */
export function toE164(input: string, defaultRegion: string): string | null {
  try {
    const parsed = parsePhoneNumberWithError(input, defaultRegion as CountryCode);
    return parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}
