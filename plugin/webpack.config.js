// The plugin's admin scripts' build: @wordpress/scripts' config with one change. WordPress 6.5 has no
// `react-jsx-runtime` script (it arrived in 6.6), so the small JSX runtime is bundled instead of being
// declared as a dependency WordPress 6.5 cannot satisfy; every other @wordpress/* package and React stay
// external (core's copies, listed in build/admin.asset.php).
const defaultConfig = require('@wordpress/scripts/config/webpack.config');
const DependencyExtractionWebpackPlugin = require('@wordpress/dependency-extraction-webpack-plugin');
const path = require('node:path');

const bundled = new Set(['react/jsx-runtime', 'react/jsx-dev-runtime']);

module.exports = {
  ...defaultConfig,
  // The admin app (WooCommerce → GP Sync) and the order screen's "Dynamics GP" box: build/admin.js and
  // build/order-box/index.js, each with its .asset.php (src/Admin/ScriptAssets.php reads the box's).
  entry: {
    admin: path.resolve(__dirname, 'admin/src/index.tsx'),
    'order-box/index': path.resolve(__dirname, 'admin/order-box/index.tsx'),
  },
  output: { ...defaultConfig.output, path: path.resolve(__dirname, 'build') },
  plugins: [
    ...defaultConfig.plugins.filter((plugin) => !(plugin instanceof DependencyExtractionWebpackPlugin)),
    new DependencyExtractionWebpackPlugin({
      requestToExternal: (request) => (bundled.has(request) ? false : undefined),
      requestToHandle: (request) => (bundled.has(request) ? false : undefined),
    }),
  ],
};
