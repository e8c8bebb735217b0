/**
 * Whose a temporary sheet is. Co-authors refresh the same workbook: a temporary sheet of another person's
 * Refresh or import still running must not be taken for a leftover and deleted under it. The temporary
 * mark (`ABC_ReportTemp`) therefore names the session that wrote it and when: `="temporary 8fk2x1q 1765140000000"`.
 * A temporary sheet is a leftover when its mark names this session (an earlier action of this pane that
 * died), no session (an older version of the add-in), or another session longer ago than `FOREIGN_GRACE_MS`
 * (long past any action's time limit, so that session is gone).
 */

/** How long another session's temporary sheet is left alone: well past the longest action (a million-row import). */
export const FOREIGN_GRACE_MS = 10 * 60_000;

/** This pane's session: random, made once per load of the add-in. */
export const SESSION_ID = `${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36).slice(-4)}`;

/** The temporary mark's value (a defined name's constant, quoted) for a session at a time. */
export function tempMarkValue(session: string, now: number): string {
  return `"temporary ${session} ${Math.round(now)}"`;
}

/** The session and time a temporary mark's formula names; null for a mark of an older version (`="temporary"`). */
export function tempMarkOwner(formula: string): { session: string; at: number } | null {
  const m = /^=?"temporary ([A-Za-z0-9_-]+) (\d+)"$/.exec(formula.trim());
  return m === null ? null : { session: m[1] as string, at: Number(m[2]) };
}

/** True when a temporary sheet with this mark is a leftover this session may delete (see the module comment). */
export function isLeftoverTemp(formula: string, session: string, now: number): boolean {
  const owner = tempMarkOwner(formula);
  if (owner === null || owner.session === session) return true;
  return now - owner.at > FOREIGN_GRACE_MS || owner.at - now > FOREIGN_GRACE_MS;
}
