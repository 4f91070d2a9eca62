import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The open case drawer is in the URL (`?case=<id>&caseDistrict=<tenant>`): a link to it can be shared. */
export function useOpenCase(): {
  open: { issueId: string; tenantId: string } | null;
  openCase: (tenantId: string, issueId: string) => void;
  closeCase: () => void;
} {
  const [params, setParams] = useSearchParams();
  const issueId = params.get('case');
  const tenantId = params.get('caseDistrict');
  const openCase = useCallback(
    (tenant: string, issue: string) =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        copy.set('case', issue);
        copy.set('caseDistrict', tenant);
        return copy;
      }),
    [setParams],
  );
  const closeCase = useCallback(
    () =>
      setParams((current) => {
        const copy = new URLSearchParams(current);
        copy.delete('case');
        copy.delete('caseDistrict');
        return copy;
      }),
    [setParams],
  );
  return { open: issueId && tenantId ? { issueId, tenantId } : null, openCase, closeCase };
}
