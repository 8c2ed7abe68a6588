// Overview: bridge health, counts by state, throughput over 24 hours, the oldest waiting message, the latest
// errors, and alerts that link to what needs fixing. Refreshes every 15 seconds.
import { Button, Card, CardBody, CardHeader, Notice, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { NS, get, type Alert, type Stats, type TestConnectionResult } from '../api';
import { useResource } from '../use-rest';
import { ageText, kindLabel, statusLabel } from '../labels';
import { ThroughputChart } from '../components/ThroughputChart';
import { connectionText } from './SettingsTab';

interface Props {
  go: (patch: Record<string, string>) => void;
}

export function OverviewTab({ go }: Props) {
  const stats = useResource(() => get<Stats>(`${NS}/stats`), 'stats', 15_000);
  const health = useResource(() => get<TestConnectionResult>(`${NS}/health`), 'health', 60_000);
  if (stats.loading && stats.data === null) return <Spinner />;
  if (stats.error)
    return (
      <Notice status="error" isDismissible={false}>
        {stats.error}
      </Notice>
    );
  const data = stats.data;
  if (!data) return null;
  const alerts: Alert[] = data.alert_items ?? data.alerts.map((message) => ({ code: 'notice', message }));
  const bridge = health.data ? connectionText(health.data) : null;

  return (
    <div className="gpsync-overview">
      <section aria-label={__('Alerts', 'gp-sync-for-woocommerce')}>
        {alerts.length === 0 ? (
          <Notice status="success" isDismissible={false}>
            {__('Nothing needs your attention.', 'gp-sync-for-woocommerce')}
          </Notice>
        ) : (
          alerts.map((alert) => (
            <Notice
              key={alert.code + alert.message}
              status="warning"
              isDismissible={false}
              className={`gpsync-alert gpsync-alert-${alert.code}`}
            >
              {alert.message}{' '}
              {alert.tab ? (
                <Button
                  variant="link"
                  onClick={() =>
                    go({ tab: alert.tab ?? 'overview', status: alert.code === 'dead_letters' ? 'dead' : '' })
                  }
                >
                  {__('Fix it', 'gp-sync-for-woocommerce')}
                </Button>
              ) : null}
            </Notice>
          ))
        )}
      </section>
      <div className="gpsync-cards">
        <Card>
          <CardHeader>
            <h2>{__('Bridge', 'gp-sync-for-woocommerce')}</h2>
          </CardHeader>
          <CardBody>
            {health.loading && !health.data ? <Spinner /> : null}
            {bridge && <p className={bridge.ok ? 'gpsync-ok' : 'gpsync-bad'}>{bridge.text}</p>}
            {health.error && <p className="gpsync-bad">{health.error}</p>}
            <p>
              {data.last_success_gmt
                ? sprintf(
                    __('Last answer with results: %s (UTC)', 'gp-sync-for-woocommerce'),
                    data.last_success_gmt,
                  )
                : __('GP has not answered with results yet.', 'gp-sync-for-woocommerce')}
            </p>
            <p>{sprintf(__('Scheduler: %s', 'gp-sync-for-woocommerce'), data.scheduler)}</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <h2>{__('Queue', 'gp-sync-for-woocommerce')}</h2>
          </CardHeader>
          <CardBody>
            <ul className="gpsync-counts">
              {(['dead', 'retry', 'pending', 'in_flight', 'done', 'discarded'] as const).map((status) => (
                <li key={status}>
                  <Button variant="link" onClick={() => go({ tab: 'queue', status })}>
                    {statusLabel(status)}
                  </Button>
                  : <strong data-count={status}>{data.counts[status] ?? 0}</strong>
                </li>
              ))}
            </ul>
            <p>
              {data.oldest_waiting_age_seconds === null
                ? __('Nothing is waiting.', 'gp-sync-for-woocommerce')
                : sprintf(
                    __('Oldest waiting message: %s old', 'gp-sync-for-woocommerce'),
                    ageText(data.oldest_waiting_age_seconds),
                  )}
            </p>
          </CardBody>
        </Card>
      </div>
      {data.throughput && (
        <Card>
          <CardHeader>
            <h2>{__('Throughput, last 24 hours', 'gp-sync-for-woocommerce')}</h2>
          </CardHeader>
          <CardBody>
            <ThroughputChart hours={data.throughput} />
          </CardBody>
        </Card>
      )}
      {data.latest_errors && data.latest_errors.length > 0 && (
        <Card>
          <CardHeader>
            <h2>{__('Latest errors', 'gp-sync-for-woocommerce')}</h2>
          </CardHeader>
          <CardBody>
            <ul className="gpsync-errors">
              {data.latest_errors.map((row) => (
                <li key={row.id}>
                  <Button variant="link" onClick={() => go({ tab: 'queue', entry: String(row.id) })}>
                    {`${kindLabel(row.kind)} #${row.entity_id}`}
                  </Button>{' '}
                  <code>{row.last_error_code}</code> {row.last_error_message}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
