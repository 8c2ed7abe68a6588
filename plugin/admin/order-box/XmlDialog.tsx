// "View eConnect XML": the documents the bridge would run for the order's newest queue message
// (GET /gp-sync/v1/queue/<id>?preview=1, the bridge's POST /v1/preview; nothing is written to GP).
// Classic JSX runtime: WordPress 6.5 has no react-jsx-runtime script (6.6 added it).
/** @jsxRuntime classic */
/** @jsx createElement */
import { Modal, Notice, Spinner } from '@wordpress/components';
import { createElement, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { errorText } from './api';
import type { OrderGpClient, QueueDetail } from './types';

interface Props {
  client: OrderGpClient;
  messageRowId: number;
  onClose: () => void;
}

export function XmlDialog({ client, messageRowId, onClose }: Props) {
  const [detail, setDetail] = useState<QueueDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.preview(messageRowId).then(
      (answer) => live && setDetail(answer),
      (error: unknown) =>
        live &&
        setFailure(errorText(error, __('The eConnect XML could not be loaded.', 'gp-sync-for-woocommerce'))),
    );
    return () => {
      live = false;
    };
  }, [client, messageRowId]);

  return (
    <Modal
      title={__('eConnect XML', 'gp-sync-for-woocommerce')}
      onRequestClose={onClose}
      className="gpsync-xml-dialog"
      size="large"
    >
      {!detail && !failure && (
        <p>
          <Spinner /> {__('Asking the bridge…', 'gp-sync-for-woocommerce')}
        </p>
      )}
      {failure && (
        <Notice status="error" isDismissible={false}>
          {failure}
        </Notice>
      )}
      {detail && <PreviewBody detail={detail} />}
    </Modal>
  );
}

function PreviewBody({ detail }: { detail: QueueDetail }) {
  if (detail.build_error) {
    return (
      <Notice status="error" isDismissible={false}>
        {sprintf(
          /* translators: %s: why the payload could not be built */
          __('The message could not be built from the order: %s', 'gp-sync-for-woocommerce'),
          detail.build_error,
        )}
      </Notice>
    );
  }
  if (detail.preview_error) {
    return (
      <Notice status="error" isDismissible={false}>
        {sprintf(
          /* translators: 1: error code, 2: message */
          __('The bridge did not answer the preview (%1$s): %2$s', 'gp-sync-for-woocommerce'),
          detail.preview_error.code,
          detail.preview_error.message,
        )}
      </Notice>
    );
  }
  const result = detail.preview?.results[0];
  if (!result) {
    return <p>{__('The bridge returned no preview for this message.', 'gp-sync-for-woocommerce')}</p>;
  }
  return (
    <div>
      {result.result && result.result.status !== 'done' && (
        <Notice status="warning" isDismissible={false}>
          {sprintf(
            /* translators: 1: error code, 2: message */
            __('GP would not take this as it is (%1$s): %2$s', 'gp-sync-for-woocommerce'),
            result.result.code ?? result.result.status,
            result.result.message ?? '',
          )}
        </Notice>
      )}
      {result.documents.length === 0 && (
        <p>{__('No eConnect document would be sent for this message.', 'gp-sync-for-woocommerce')}</p>
      )}
      {result.documents.map((document, index) => (
        <section key={index} className="gpsync-xml-dialog__document">
          <h3>
            {sprintf(
              /* translators: 1: document number in the batch, 2: "valid" or "has problems" */
              __('Document %1$d (%2$s)', 'gp-sync-for-woocommerce'),
              index + 1,
              document.valid
                ? __('passes the GP rules', 'gp-sync-for-woocommerce')
                : __('breaks GP rules', 'gp-sync-for-woocommerce'),
            )}
          </h3>
          {document.issues.length > 0 && (
            <ul>
              {document.issues.map((issue, issueIndex) => (
                <li key={issueIndex}>{issue.field ? `${issue.field}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          )}
          <pre
            tabIndex={0}
            aria-label={sprintf(
              /* translators: %d: document number */
              __('eConnect XML of document %d', 'gp-sync-for-woocommerce'),
              index + 1,
            )}
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '60vh', overflow: 'auto' }}
          >
            {document.xml}
          </pre>
        </section>
      ))}
    </div>
  );
}
