// The five tabs. The selected tab is part of the URL (?tab=…), like every filter inside the tabs.
import { TabPanel } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { tabOf, useUrlState, type TabName } from './url-state';
import { OverviewTab } from './tabs/OverviewTab';
import { QueueTab } from './tabs/QueueTab';
import { MappingsTab } from './tabs/MappingsTab';
import { SettingsTab } from './tabs/SettingsTab';
import { ToolsTab } from './tabs/ToolsTab';

export function App() {
  const [state, update] = useUrlState();
  const tab = tabOf(state);
  const tabs: Array<{ name: TabName; title: string }> = [
    { name: 'overview', title: __('Overview', 'gp-sync-for-woocommerce') },
    { name: 'queue', title: __('Queue', 'gp-sync-for-woocommerce') },
    { name: 'mappings', title: __('Mappings', 'gp-sync-for-woocommerce') },
    { name: 'settings', title: __('Settings', 'gp-sync-for-woocommerce') },
    { name: 'tools', title: __('Tools', 'gp-sync-for-woocommerce') },
  ];
  const go = (next: string) => {
    // A new tab starts with its own defaults: the other tab's filters do not follow.
    if (next !== tab)
      update({ tab: next, status: '', kind: '', search: '', from: '', to: '', paged: '', entry: '' });
  };
  return (
    <div className="gpsync-admin">
      <h1 className="wp-heading-inline">{__('GP Sync', 'gp-sync-for-woocommerce')}</h1>
      {/* key: a tab chosen from a link inside the app (e.g. "Open Mappings") re-selects the panel. */}
      <TabPanel key={tab} className="gpsync-tabs" tabs={tabs} initialTabName={tab} onSelect={go}>
        {(current) => {
          switch (current.name as TabName) {
            case 'queue':
              return <QueueTab state={state} update={update} />;
            case 'mappings':
              return <MappingsTab />;
            case 'settings':
              return <SettingsTab />;
            case 'tools':
              return <ToolsTab />;
            default:
              return <OverviewTab go={(patch) => update(patch)} />;
          }
        }}
      </TabPanel>
    </div>
  );
}
