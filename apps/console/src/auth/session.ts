/**
 * The signed-in session. The access token lives in memory and in sessionStorage (so a reload keeps the
 * operator signed in, a closed tab does not) — never in localStorage, which every tab and script of the
 * origin share for ever.
 */
export interface RoleGrant {
  readonly role: string;
  readonly grid?: string;
}

export interface Session {
  readonly token: string;
  readonly subject: string;
  readonly name: string | null;
  /** The district of a district or grid role; null for city roles. */
  readonly tenantId: string | null;
  readonly roles: readonly RoleGrant[];
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const storageKey = 'gridline.console.session';
let current: Session | null = null;
const listeners = new Set<() => void>();

function decodePart(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Reads the claims the console shows and routes by. It does not verify the signature — the APIs do that on
 * every call; a forged token here gets the operator nothing but 401s.
 */
export function sessionOf(token: string): Session {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a JWT');
  const claims = decodePart(parts[1]) as {
    sub?: string;
    name?: string;
    tenant?: string;
    roles?: RoleGrant[];
    exp?: number;
  };
  if (!claims.sub || !Array.isArray(claims.roles) || typeof claims.exp !== 'number')
    throw new Error('token lacks sub, roles or exp');
  return {
    token,
    subject: claims.sub,
    name: claims.name ?? null,
    tenantId: claims.tenant ?? null,
    roles: claims.roles,
    expiresAt: claims.exp * 1000,
  };
}

export function currentSession(): Session | null {
  if (current && current.expiresAt <= Date.now()) signOut();
  if (current) return current;
  const stored = sessionStorage.getItem(storageKey);
  if (!stored) return null;
  try {
    const session = sessionOf(stored);
    if (session.expiresAt <= Date.now()) {
      sessionStorage.removeItem(storageKey);
      return null;
    }
    current = session;
    return current;
  } catch {
    sessionStorage.removeItem(storageKey);
    return null;
  }
}

export function signIn(token: string): Session {
  current = sessionOf(token);
  sessionStorage.setItem(storageKey, token);
  listeners.forEach((listener) => listener());
  return current;
}

export function signOut(): void {
  current = null;
  sessionStorage.removeItem(storageKey);
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const cityRoles = ['city-admin', 'city-viewer'];
const districtActors = ['district-admin', 'dispatcher'];
const gridRoles = ['leader', 'worker'];

export const hasAnyRole = (session: Session, roles: readonly string[]) =>
  session.roles.some((grant) => roles.includes(grant.role));
export const isCityRole = (session: Session) => hasAnyRole(session, cityRoles);
export const isDistrictStaff = (session: Session) => hasAnyRole(session, [...districtActors, 'auditor']);
export const isGridStaff = (session: Session) => hasAnyRole(session, gridRoles);
/** The grids a leader or worker answers for. */
export const gridsOf = (session: Session) =>
  session.roles.filter((grant) => gridRoles.includes(grant.role) && grant.grid).map((grant) => grant.grid as string);
/** Who may see the live board of a whole district (the API decides; this only picks the screens). */
export const seesDistrictBoard = (session: Session) => isCityRole(session) || isDistrictStaff(session);
