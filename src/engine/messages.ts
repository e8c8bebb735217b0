/**
 * The message catalog: a problem is created as a message id with its values (`msg`) and phrased in a
 * language only when shown (`renderMessage`). English is `Issue.message`; the task pane renders the same
 * data in its own language, so a Dutch controller reads the same facts in Dutch.
 */
import type { Catalog, MessageArgs, MessageId, MessageLanguage, MessageText } from './message-args';
import { MESSAGES_EN } from './messages-en';
import { MESSAGES_NL } from './messages-nl';

export type {
  Catalog,
  ColumnKey,
  ColumnRef,
  MessageArgs,
  MessageId,
  MessageLanguage,
  MessageText,
  MethodKey,
  MissingColumnReason,
  ReferenceProblem,
  RequiredTextKey,
  SettingKey,
} from './message-args';

const CATALOGS: { readonly [L in MessageLanguage]: Catalog } = { en: MESSAGES_EN, nl: MESSAGES_NL };

/** Makes a message from its id and values; the arguments are checked against the id. */
export function msg<K extends MessageId>(id: K, args: MessageArgs[K]): MessageText {
  return { id, args } as MessageText;
}

/** Text from outside the catalog, shown as it is in every language. */
export function verbatim(text: string): MessageText {
  return { id: 'verbatim', args: { text } };
}

/** Phrases a message in a language. */
export function renderMessage(text: MessageText, language: MessageLanguage): string {
  // The union of ids and their argument types cannot be narrowed in one call; `msg` checked the pair.
  const phrase = CATALOGS[language][text.id] as (args: MessageText['args']) => string;
  return phrase(text.args);
}

/** Every message id, for tests and tools that walk the catalog. */
export function messageIds(): MessageId[] {
  return Object.keys(MESSAGES_EN) as MessageId[];
}
