import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { agencyApi, ApiError, authApi, setCsrfToken, type Agency, type AgencyAbilities, type Me, type PlatformAbilities, type Role } from './api/index.js';

// Who is signed in, which agency they are working in, and what they may do there. What they may
// do comes from the server (/api/auth/me abilities, computed by the same policies the routes ask),
// so the app never re-encodes role lists. The selected agency is remembered on this device.

const agencyKey = 'liuhen.agencyId';

export type Access = {
  /** For display only (labels and tags): decisions use `can` and `platform`. */
  platformAdmin: boolean;
  roles: Role[];
  /** What the caller may do in the selected agency (all false when none is selected). */
  can: AgencyAbilities;
  /** What the caller may do across the deployment. */
  platform: PlatformAbilities;
};

const noPlatform: PlatformAbilities = { createAgency: false, viewAllAudit: false, enterCalendarNotice: false, manageWitnesses: false, verifyIntegrity: false };

type Session = {
  me: Me | null;
  loading: boolean;
  /** True after a deliberate sign-out: the next person starts on the home page. */
  signedOut: boolean;
  agencies: Agency[];
  agency: Agency | null;
  access: Access;
  selectAgency: (id: string) => void;
  reload: () => Promise<Me | null>;
  reloadAgencies: () => Promise<void>;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  clear: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function accessFor(me: Me | null, agencyId: string | null): Access {
  const roles = (me?.memberships.find((m) => m.agencyId === agencyId)?.roles ?? []) as Role[];
  const abilities = me?.abilities;
  const inAgency = abilities && agencyId !== null ? (abilities.agencies[agencyId] ?? abilities.otherAgencies) : null;
  return {
    platformAdmin: me?.user.isPlatformAdmin ?? false,
    roles,
    can: inAgency ?? emptyAgency,
    platform: abilities?.platform ?? noPlatform,
  };
}

const emptyAgency: AgencyAbilities = {
  readAgency: false,
  administerAgency: false,
  listOwnApiTokens: false,
  createApiTokens: false,
  revokeApiTokens: false,
  manageServiceAccounts: false,
  viewAudit: false,
  readPolicy: false,
  changePolicy: false,
  readFindings: false,
  reevaluateFindings: false,
  readMatters: false,
  workOnMatters: false,
  decideReviewStage: false,
  decideApprovalStage: false,
  changeMajorList: false,
  decideLegalReview: false,
  approveLegalReviewExtension: false,
  readAv: false,
  workOnAv: false,
  uploadAv: false,
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<string | null>(() => localStorage.getItem(agencyKey));

  const selectAgency = useCallback((id: string) => {
    localStorage.setItem(agencyKey, id);
    setAgencyId(id);
  }, []);

  const reloadAgencies = useCallback(async () => {
    const list = await agencyApi.list();
    setAgencies(list);
    setAgencyId((current) => {
      if (current && list.some((a) => a.id === current)) return current;
      const first = list[0]?.id ?? null;
      if (first) localStorage.setItem(agencyKey, first);
      return first;
    });
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setAgencies([]);
  }, []);

  /** Loads the signed-in user; null when there is no valid session. */
  const reload = useCallback(async (): Promise<Me | null> => {
    try {
      const current = await authApi.me();
      setCsrfToken(current.csrfToken);
      setMe(current);
      await reloadAgencies();
      return current;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        clear();
        return null;
      }
      throw err;
    } finally {
      setLoading(false);
    }
  }, [clear, reloadAgencies]);

  useEffect(() => {
    reload().catch(() => setLoading(false));
  }, [reload]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const res = await authApi.signIn(username, password);
      setSignedOut(false);
      setCsrfToken(res.csrfToken);
      if (!(await reload())) {
        throw new ApiError(401, 'SESSION_NOT_KEPT', '登录未能保持：浏览器没有保存会话 Cookie。请允许本站使用 Cookie，并核对设备时间是否准确。');
      }
    },
    [reload],
  );

  const signOut = useCallback(async () => {
    setSignedOut(true);
    try {
      await authApi.signOut();
    } finally {
      clear();
    }
  }, [clear]);

  const value = useMemo<Session>(() => {
    const agency = agencies.find((a) => a.id === agencyId) ?? null;
    return { me, loading, signedOut, agencies, agency, access: accessFor(me, agency?.id ?? null), selectAgency, reload, reloadAgencies, signIn, signOut, clear };
  }, [me, loading, signedOut, agencies, agencyId, selectAgency, reload, reloadAgencies, signIn, signOut, clear]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
