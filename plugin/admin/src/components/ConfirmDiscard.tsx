// Discarding drops a message for good, so it is confirmed first. The Modal traps focus and Escape cancels.
import { Button, Modal } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

interface Props {
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDiscard({ count, onConfirm, onCancel }: Props) {
  return (
    <Modal title={__('Discard messages?', 'gp-sync-for-woocommerce')} onRequestClose={onCancel}>
      <p>
        {sprintf(
          _n(
            '%d message will not be sent to GP. You can resend the record later from its screen.',
            '%d messages will not be sent to GP. You can resend the records later from their screens.',
            count,
            'gp-sync-for-woocommerce',
          ),
          count,
        )}
      </p>
      <div className="gpsync-row">
        <Button variant="primary" isDestructive onClick={onConfirm}>
          {__('Discard', 'gp-sync-for-woocommerce')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {__('Keep', 'gp-sync-for-woocommerce')}
        </Button>
      </div>
    </Modal>
  );
}
