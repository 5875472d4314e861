/**
 * The languages an organisation serves, typed as ISO 639 codes separated by commas or spaces
 * ("es, en, mam"): the API checks each code, and an error about the third lands on this field.
 */
export function parseLanguages(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
}

/** A language code's name in the current language when the browser knows it ("mam" may stay "mam"). */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
