/**
 * The pane's language, chosen from Office's display language, and its strings (strings.ts; the texts are in
 * strings-en.ts and strings-nl.ts). Issue messages come from the engine as data and are rendered in the
 * pane's language (engine/messages.ts); each problem code also has a headline (issue-titles.ts), and codes
 * and locations are language-neutral.
 */
import type { Language, Strings } from './strings';
import { en } from './strings-en';
import { nl } from './strings-nl';

export type { Explained, Language, Strings } from './strings';

/** Dutch for any Dutch display language (nl-NL, nl-BE), English otherwise. */
export function languageOf(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The strings of a language. */
export function stringsFor(language: Language): Strings {
  return language === 'nl' ? nl : en;
}
