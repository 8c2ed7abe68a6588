<?php
/**
 * Plugin Name: GP Sync local stack
 * Description: Local development and test stack only (copied by scripts/stack/wordpress.sh). Mail is written to
 * the profile's log instead of being sent, because there is no mail server here and tests must not hang on one.
 */

declare(strict_types=1);

add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, array $atts ) {
		$log = defined( 'GPSYNC_MAIL_LOG' ) ? (string) GPSYNC_MAIL_LOG : '';
		if ( '' !== $log ) {
			$to = is_array( $atts['to'] ) ? implode( ', ', $atts['to'] ) : (string) $atts['to'];
			file_put_contents( $log, gmdate( 'c' ) . "\tto: $to\tsubject: " . (string) $atts['subject'] . "\n", FILE_APPEND );
		}
		return true;
	},
	10,
	2
);

// No internet here: report "nothing to update, just checked" so WordPress does not try (and log) every page.
foreach ( array( 'update_core', 'update_plugins', 'update_themes' ) as $gpsync_transient ) {
	add_filter(
		'pre_site_transient_' . $gpsync_transient,
		static function () {
			return (object) array(
				'last_checked'    => time(),
				'version_checked' => get_bloginfo( 'version' ),
				'updates'         => array(),
				'response'        => array(),
				'translations'    => array(),
			);
		}
	);
}
