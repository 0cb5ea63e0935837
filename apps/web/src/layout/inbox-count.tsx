import { createContext, useContext } from 'react';

/** How many transfers wait in the person's 收案箱 (shown in the menu), and a way to recount after signing or returning. */
export interface InboxCount {
  /** Undefined while unknown, or for someone without a 收案箱. */
  count: number | undefined;
  refresh: () => void;
}

export const InboxCountContext = createContext<InboxCount>({ count: undefined, refresh: () => undefined });

export function useInboxCount(): InboxCount {
  return useContext(InboxCountContext);
}
