// Mappings: what each WooCommerce status does in GP, fields → GP user-defined/comment fields, tax rates and
// shipping methods → GP ids, document ids and the policies. The live preview renders a chosen order's
// eConnect XML with the mapping as edited here, before it is saved, with the bridge's GP-rule check.
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Notice,
  SelectControl,
  Spinner,
  TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { NS, errorText, get, isRestError, post } from '../api';
import { FieldMapEditor } from '../components/FieldMapEditor';
import { KeyValueEditor } from '../components/KeyValueEditor';
import {
  CODE_PAGE_POLICIES,
  CUSTOMER_TARGETS,
  ITEM_TARGETS,
  LENGTH_POLICIES,
  ORDER_ACTIONS,
  SOP_TARGETS,
  UNMATCHED_SKU_POLICIES,
  choiceOptions,
} from '../mapping-choices';
import { validateProfile, type Profile } from '../mapping-validation';

export interface PreviewResult {
  ok: boolean;
  xml: string | null;
  errors: Array<{ code: string; message: string; field?: string }>;
}

/** Options typed as plain strings, so SelectControl's value stays a string. */
export function opts(list: Array<{ value: string; label: string }>): Array<{ value: string; label: string }> {
  return list;
}

function orderStatuses(profile: Profile): Record<string, string> {
  const given =
    (window.gpsyncAdmin as { orderStatuses?: Record<string, string> } | undefined)?.orderStatuses ?? {};
  const statuses: Record<string, string> = {};
  for (const [key, label] of Object.entries(given)) statuses[key.replace(/^wc-/, '')] = label;
  for (const key of Object.keys(profile.status_map)) statuses[key] ??= key;
  return statuses;
}

export function MappingsTab() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [metaKeys, setMetaKeys] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ status: 'success' | 'error'; text: string } | null>(null);
  const [orderId, setOrderId] = useState('');
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    get<Profile>(`${NS}/mappings`)
      .then(setProfile)
      .catch((error: unknown) => setNotice({ status: 'error', text: errorText(error) }));
    get<{ keys: string[] }>(`${NS}/mappings/meta-keys`)
      .then((found) => setMetaKeys(found.keys.map((key) => `meta:${key}`)))
      .catch(() => setMetaKeys([]));
  }, []);

  if (!profile)
    return notice ? (
      <Notice status="error" isDismissible={false}>
        {notice.text}
      </Notice>
    ) : (
      <Spinner />
    );

  const edit = (patch: Partial<Profile>) => setProfile({ ...profile, ...patch });
  const section = <K extends keyof Profile>(key: K, patch: Record<string, unknown>) =>
    edit({ [key]: { ...(profile[key] as object), ...patch } } as Partial<Profile>);
  const fieldSuggestions = [
    ...metaKeys,
    'field:customer_note',
    'field:billing.phone',
    'field:billing.company',
    'field:payment_method',
    'field:shipping_method',
  ];

  const runPreview = async () => {
    setPreview(null);
    if (!/^\d+$/.test(orderId.trim())) {
      setErrors({ ...errors, preview_order: __('Enter an order number.', 'gp-sync-for-woocommerce') });
      return;
    }
    const found = validateProfile(profile);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPreviewing(true);
    try {
      setPreview(await post<PreviewResult>(`${NS}/mappings/preview`, { order_id: Number(orderId), profile }));
    } catch (error: unknown) {
      setPreview({
        ok: false,
        xml: null,
        errors: [{ code: isRestError(error) ? error.code : 'error', message: errorText(error) }],
      });
    } finally {
      setPreviewing(false);
    }
  };

  const save = async () => {
    setNotice(null);
    const found = validateProfile(profile);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice({
        status: 'error',
        text: __('Nothing was saved: correct the fields marked below.', 'gp-sync-for-woocommerce'),
      });
      return;
    }
    setSaving(true);
    try {
      const { version: _version, ...body } = profile;
      setProfile(await post<Profile>(`${NS}/mappings`, body));
      setNotice({ status: 'success', text: __('Mappings saved.', 'gp-sync-for-woocommerce') });
    } catch (error: unknown) {
      const list =
        isRestError(error) && Array.isArray(error.data?.errors) ? `: ${error.data.errors.join('; ')}` : '';
      setNotice({
        status: 'error',
        text: sprintf(__('Nothing was saved: %s', 'gp-sync-for-woocommerce'), errorText(error) + list),
      });
    } finally {
      setSaving(false);
    }
  };

  const docs = profile.documents as Record<string, string>;
  const docField = (key: string, label: string) => (
    <TextControl
      __nextHasNoMarginBottom
      label={label}
      value={String(docs[key] ?? '')}
      onChange={(value: string) => section('documents', { [key]: value })}
      help={errors[`documents.${key}`]}
      {...(errors[`documents.${key}`] ? { 'aria-invalid': true, className: 'gpsync-invalid' } : {})}
    />
  );

  return (
    <div className="gpsync-mappings">
      {notice && (
        <Notice status={notice.status} onRemove={() => setNotice(null)}>
          {notice.text}
        </Notice>
      )}
      <Card>
        <CardHeader>
          <h2>{__('Order statuses', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody className="gpsync-grid">
          {Object.entries(orderStatuses(profile)).map(([status, label]) => (
            <SelectControl
              __nextHasNoMarginBottom
              key={status}
              label={label}
              value={profile.status_map[status] ?? 'ignore'}
              options={choiceOptions('action', ORDER_ACTIONS)}
              onChange={(value: string) => edit({ status_map: { ...profile.status_map, [status]: value } })}
            />
          ))}
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('GP documents and policies', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody className="gpsync-grid">
          {docField('order_docid', __('Order type id', 'gp-sync-for-woocommerce'))}
          {docField('invoice_docid', __('Invoice type id', 'gp-sync-for-woocommerce'))}
          {docField('return_docid', __('Return type id', 'gp-sync-for-woocommerce'))}
          {docField('batch_id', __('Batch id', 'gp-sync-for-woocommerce'))}
          <SelectControl
            __nextHasNoMarginBottom
            label={__('SKU GP does not know', 'gp-sync-for-woocommerce')}
            value={profile.items.unmatched_sku_policy}
            options={choiceOptions('unmatchedSku', UNMATCHED_SKU_POLICIES)}
            onChange={(value: string) => section('items', { unmatched_sku_policy: value })}
          />
          <SelectControl
            __nextHasNoMarginBottom
            label={__('Text longer than GP allows', 'gp-sync-for-woocommerce')}
            value={profile.length_policy}
            options={choiceOptions('length', LENGTH_POLICIES)}
            help={__(
              'Fit: an address line goes on in the next free one; other text is shortened. SKUs and other numbers are never cut.',
              'gp-sync-for-woocommerce',
            )}
            onChange={(value: string) => edit({ length_policy: value })}
          />
          <SelectControl
            __nextHasNoMarginBottom
            label={__('Characters outside code page 1252', 'gp-sync-for-woocommerce')}
            value={profile.code_page_policy}
            options={choiceOptions('codePage', CODE_PAGE_POLICIES)}
            onChange={(value: string) => edit({ code_page_policy: value })}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('Fields', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody>
          <FieldMapEditor
            id="orders"
            legend={__(
              'Order meta and checkout fields → SOP user-defined and comment fields',
              'gp-sync-for-woocommerce',
            )}
            rows={profile.orders.fields}
            targets={SOP_TARGETS}
            suggestions={fieldSuggestions}
            errors={errors}
            onChange={(fields) => section('orders', { fields })}
          />
          <FieldMapEditor
            id="items"
            legend={__('Product attributes and meta → item fields', 'gp-sync-for-woocommerce')}
            rows={profile.items.fields}
            targets={ITEM_TARGETS}
            suggestions={['attribute:pa_color', 'attribute:pa_size', 'field:name', 'field:short_description']}
            errors={errors}
            onChange={(fields) => section('items', { fields })}
          />
          <FieldMapEditor
            id="customers"
            legend={__('Customer fields → customer card fields', 'gp-sync-for-woocommerce')}
            rows={profile.customers.fields}
            targets={CUSTOMER_TARGETS}
            suggestions={['field:billing.company', 'field:billing.phone', 'field:email']}
            errors={errors}
            onChange={(fields) => section('customers', { fields })}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('Taxes and shipping', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody>
          <KeyValueEditor
            id="taxes"
            legend={__('Tax rates → GP tax detail ids', 'gp-sync-for-woocommerce')}
            keyLabel={__('Tax rate id', 'gp-sync-for-woocommerce')}
            valueLabel={__('GP tax detail id', 'gp-sync-for-woocommerce')}
            value={profile.taxes.rate_map}
            maxValueLength={15}
            errors={errors}
            onChange={(rate_map) => section('taxes', { rate_map })}
          />
          <KeyValueEditor
            id="shipping"
            legend={__('Shipping methods → GP shipping methods', 'gp-sync-for-woocommerce')}
            keyLabel={__('Shipping method id', 'gp-sync-for-woocommerce')}
            valueLabel={__('GP shipping method', 'gp-sync-for-woocommerce')}
            value={profile.shipping.method_map}
            maxValueLength={15}
            errors={errors}
            onChange={(method_map) => edit({ shipping: { method_map } })}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2>{__('Preview before saving', 'gp-sync-for-woocommerce')}</h2>
        </CardHeader>
        <CardBody>
          <div className="gpsync-row">
            <TextControl
              __nextHasNoMarginBottom
              label={__('Order number', 'gp-sync-for-woocommerce')}
              inputMode="numeric"
              value={orderId}
              onChange={setOrderId}
              help={
                errors.preview_order ??
                __('Renders this order with the mapping above, unsaved.', 'gp-sync-for-woocommerce')
              }
              {...(errors.preview_order ? { 'aria-invalid': true, className: 'gpsync-invalid' } : {})}
            />
            <Button
              variant="secondary"
              isBusy={previewing}
              disabled={previewing}
              onClick={() => void runPreview()}
            >
              {__('Preview eConnect XML', 'gp-sync-for-woocommerce')}
            </Button>
          </div>
          <div aria-live="polite">
            {preview && (
              <Notice status={preview.ok ? 'success' : 'error'} isDismissible={false}>
                {preview.ok
                  ? __('GP rules: the document is valid.', 'gp-sync-for-woocommerce')
                  : preview.errors
                      .map(
                        (error) => `${error.code}: ${error.message}${error.field ? ` (${error.field})` : ''}`,
                      )
                      .join('; ')}
              </Notice>
            )}
          </div>
          {preview?.xml && (
            <pre className="gpsync-code gpsync-preview-xml" tabIndex={0}>
              {preview.xml}
            </pre>
          )}
        </CardBody>
      </Card>
      <div className="gpsync-row">
        <Button variant="primary" isBusy={saving} disabled={saving} onClick={() => void save()}>
          {__('Save mappings', 'gp-sync-for-woocommerce')}
        </Button>
      </div>
    </div>
  );
}
