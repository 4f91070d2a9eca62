import { useEffect, useSyncExternalStore } from 'react';
import { NavLink, Navigate, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentSession, isCityRole, onSessionChange, seesDistrictBoard, signOut } from '../auth/session';
import { useDistricts } from '../api/reference-data';
import { CaseDrawer } from '../case/case-drawer';
import { LiveFeedProvider, useLiveFeed } from '../live/live-feed';
import { LanguageSwitch } from './language-switch';
import { ScopeProvider, useScope } from './scope';

function useSession() {
  return useSyncExternalStore(onSessionChange, currentSession);
}

/** Signed-in pages share the header, the scope (district) and the live feed. */
export function Shell() {
  const session = useSession();
  const location = useLocation();
  if (!session)
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <ScopeProvider session={session}>
      <LiveFeedProvider>
        <ShellLayout />
      </LiveFeedProvider>
    </ScopeProvider>
  );
}

function FeedState() {
  const { t } = useTranslation();
  const { state } = useLiveFeed();
  const label = {
    connecting: t('app.connecting'),
    live: t('app.live'),
    reconnecting: t('app.reconnecting'),
    closed: t('app.offline'),
    polling: t('app.polling'),
  }[state];
  return (
    <span className={`feed-state feed-${state}`} role="status" data-feed-state={state}>
      ● {label}
    </span>
  );
}

function DistrictPicker() {
  const { t } = useTranslation();
  const scope = useScope();
  const districts = useDistricts();
  if (!isCityRole(scope.session)) return null;
  return (
    <label className="district-picker">
      {t('board.district')}
      <select value={scope.tenantId ?? ''} onChange={(event) => scope.chooseDistrict(event.target.value || null)}>
        <option value="">{t('board.allDistricts')}</option>
        {(districts.data ?? []).map((district) => (
          <option key={district.tenantId} value={district.tenantId}>
            {district.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ShellLayout() {
  const { t } = useTranslation();
  const scope = useScope();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const districts = useDistricts();
  const districtName = districts.data?.find((district) => district.tenantId === scope.tenantId)?.name ?? scope.tenantId;
  // Keep the district choice when moving between pages.
  const keep = params.get('district') ? `?district=${encodeURIComponent(params.get('district') as string)}` : '';
  useEffect(() => {
    document.title = `${t('app.title')}${districtName ? ` · ${districtName}` : ''}`;
  }, [t, districtName]);
  const who = scope.session.name ?? scope.session.subject;
  const roles = scope.session.roles.map((grant) => t(`roles.${grant.role}`, { defaultValue: grant.role })).join(', ');
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="top-bar">
        <span className="brand">
          {t('app.title')}
          {districtName ? ` · ${districtName}` : ''}
        </span>
        <nav aria-label={t('app.title')}>
          <NavLink to={`/${keep}`} end>
            {t('nav.board')}
          </NavLink>
          <NavLink to={`/map${keep}`}>{t('nav.map')}</NavLink>
          {seesDistrictBoard(scope.session) && <NavLink to={`/queue${keep}`}>{t('nav.queue')}</NavLink>}
          {seesDistrictBoard(scope.session) && <NavLink to={`/kpis${keep}`}>{t('nav.kpis')}</NavLink>}
        </nav>
        <DistrictPicker />
        <FeedState />
        <span className="who" title={roles}>
          {who} · {roles}
        </span>
        <LanguageSwitch />
        <button
          type="button"
          onClick={() => {
            signOut();
            navigate('/sign-in');
          }}
        >
          {t('app.signOut')}
        </button>
      </header>
      <div className="workspace">
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
        <CaseDrawer />
      </div>
    </div>
  );
}
