import { useMemo } from 'react';
import { useShared } from './hooks';
import type { ChannelsView } from './types';

/** What the person's roles open in the console, from the channels' manifests (`GET /api/workflows/channels`). */
export interface Access {
  /** Roles that may open a case of some channel (登记案件). */
  openingRoles: string[];
  /**
   * Roles that get the 收案箱, where their organisation signs for (签收) or returns (退回) cases other organisations
   * transferred to it: the staff of any channel, i.e. the roles of its work queues and those that open its cases.
   * The API answers for the organisation; whoever has no role for a case's events can still read it there.
   */
  inboxRoles: string[];
}

export function accessFrom(view: ChannelsView): Access {
  const staff = view.channels.flatMap((c) => [...c.openRoles, ...c.queues.flatMap((q) => q.roles)]);
  return { openingRoles: view.openingRoles, inboxRoles: [...new Set(staff)].filter((r) => r !== 'SYSTEM') };
}

/** The channels, once per session; `access` is undefined until they have loaded. */
export function useAccess() {
  const channels = useShared<ChannelsView>('/workflows/channels');
  const access = useMemo(() => (channels.data ? accessFrom(channels.data) : undefined), [channels.data]);
  return { access, channels: channels.data, error: channels.error, reload: channels.reload };
}
