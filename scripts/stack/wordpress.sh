#!/usr/bin/env bash
# Lays out WordPress 6.5.5 in .local/wordpress (once), writes this profile's configuration, installs the
# site, links this plugin (and WooCommerce when WOOCOMMERCE_DIR is set) and activates them.
# Usage: scripts/stack/wordpress.sh dev|test      Needs: MariaDB ready (mariadb.sh), npm ci done.
set -euo pipefail
# shellcheck source=scripts/stack/lib.sh
source "$(dirname "$0")/lib.sh"
load_profile "${1:-}"

WP_VERSION=6.5.5
BUILDS="$REPO_ROOT/node_modules/@wp-playground/wordpress-builds"
[[ -f "$BUILDS/src/wordpress/wp-6.5.zip" ]] || die "WordPress builds missing: run npm ci (e2e devDependency @wp-playground/wordpress-builds)"

# 1. Core files: the Playground build keeps PHP in a zip and the static assets (CSS/JS/images) apart; merge them.
if [[ "$(cat "$WP_PATH/.gpsync-wp-version" 2>/dev/null)" != "$WP_VERSION" ]]; then
  log "laying out WordPress $WP_VERSION in $WP_PATH"
  rm -rf "$WP_PATH.tmp" && mkdir -p "$WP_PATH.tmp"
  unzip -q "$BUILDS/src/wordpress/wp-6.5.zip" -d "$WP_PATH.tmp"
  cp -a "$BUILDS/public/wp-6.5/." "$WP_PATH.tmp/"
  # The build is configured for SQLite; we use MariaDB, so its database file and config go.
  rm -rf "$WP_PATH.tmp/wp-content/database" "$WP_PATH.tmp/wordpress-remote-asset-paths" "$WP_PATH.tmp/wp-config.php"
  grep -q "\$wp_version = '$WP_VERSION'" "$WP_PATH.tmp/wp-includes/version.php" || die "the builds package does not carry WordPress $WP_VERSION"
  echo "$WP_VERSION" >"$WP_PATH.tmp/.gpsync-wp-version"
  rm -rf "$WP_PATH" && mv "$WP_PATH.tmp" "$WP_PATH"
fi
cp "$STACK_DIR/wp/wp-config.php" "$WP_PATH/wp-config.php"
mkdir -p "$WP_PATH/wp-content/plugins" "$WP_PATH/wp-content/upgrade"

# 2. Salts: generated once per profile and kept, so logins survive restarts.
SALTS="$PROFILE_DIR/salts.php"
if [[ ! -s "$SALTS" ]]; then
  php -r '
    echo "<?php\n// Generated once by scripts/stack/wordpress.sh; local only.\n";
    foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) {
      echo "define( \"$k\", \"" . bin2hex(random_bytes(32)) . "\" );\n";
    }' >"$SALTS"
  chmod 600 "$SALTS"
fi

# 3. The profile's configuration (database, URLs, logs).
cat >"$PROFILE_DIR/wp-config.profile.php" <<PHP
<?php
// Written by scripts/stack/wordpress.sh for the '$PROFILE' profile; regenerated on every run.
define( 'DB_NAME', '$DB_NAME' );
define( 'DB_USER', '$DB_USER' );
define( 'DB_PASSWORD', '$DB_PASSWORD' );
define( 'DB_HOST', '$DB_HOST' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
// Through \$GLOBALS: WordPress is also loaded inside a function (the PHPUnit bootstrap), where a plain
// assignment would make a local variable that wpdb never sees.
\$GLOBALS['table_prefix'] = 'wp_';
require __DIR__ . '/salts.php';
define( 'WP_HOME', '$WP_URL' );
define( 'WP_SITEURL', '$WP_URL' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$LOG_DIR/wp-debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'UPLOADS', 'wp-content/uploads-$PROFILE' );
// No internet here: WordPress's update checks would otherwise wait on the network. Loopback stays allowed.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'GPSYNC_MAIL_LOG', '$LOG_DIR/mail.log' );
PHP
mkdir -p "$WP_PATH/wp-content/mu-plugins"
cp "$STACK_DIR/wp/mu-plugins/gpsync-local-stack.php" "$WP_PATH/wp-content/mu-plugins/"

# 4. Install the site and the plugins.
wp_php "$STACK_DIR/wp/setup.php" install "$WP_ADMIN_USER" "$WP_ADMIN_PASSWORD" "$WP_ADMIN_USER@example.test" >&2

ln -sfn "$REPO_ROOT/plugin" "$WP_PATH/wp-content/plugins/gp-sync-for-woocommerce"
WOOCOMMERCE=0
if [[ -n "${WOOCOMMERCE_DIR:-}" ]]; then
  [[ -f "$WOOCOMMERCE_DIR/woocommerce.php" ]] || die "WOOCOMMERCE_DIR=$WOOCOMMERCE_DIR holds no woocommerce.php"
  ln -sfn "$(cd "$WOOCOMMERCE_DIR" && pwd)" "$WP_PATH/wp-content/plugins/woocommerce"
  wp_php "$STACK_DIR/wp/setup.php" activate woocommerce/woocommerce.php >&2
  WOOCOMMERCE=1
else
  # This profile may have had WooCommerce from an earlier run; the stack must be what stack.env says it is.
  # The link stays (the other profile may use it); only this site deactivates it.
  if [[ -e "$WP_PATH/wp-content/plugins/woocommerce" ]]; then
    wp_php "$STACK_DIR/wp/setup.php" deactivate woocommerce/woocommerce.php >&2
  fi
  log "WOOCOMMERCE_DIR not set: WordPress without WooCommerce (WooCommerce tests will be skipped)"
fi
# Ours after WooCommerce, as on a real store. The main file is written by the plugin-core work; until it
# exists there is nothing to activate.
if [[ -f "$REPO_ROOT/plugin/gp-sync-for-woocommerce.php" ]]; then
  wp_php "$STACK_DIR/wp/setup.php" activate gp-sync-for-woocommerce/gp-sync-for-woocommerce.php >&2
else
  log "plugin/gp-sync-for-woocommerce.php does not exist yet: plugin not activated"
fi
echo "$WOOCOMMERCE" >"$RUN_DIR/woocommerce"
