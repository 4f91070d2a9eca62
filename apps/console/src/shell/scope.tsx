import { createContext, ReactNode, useCallback, useContext, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Session, isCityRole } from '../auth/session';

/**
 * Which district the screens show. A district or grid role sees its own district only (the APIs enforce it);
 * a city role sees the whole city or picks one district, kept in the URL (`?district=`) so a wall screen can be
 * bookmarked on one district.
 */
export interface Scope {
  readonly session: Session;
  /** null: the whole city (city roles only). */
  readonly tenantId: string | null;
  readonly cityWide: boolean;
  readonly chooseDistrict: (tenantId: string | null) => void;
}

const ScopeContext = createContext<Scope | null>(null);

export function ScopeProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const city = isCityRole(session);
  const tenantId = city ? params.get('district') || null : session.tenantId;
  const chooseDistrict = useCallback(
    (next: string | null) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        if (next) copy.set('district', next);
        else copy.delete('district');
        copy.delete('case');
        return copy;
      }),
    [setParams],
  );
  const value = useMemo(
    () => ({ session, tenantId, cityWide: city && tenantId === null, chooseDistrict }),
    [session, tenantId, city, chooseDistrict],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useScope outside ScopeProvider');
  return scope;
}
