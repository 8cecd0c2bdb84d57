import { createContext, useContext } from 'react';
import type { Permission } from '../../src/core/permissions.js';
import type { User } from './api.js';

/** Who is signed in and what the role may do (the API enforces it again on every call). */
export interface SessionInfo {
  user: User;
  may: (permission: Permission) => boolean;
}

export const Session = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const s = useContext(Session);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}
