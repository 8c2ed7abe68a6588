// Rows of "source → GP field" (orders, customers, items `fields` lists). The source is `meta:<key>`,
// `attribute:<name>` or `field:<path>`; suggestions (e.g. meta keys found on recent orders) fill a datalist.
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

export interface FieldRow {
  from: string;
  to: string;
}

interface Props {
  id: string;
  legend: string;
  rows: FieldRow[];
  targets: readonly string[];
  suggestions: string[];
  errors: Record<string, string>;
  onChange: (rows: FieldRow[]) => void;
}

export function FieldMapEditor({ id, legend, rows, targets, suggestions, errors, onChange }: Props) {
  const listId = `${id}-sources`;
  return (
    <fieldset className="gpsync-fieldmap">
      <legend>{legend}</legend>
      <datalist id={listId}>
        {suggestions.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        <div className="gpsync-row" key={index}>
          <TextControl
            __nextHasNoMarginBottom
            label={sprintf(__('Source %d', 'gp-sync-for-woocommerce'), index + 1)}
            value={row.from}
            list={listId}
            onChange={(value: string) =>
              onChange(rows.map((r, i) => (i === index ? { ...r, from: value } : r)))
            }
            help={
              errors[`${id}.${index}`] ??
              __('meta:<key>, attribute:<name> or field:<path>', 'gp-sync-for-woocommerce')
            }
            {...(errors[`${id}.${index}`] ? { 'aria-invalid': true, className: 'gpsync-invalid' } : {})}
          />
          <SelectControl
            __nextHasNoMarginBottom
            label={sprintf(__('GP field %d', 'gp-sync-for-woocommerce'), index + 1)}
            value={row.to}
            options={targets.map((value) => ({ value, label: value }))}
            onChange={(value: string) =>
              onChange(rows.map((r, i) => (i === index ? { ...r, to: value } : r)))
            }
          />
          <Button
            variant="tertiary"
            isDestructive
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {sprintf(__('Remove row %d', 'gp-sync-for-woocommerce'), index + 1)}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { from: '', to: targets[0] ?? '' }])}>
        {__('Add a field', 'gp-sync-for-woocommerce')}
      </Button>
    </fieldset>
  );
}
