import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { consoleConfig } from './console-config';
import { beginOidcSignIn } from './oidc';
import { signIn } from './session';
import { LanguageSwitch } from '../shell/language-switch';

interface DevRole {
  role: string;
  labelZh?: string;
  labelEn?: string;
  needsTenant: boolean;
  needsGrid: boolean;
}

interface DevOptions {
  roles: DevRole[];
  districts?: { tenantId: string; name: string }[];
  grids?: { gridId: string; name: string; level: string }[];
}

async function devOptions(tenant: string | null): Promise<DevOptions> {
  const response = await fetch(`/dev/sign-in/options${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as DevOptions;
}

/** Development: pick a role and district. Production: the configured identity provider. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo') ?? '/';
  const config = useQuery({ queryKey: ['console-config'], queryFn: consoleConfig, staleTime: Infinity });
  const [role, setRole] = useState('dispatcher');
  const [tenant, setTenant] = useState('');
  const [grid, setGrid] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(params.get('expired') ? t('signIn.expired') : null);
  const [busy, setBusy] = useState(false);
  const dev = config.data?.devSignIn === true;
  const options = useQuery({
    queryKey: ['dev-sign-in', tenant],
    queryFn: () => devOptions(tenant || null),
    enabled: dev,
  });
  const chosen = options.data?.roles.find((candidate) => candidate.role === role);

  useEffect(() => {
    if (!tenant && options.data?.districts?.length) setTenant(options.data.districts[0].tenantId);
  }, [options.data, tenant]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          role,
          tenant: chosen?.needsTenant ? tenant : undefined,
          grid: chosen?.needsGrid ? grid : undefined,
          name: name || undefined,
        }),
      });
      const body = (await response.json()) as { token?: string; message?: string };
      if (!response.ok || !body.token) throw new Error(body.message ?? `HTTP ${response.status}`);
      signIn(body.token);
      navigate(returnTo, { replace: true });
    } catch (failure) {
      setError(`${t('signIn.failed')}: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  if (config.isPending) return <p className="centered">{t('signIn.loading')}</p>;
  const oidc = config.data?.oidc ?? null;
  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-head">
          <h1>{t('signIn.title')}</h1>
          <LanguageSwitch />
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {oidc && (
          <button
            type="button"
            className="primary"
            onClick={() => void beginOidcSignIn(oidc, returnTo).catch((failure: Error) => setError(failure.message))}
          >
            {t('signIn.oidc')}
          </button>
        )}
        {dev && (
          <form onSubmit={(event) => void submit(event)} aria-label={t('signIn.title')}>
            <p className="hint">{t('signIn.devNote')}</p>
            <label>
              {t('signIn.role')}
              <select name="role" value={role} onChange={(event) => setRole(event.target.value)}>
                {(options.data?.roles ?? []).map((candidate) => (
                  <option key={candidate.role} value={candidate.role}>
                    {(i18n.language === 'zh' ? candidate.labelZh : candidate.labelEn) ??
                      t(`roles.${candidate.role}`, { defaultValue: candidate.role })}
                  </option>
                ))}
              </select>
            </label>
            {chosen?.needsTenant && (
              <label>
                {t('signIn.district')}
                <select name="tenant" value={tenant} onChange={(event) => setTenant(event.target.value)} required>
                  {(options.data?.districts ?? []).map((district) => (
                    <option key={district.tenantId} value={district.tenantId}>
                      {district.name} ({district.tenantId})
                    </option>
                  ))}
                </select>
              </label>
            )}
            {chosen?.needsGrid && (
              <label>
                {t('signIn.grid')}
                <select name="grid" value={grid} onChange={(event) => setGrid(event.target.value)} required>
                  <option value="" />
                  {(options.data?.grids ?? []).map((candidate) => (
                    <option key={candidate.gridId} value={candidate.gridId}>
                      {candidate.name} · {t(`levels.${candidate.level}`, { defaultValue: candidate.level })}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              {t('signIn.name')}
              <input
                name="name"
                value={name}
                maxLength={60}
                onChange={(event) => setName(event.target.value)}
                autoComplete="name"
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {t('signIn.submit')}
            </button>
          </form>
        )}
        {!dev && !oidc && <p className="error">{t('signIn.none')}</p>}
      </div>
    </main>
  );
}
