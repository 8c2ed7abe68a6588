// @wordpress/scripts' webpack config with named entries, one folder per admin script under admin/.
// Output: build/<entry>/index.js + index.asset.php (the WordPress script handles it needs), read by
// src/Admin/ScriptAssets.php. Add an entry per screen; keep the folder name = the entry name.
import defaultConfig from '@wordpress/scripts/config/webpack.config.js';

export default {
  ...defaultConfig,
  entry: {
    'order-box/index': './admin/order-box/index.tsx',
  },
};
