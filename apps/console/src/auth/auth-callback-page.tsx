import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { consoleConfig } from './console-config';
import { completeOidcSignIn } from './oidc';
import { signIn } from './session';

/** Where the identity provider sends the browser back with `?code=&state=`. */
export function AuthCallbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const config = await consoleConfig();
        if (!config.oidc) throw new Error('OIDC is not configured');
        const { accessToken, returnTo } = await completeOidcSignIn(config.oidc, new URL(location.href));
        if (cancelled) return;
        signIn(accessToken);
        navigate(returnTo.startsWith('/') ? returnTo : '/', { replace: true });
      } catch (failure) {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [navigate]);
  return (
    <main className="centered" id="main">
      {error ? (
        <p role="alert" className="error">
          {t('signIn.failed')}: {error} — <a href="/sign-in">{t('signIn.submit')}</a>
        </p>
      ) : (
        <p>{t('signIn.loading')}</p>
      )}
    </main>
  );
}
