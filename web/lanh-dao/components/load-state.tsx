import type { VNode } from 'preact';
import type { ApiError } from '../../lib/api/client';
import { Alert, Button, Loading } from '../../ui/components';
import { tl } from '../i18n';

/** What a page shows while its figures load, or when they could not be loaded (with the server's reason). */
export function LoadState(props: { error?: ApiError; retry: () => void }): VNode {
  if (!props.error) return <Loading label={tl('leader.loading')} />;
  return (
    <Alert tone="error">
      {tl('leader.loadFailed')} {props.error.userMessage}{' '}
      {props.error.status === 0 || props.error.status >= 500 ? <Button variant="secondary" onClick={props.retry}>{tl('leader.retry')}</Button> : null}
    </Alert>
  );
}

/** Shown to a signed-in account whose role has no dashboard (a volunteer): where to go instead. */
export function NotForRole(): VNode {
  return (
    <>
      <Alert tone="info">{tl('leader.notForRole')}</Alert>
      <p><a href="/can-bo/">{tl('leader.toStaff')}</a></p>
    </>
  );
}

/** Above figures already on screen: newer ones are loading, or could not be loaded (the old ones stay). */
export function Refreshing(props: { loading: boolean; error?: ApiError; retry: () => void }): VNode | null {
  if (props.loading) return <p class="refreshing" role="status"><span class="spinner" aria-hidden="true" /> {tl('leader.loading')}</p>;
  if (props.error) return <LoadState error={props.error} retry={props.retry} />;
  return null;
}
