import { officerApi, type Officer } from '../api/index.js';
import { useSession } from '../session.js';
import { useLoad } from './useLoad.js';

/** The agency's officers, and the officer record of the signed-in user (if any). */
export function useOfficers() {
  const { agency, me, access } = useSession();
  const id = agency?.id ?? '';
  const list = useLoad(() => officerApi.list(id), [id], access.can.readAgency && !!id);
  const mine: Officer | undefined = list.data?.find((o) => o.userId === me?.user.id);
  return { officers: list.data ?? [], loading: list.loading, mine, loaded: list.data !== undefined };
}
