// Messages done (and failed) per hour over the last 24 hours, as an SVG bar chart with a text equivalent
// for screen readers (a table of the same figures).
import { __, sprintf } from '@wordpress/i18n';

interface Props {
  hours: Array<{ hour_gmt: string; done: number; failed: number }>;
}

export function ThroughputChart({ hours }: Props) {
  const max = Math.max(1, ...hours.map((hour) => hour.done + hour.failed));
  const width = 24 * 12;
  const total = hours.reduce((sum, hour) => sum + hour.done, 0);
  return (
    <figure className="gpsync-chart">
      <svg
        viewBox={`0 0 ${width} 100`}
        role="img"
        aria-hidden="true"
        preserveAspectRatio="none"
        width="100%"
        height="120"
      >
        {hours.map((hour, index) => {
          const doneHeight = (hour.done / max) * 96;
          const failedHeight = (hour.failed / max) * 96;
          return (
            <g key={hour.hour_gmt}>
              <rect x={index * 12 + 1} y={100 - doneHeight} width={10} height={doneHeight} fill="#2271b1" />
              <rect
                x={index * 12 + 1}
                y={100 - doneHeight - failedHeight}
                width={10}
                height={failedHeight}
                fill="#d63638"
              />
            </g>
          );
        })}
      </svg>
      <figcaption>
        {sprintf(
          __('%d messages reached GP in the last 24 hours (blue; red: failed).', 'gp-sync-for-woocommerce'),
          total,
        )}
      </figcaption>
      <table className="screen-reader-text">
        <caption>{__('Messages per hour', 'gp-sync-for-woocommerce')}</caption>
        <tbody>
          {hours.map((hour) => (
            <tr key={hour.hour_gmt}>
              <th scope="row">{hour.hour_gmt}</th>
              <td>{hour.done}</td>
              <td>{hour.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
