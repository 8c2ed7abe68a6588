import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CODE_PAGE_POLICIES,
  CUSTOMER_TARGETS,
  ITEM_TARGETS,
  LENGTH_POLICIES,
  ORDER_ACTIONS,
  SOP_TARGETS,
  UNMATCHED_SKU_POLICIES,
  choiceLabel,
  type ChoiceList,
} from '../src/mapping-choices';
import { MappingsTab } from '../src/tabs/MappingsTab';
import { fakeRest } from './fake-rest';
import { renderIn } from './render-in';

// The profile as a fresh store stores it (the plugin's defaults: length policy `fit`).
const stored = {
  version: 1,
  length_policy: 'fit',
  code_page_policy: 'transliterate',
  status_map: { processing: 'order', completed: 'invoice', 'on-hold': 'ignore' },
  documents: { order_docid: 'STDORD', invoice_docid: 'STDINV', return_docid: 'RTN', batch_id: 'WOO' },
  items: { fields: [], unmatched_sku_policy: 'hold' },
  customers: { fields: [] },
  orders: { fields: [] },
  taxes: { rate_map: {} },
  shipping: { method_map: {} },
};

let screen: ReturnType<typeof within>;

function routes() {
  return fakeRest({
    'GET /gp-sync/v1/mappings': () => ({ body: stored }),
    'GET /gp-sync/v1/mappings/meta-keys': () => ({ body: { keys: [] } }),
    'POST /gp-sync/v1/mappings': (call) => ({ body: { ...stored, ...(call.data as object) } }),
  });
}

describe('Mappings tab choices', () => {
  it.each<[ChoiceList, readonly string[]]>([
    ['action', ORDER_ACTIONS],
    ['length', LENGTH_POLICIES],
    ['codePage', CODE_PAGE_POLICIES],
    ['unmatchedSku', UNMATCHED_SKU_POLICIES],
  ])('every %s the bridge accepts has words for the store owner', (list, values) => {
    expect(values.length).toBeGreaterThan(1);
    for (const value of values) expect(choiceLabel(list, value)).not.toBe(value);
  });

  it('offers the GP fields of the contract, not a copy of them', () => {
    expect(SOP_TARGETS).toContain('USRTAB09');
    expect(CUSTOMER_TARGETS).toContain('CUSTCLAS');
    expect(ITEM_TARGETS).toContain('USCATVLS_6');
  });

  it('shows the stored length policy `fit` as chosen, and a change can be saved and undone', async () => {
    const calls = routes();
    const user = userEvent.setup();
    screen = renderIn(<MappingsTab />).view;
    const policy = (await screen.findByLabelText('Text longer than GP allows')) as HTMLSelectElement;
    expect(policy).toHaveValue('fit');
    expect(policy.selectedOptions[0]?.textContent).toBe('Fit it, with a warning');

    await user.selectOptions(policy, 'truncate');
    await user.click(screen.getByRole('button', { name: 'Save mappings' }));
    expect(await screen.findByText('Mappings saved.')).toBeInTheDocument();
    await user.selectOptions(policy, 'fit');
    await user.click(screen.getByRole('button', { name: 'Save mappings' }));

    const saved = calls
      .filter((call) => call.method === 'POST')
      .map((call) => (call.data as { length_policy: string }).length_policy);
    expect(saved).toEqual(['truncate', 'fit']);
  });
});
