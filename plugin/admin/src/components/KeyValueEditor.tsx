// A WooCommerce id → GP id map (tax rates → TAXDTLID, shipping methods → SHIPMTHD), as editable rows.
import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

interface Props {
  id: string;
  legend: string;
  keyLabel: string;
  valueLabel: string;
  value: Record<string, string>;
  maxValueLength: number;
  errors: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
}

export function KeyValueEditor({
  id,
  legend,
  keyLabel,
  valueLabel,
  value,
  maxValueLength,
  errors,
  onChange,
}: Props) {
  const entries = Object.entries(value);
  const write = (next: Array<[string, string]>) => onChange(Object.fromEntries(next));
  return (
    <fieldset className="gpsync-keyvalue">
      <legend>{legend}</legend>
      {entries.map(([key, gp], index) => (
        <div className="gpsync-row" key={index}>
          <TextControl
            __nextHasNoMarginBottom
            label={`${keyLabel} ${index + 1}`}
            value={key}
            onChange={(k: string) => write(entries.map((e, i) => (i === index ? [k, e[1]] : e)))}
          />
          <TextControl
            __nextHasNoMarginBottom
            label={`${valueLabel} ${index + 1}`}
            value={gp}
            onChange={(v: string) => write(entries.map((e, i) => (i === index ? [e[0], v] : e)))}
            help={
              errors[`${id}.${key}`] ??
              sprintf(__('At most %d characters.', 'gp-sync-for-woocommerce'), maxValueLength)
            }
            {...(errors[`${id}.${key}`] ? { 'aria-invalid': true, className: 'gpsync-invalid' } : {})}
          />
          <Button
            variant="tertiary"
            isDestructive
            onClick={() => write(entries.filter((_, i) => i !== index))}
          >
            {sprintf(__('Remove row %d', 'gp-sync-for-woocommerce'), index + 1)}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => write([...entries, ['', '']])}>
        {__('Add a row', 'gp-sync-for-woocommerce')}
      </Button>
    </fieldset>
  );
}
