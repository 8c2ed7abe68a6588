// Settings: bridge URL and secret (write-only), Test connection, batch size, timeouts, retry limits,
// inventory sites. Every field is checked here first and again by the REST API; a refused form saves nothing.
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Notice,
  Spinner,
  TextControl,
  ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { NS, get, isRestError, post, errorText, type SettingsView, type TestConnectionResult } from '../api';
import { type FieldErrors, invalidProps } from '../components/FieldError';
import { validateSettings, type SettingsForm } from '../settings-validation';

function toForm(view: SettingsView): SettingsForm {
  return {
    bridge_url: view.bridge_url,
    bridge_secret: '',
    batch_size: String(view.batch_size),
    request_timeout: String(view.request_timeout),
    backoff_base_seconds: String(view.backoff_base_seconds),
    backoff_cap_seconds: String(view.backoff_cap_seconds),
    max_attempts: String(view.max_attempts),
    inventory_sites: view.inventory_sites,
    remove_data_on_uninstall: view.remove_data_on_uninstall,
  };
}

export function connectionText(result: TestConnectionResult): { ok: boolean; text: string } {
  if (!result.reachable) {
    return {
      ok: false,
      text: sprintf(
        /* translators: %s: technical reason */
        __('The bridge is unreachable: %s', 'gp-sync-for-woocommerce'),
        result.error?.message ?? __('no answer', 'gp-sync-for-woocommerce'),
      ),
    };
  }
  if (result.signature === 'rejected') {
    return {
      ok: false,
      text: __(
        'The bridge answered but rejected the signature: the secret here does not match the bridge’s secret.',
        'gp-sync-for-woocommerce',
      ),
    };
  }
  if (result.error) {
    return { ok: false, text: result.error.message };
  }
  if (result.health?.gp?.reachable === false) {
    return {
      ok: false,
      text: __('The bridge answered, but it cannot reach GP’s SQL Server.', 'gp-sync-for-woocommerce'),
    };
  }
  const latency = result.health?.gp?.latency_ms;
  return {
    ok: true,
    text: sprintf(
      /* translators: 1: sandbox or sql, 2: bridge version, 3: milliseconds */
      __(
        'Connected: the bridge (%1$s mode, version %2$s) accepted the secret and GP answered in %3$s ms.',
        'gp-sync-for-woocommerce',
      ),
      result.health?.mode ?? '?',
      result.health?.version ?? '?',
      latency === undefined ? '?' : String(Math.round(latency)),
    ),
  };
}

export function SettingsTab() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ status: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    get<SettingsView>(`${NS}/settings`)
      .then((loaded) => {
        setView(loaded);
        setForm(toForm(loaded));
      })
      .catch((error: unknown) => setNotice({ status: 'error', text: errorText(error) }));
  }, []);

  if (form === null || view === null) {
    return notice ? (
      <Notice status="error" isDismissible={false}>
        {notice.text}
      </Notice>
    ) : (
      <Spinner />
    );
  }

  const set = (field: keyof SettingsForm) => (value: string | boolean) =>
    setForm({ ...form, [field]: value });

  const save = async () => {
    setNotice(null);
    const { errors: found, changes } = validateSettings(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice({
        status: 'error',
        text: __('Nothing was saved: correct the fields marked below.', 'gp-sync-for-woocommerce'),
      });
      const first = document.querySelector<HTMLElement>('.gpsync-settings [aria-invalid="true"]');
      first?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await post<SettingsView>(`${NS}/settings`, changes);
      setView(saved);
      setForm(toForm(saved));
      setNotice({ status: 'success', text: __('Settings saved.', 'gp-sync-for-woocommerce') });
    } catch (error: unknown) {
      const params = isRestError(error) ? error.data?.params : undefined;
      if (params) setErrors(params);
      if (isRestError(error) && error.code === 'gpsync_invalid_bridge_url')
        setErrors({ bridge_url: error.message });
      if (isRestError(error) && error.code === 'gpsync_invalid_backoff')
        setErrors({ backoff_cap_seconds: error.message });
      setNotice({
        status: 'error',
        text: sprintf(
          /* translators: %s: reason */ __('Nothing was saved: %s', 'gp-sync-for-woocommerce'),
          errorText(error),
        ),
      });
    } finally {
      setSaving(false);
    }
  };

  const testConnection = async () => {
    setTesting(true);
    setTest(null);
    try {
      setTest(connectionText(await post<TestConnectionResult>(`${NS}/test-connection`)));
    } catch (error: unknown) {
      setTest({ ok: false, text: errorText(error) });
    } finally {
      setTesting(false);
    }
  };

  const help = (field: string, text: string) => errors[field] ?? text;
  const number = (field: keyof SettingsForm, label: string, text: string) => (
    <TextControl
      __nextHasNoMarginBottom
      label={label}
      type="number"
      inputMode="numeric"
      value={String(form[field])}
      onChange={set(field)}
      help={help(field, text)}
      className={errors[field] ? 'gpsync-invalid' : undefined}
      {...invalidProps(errors, field)}
    />
  );

  return (
    <form
      className="gpsync-settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {notice && (
        <Notice status={notice.status} onRemove={() => setNotice(null)}>
          {notice.text}
        </Notice>
      )}
      <Card>
        <CardHeader>
          <h2>{__('Bridge', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody>
          <TextControl
            __nextHasNoMarginBottom
            label={__('Bridge URL', 'gp-sync-for-woocommerce')}
            type="url"
            value={form.bridge_url}
            onChange={set('bridge_url')}
            help={help(
              'bridge_url',
              __(
                'The address of the bridge beside GP, e.g. https://gp-bridge.example.com',
                'gp-sync-for-woocommerce',
              ),
            )}
            className={errors.bridge_url ? 'gpsync-invalid' : undefined}
            {...invalidProps(errors, 'bridge_url')}
          />
          <TextControl
            __nextHasNoMarginBottom
            label={__('Shared secret', 'gp-sync-for-woocommerce')}
            type="password"
            autoComplete="new-password"
            value={form.bridge_secret}
            onChange={set('bridge_secret')}
            help={help(
              'bridge_secret',
              view.secret_set
                ? __(
                    'A secret is set. Type a new one only to replace it (16 to 256 characters).',
                    'gp-sync-for-woocommerce',
                  )
                : __(
                    'No secret is set yet: enter the bridge’s secret (16 to 256 characters).',
                    'gp-sync-for-woocommerce',
                  ),
            )}
            className={errors.bridge_secret ? 'gpsync-invalid' : undefined}
            {...invalidProps(errors, 'bridge_secret')}
          />
          <p className="gpsync-secret-state">
            {view.secret_set
              ? __('Secret: set', 'gp-sync-for-woocommerce')
              : __('Secret: not set', 'gp-sync-for-woocommerce')}
          </p>
          <div className="gpsync-row">
            <Button
              variant="secondary"
              onClick={() => void testConnection()}
              isBusy={testing}
              disabled={testing}
            >
              {__('Test connection', 'gp-sync-for-woocommerce')}
            </Button>
            <span className="screen-reader-text">
              {__('Tests the saved settings.', 'gp-sync-for-woocommerce')}
            </span>
          </div>
          {test && (
            <Notice
              status={test.ok ? 'success' : 'error'}
              isDismissible={false}
              className="gpsync-test-result"
            >
              {test.text}
            </Notice>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('Sending', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody className="gpsync-grid">
          {number(
            'batch_size',
            __('Batch size', 'gp-sync-for-woocommerce'),
            __('Messages per request to the bridge (1–500).', 'gp-sync-for-woocommerce'),
          )}
          {number(
            'request_timeout',
            __('Request timeout (seconds)', 'gp-sync-for-woocommerce'),
            __('How long to wait for the bridge (1–300).', 'gp-sync-for-woocommerce'),
          )}
          {number(
            'max_attempts',
            __('Attempts before failing', 'gp-sync-for-woocommerce'),
            __(
              'Tries for errors GP may clear by itself (1–100). Unavailability never counts.',
              'gp-sync-for-woocommerce',
            ),
          )}
          {number(
            'backoff_base_seconds',
            __('First retry after (seconds)', 'gp-sync-for-woocommerce'),
            __('1–86400; doubles after each try.', 'gp-sync-for-woocommerce'),
          )}
          {number(
            'backoff_cap_seconds',
            __('Longest wait between retries (seconds)', 'gp-sync-for-woocommerce'),
            __('Not below the first wait; at most 604800 (a week).', 'gp-sync-for-woocommerce'),
          )}
          <TextControl
            __nextHasNoMarginBottom
            label={__('Inventory sites', 'gp-sync-for-woocommerce')}
            value={form.inventory_sites}
            onChange={set('inventory_sites')}
            help={help(
              'inventory_sites',
              __('GP site ids separated by commas, or “all”.', 'gp-sync-for-woocommerce'),
            )}
            className={errors.inventory_sites ? 'gpsync-invalid' : undefined}
            {...invalidProps(errors, 'inventory_sites')}
          />
          <ToggleControl
            __nextHasNoMarginBottom
            label={__('Remove the queue and settings when the plugin is deleted', 'gp-sync-for-woocommerce')}
            checked={form.remove_data_on_uninstall}
            onChange={set('remove_data_on_uninstall')}
          />
        </CardBody>
      </Card>
      <div className="gpsync-row">
        <Button variant="primary" type="submit" isBusy={saving} disabled={saving}>
          {__('Save settings', 'gp-sync-for-woocommerce')}
        </Button>
      </div>
    </form>
  );
}
