/**
 * Unsent form contents kept in the browser (localStorage), so a statement typed for half an hour survives a closed
 * dialog, a reload or a dropped connection. One draft per person, case and action; it is removed once the action is
 * done. Drafts older than a month are not offered any more.
 */
const PREFIX = 'fengqiao.draft.';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface Draft {
  values: Record<string, unknown>;
  savedAt: number;
}

export function draftKey(userId: string, caseId: string, action: string): string {
  return `${PREFIX}${userId}.${caseId}.${action}`;
}

export function loadDraft(key: string): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    if (!draft || typeof draft.values !== 'object' || Date.now() - draft.savedAt > MAX_AGE_MS) return null;
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, values: Record<string, unknown>): void {
  try {
    if (hasContent(values)) localStorage.setItem(key, JSON.stringify({ values, savedAt: Date.now() }));
    else localStorage.removeItem(key);
  } catch {
    // A full or forbidden storage only loses the draft, never the form.
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(key);
}

/** Some text was typed (a checkbox ticked by default is not worth keeping). */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return false;
}

/** Forgets every draft of one person: on logout, so the next person at a shared office computer sees none of them. */
export function clearDraftsOf(userId: string): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(`${PREFIX}${userId}.`)) localStorage.removeItem(key);
}
