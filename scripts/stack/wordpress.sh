#!/usr/bin/env bash
# Lays out WordPress 6.5.5 in .local/wordpress (once), writes this profile's configuration, installs the
# site, puts WooCommerce (scripts/stack/woocommerce.sh finds it) and this plugin in the profile's own plugins
# folder (wp-content/plugins-<profile>) and activates them. The plugin is installed from its zip
# (GPSYNC_PLUGIN_INSTALL=zip, the test profile's default: what a store installs, so a zip that lacks a file
# fails the tests) or linked to plugin/ (=link, the dev profile's default: edits show at once).
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
# Each profile has its own plugins folder: the test profile's zip-installed copy must not replace the dev
# profile's link to the working tree (they share one WordPress core).
PLUGINS_DIR="$WP_PATH/wp-content/plugins-$PROFILE"
mkdir -p "$PLUGINS_DIR" "$WP_PATH/wp-content/upgrade"

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
defined( 'DISABLE_WP_CRON' ) || define( 'DISABLE_WP_CRON', false ); // a bench may switch it off first
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'UPLOADS', 'wp-content/uploads-$PROFILE' );
define( 'WP_PLUGIN_DIR', '$PLUGINS_DIR' );
define( 'WP_PLUGIN_URL', '$WP_URL/wp-content/plugins-$PROFILE' );
// No internet here: WordPress's update checks would otherwise wait on the network. Loopback stays allowed.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'GPSYNC_MAIL_LOG', '$LOG_DIR/mail.log' );
PHP
mkdir -p "$WP_PATH/wp-content/mu-plugins"
cp "$STACK_DIR/wp/mu-plugins/gpsync-local-stack.php" "$WP_PATH/wp-content/mu-plugins/"

# 4. Install the site and the plugins.
wp_php "$STACK_DIR/wp/setup.php" install "$WP_ADMIN_USER" "$WP_ADMIN_PASSWORD" "$WP_ADMIN_USER@example.test" >&2

WOOCOMMERCE=0
WOOCOMMERCE_PATH="$(bash "$STACK_DIR/woocommerce.sh")"
if [[ -n "$WOOCOMMERCE_PATH" ]]; then
  ln -sfn "$WOOCOMMERCE_PATH" "$PLUGINS_DIR/woocommerce"
  wp_php "$STACK_DIR/wp/setup.php" activate woocommerce/woocommerce.php >&2
  WOOCOMMERCE=1
elif [[ -e "$PLUGINS_DIR/woocommerce" ]]; then
  # This profile had WooCommerce from an earlier run; the stack must be what stack.env says it is.
  wp_php "$STACK_DIR/wp/setup.php" deactivate woocommerce/woocommerce.php >&2
  rm -f "$PLUGINS_DIR/woocommerce"
fi

# Ours after WooCommerce, as on a real store.
PLUGIN_DIR="$PLUGINS_DIR/gp-sync-for-woocommerce"
PLUGIN_INSTALL="${GPSYNC_PLUGIN_INSTALL:-$([[ "$PROFILE" == test ]] && echo zip || echo link)}"
PLUGIN_ZIP=""
case "$PLUGIN_INSTALL" in
  zip)
    # npm test builds the zip once (GPSYNC_PLUGIN_ZIP); on its own, this builds it here.
    PLUGIN_ZIP="${GPSYNC_PLUGIN_ZIP:-}"
    if [[ -z "$PLUGIN_ZIP" ]]; then
      log "building the plugin zip (GPSYNC_PLUGIN_INSTALL=link links plugin/ instead)"
      PLUGIN_ZIP="$(bash "$REPO_ROOT/scripts/plugin-zip.sh")"
    fi
    [[ -f "$PLUGIN_ZIP" ]] || die "plugin zip $PLUGIN_ZIP does not exist (npm run plugin-zip)"
    rm -rf "$PLUGIN_DIR" "$PLUGINS_DIR/.gpsync-unzip"
    mkdir -p "$PLUGINS_DIR/.gpsync-unzip"
    unzip -q "$PLUGIN_ZIP" -d "$PLUGINS_DIR/.gpsync-unzip"
    [[ -f "$PLUGINS_DIR/.gpsync-unzip/gp-sync-for-woocommerce/gp-sync-for-woocommerce.php" ]] ||
      die "$PLUGIN_ZIP has no gp-sync-for-woocommerce/gp-sync-for-woocommerce.php"
    mv "$PLUGINS_DIR/.gpsync-unzip/gp-sync-for-woocommerce" "$PLUGIN_DIR"
    rm -rf "$PLUGINS_DIR/.gpsync-unzip"
    log "plugin installed from $(basename "$PLUGIN_ZIP")"
    ;;
  link)
    rm -rf "$PLUGIN_DIR"
    ln -sfn "$REPO_ROOT/plugin" "$PLUGIN_DIR"
    ;;
  *) die "GPSYNC_PLUGIN_INSTALL=$PLUGIN_INSTALL: use zip or link" ;;
esac
wp_php "$STACK_DIR/wp/setup.php" activate gp-sync-for-woocommerce/gp-sync-for-woocommerce.php >&2
if [[ "$WOOCOMMERCE" == 1 ]]; then
  wp_php "$STACK_DIR/wp/setup.php" hpos >&2 || log "WARNING: could not switch WooCommerce to HPOS order storage"
fi
echo "$WOOCOMMERCE" >"$RUN_DIR/woocommerce"
printf '%s\n' "$PLUGIN_INSTALL" "$PLUGIN_DIR" "$PLUGIN_ZIP" >"$RUN_DIR/plugin"
