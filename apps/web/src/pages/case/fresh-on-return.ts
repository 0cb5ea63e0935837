import { useEffect, useRef } from 'react';

/**
 * Rereads the case when the person comes back to its tab or window. A case changes while its page stays open without
 * anyone acting on it here: an administrator imports the year's holiday calendar (a 暂定 due date becomes final), the
 * worker fires a deadline, a colleague acts. Not while a form is open: the form keeps the version it was opened at,
 * and a write on a stale copy is answered with the 412 dialog anyway.
 */
export function useFreshOnReturn(reload: () => void, formOpen: boolean): void {
  const latest = useRef({ reload, formOpen });
  latest.current = { reload, formOpen };
  useEffect(() => {
    let hidden = document.visibilityState === 'hidden';
    let blurred = !document.hasFocus();
    const back = () => {
      if (!latest.current.formOpen) latest.current.reload();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hidden = true;
      else if (hidden) {
        hidden = false;
        // The window's focus follows a tab switch: answered here already.
        blurred = false;
        back();
      }
    };
    const onBlur = () => (blurred = true);
    const onFocus = () => {
      if (blurred) back();
      blurred = false;
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
    };
  }, []);
}
