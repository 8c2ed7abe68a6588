/**
 * The demo company the sandbox starts with: the SKUs of the WooCommerce fixture store
 * (fixtures/woocommerce-9.4/store/products.json, upper-cased as GP stores item numbers; the 35-character
 * bracket SKU is left out on purpose, GP cannot hold it), some more items, stock in two sites and a few
 * customers, one of them with the fixture customer Alice's e-mail so "customer found by e-mail" shows.
 */
export interface SeedItem {
  readonly number: string;
  readonly description: string;
  readonly listPrice: string;
  /** ITEMTYPE: 1 sales inventory, 5 services (no stock). */
  readonly type: 1 | 5;
  /** On hand per site. */
  readonly stock: Readonly<Record<string, string>>;
}

export const SANDBOX_SITES = ['MAIN', 'WEST'] as const;

const fixtureItems: SeedItem[] = [
  {
    number: 'WCGP-MUG-001',
    description: 'Ceramic Coffee Mug 350 ml',
    listPrice: '19.99',
    type: 1,
    stock: { MAIN: '120', WEST: '35' },
  },
  {
    number: 'WCGP-PEN-002',
    description: 'Gel Pen Set (4 colours)',
    listPrice: '4.35',
    type: 1,
    stock: { MAIN: '400', WEST: '80' },
  },
  {
    number: 'WCGP-STK-003',
    description: 'Vinyl Sticker',
    listPrice: '0.99',
    type: 1,
    stock: { MAIN: '1000', WEST: '250' },
  },
  {
    number: 'WCGP-BOOK-004',
    description: 'Paperback Cookbook: Weeknight Suppers',
    listPrice: '12.49',
    type: 1,
    stock: { MAIN: '60', WEST: '12' },
  },
  { number: 'WCGP-DON-005', description: 'Tree Planting Donation', listPrice: '5.00', type: 5, stock: {} },
  {
    number: 'WCGP-TEE-S',
    description: 'Organic Cotton T-Shirt - Small',
    listPrice: '18.00',
    type: 1,
    stock: { MAIN: '40', WEST: '10' },
  },
  {
    number: 'WCGP-TEE-M',
    description: 'Organic Cotton T-Shirt - Medium',
    listPrice: '18.00',
    type: 1,
    stock: { MAIN: '55', WEST: '14' },
  },
  {
    number: 'WCGP-TEE-L',
    description: 'Organic Cotton T-Shirt - Large',
    listPrice: '18.00',
    type: 1,
    stock: { MAIN: '30', WEST: '8' },
  },
  {
    number: 'WCGP-TOTE-007',
    description: 'Canvas Tote Bag',
    listPrice: '24.95',
    type: 1,
    stock: { MAIN: '75', WEST: '20' },
  },
  {
    number: 'WCGP-CAFE-XL',
    description: 'Cafe Creme - Grosse XL',
    listPrice: '8.75',
    type: 1,
    stock: { MAIN: '90', WEST: '0' },
  },
  {
    number: 'WCGP-MATCHA-JP',
    description: 'Matcha Latte Sticks (10)',
    listPrice: '6.40',
    type: 1,
    stock: { MAIN: '48', WEST: '6' },
  },
  {
    number: 'WCGP-GRINDER-012',
    description: 'Burr Coffee Grinder',
    listPrice: '89.90',
    type: 1,
    stock: { MAIN: '15', WEST: '3' },
  },
];

const extraItems: SeedItem[] = [
  ['DEMO-KETTLE-01', 'Gooseneck Kettle 1 l', '54.00'],
  ['DEMO-FILTER-02', 'Paper Filters (100)', '6.50'],
  ['DEMO-BEANS-03', 'House Espresso Beans 1 kg', '24.00'],
  ['DEMO-BEANS-04', 'Decaf Beans 500 g', '13.50'],
  ['DEMO-SCALE-05', 'Brewing Scale with Timer', '39.00'],
  ['DEMO-CARAFE-06', 'Glass Carafe 600 ml', '21.00'],
  ['DEMO-TAMPER-07', 'Espresso Tamper 58 mm', '29.00'],
  ['DEMO-CLOTH-08', 'Microfibre Cloths (3)', '7.90'],
  ['DEMO-NOTE-09', 'Dotted Notebook A5', '11.00'],
  ['DEMO-PENCIL-10', 'Graphite Pencils (12)', '5.40'],
  ['DEMO-APRON-11', 'Barista Apron', '32.00'],
  ['DEMO-TIN-12', 'Airtight Coffee Tin', '17.50'],
  ['DEMO-SPOON-13', 'Measuring Spoon', '3.20'],
  ['DEMO-BRUSH-14', 'Grinder Brush', '4.80'],
  ['DEMO-POSTER-15', 'Coffee Origins Poster', '15.00'],
  ['DEMO-GIFT-16', 'Gift Box', '2.50'],
].map(([number, description, listPrice], i): SeedItem => ({
  number: number ?? '',
  description: description ?? '',
  listPrice: listPrice ?? '0',
  type: 1,
  stock: { MAIN: String(20 + i * 7), WEST: String(i % 4 === 0 ? 0 : 5 + i) },
}));

export const SEED_ITEMS: readonly SeedItem[] = [...fixtureItems, ...extraItems];

export interface SeedCustomer {
  readonly number: string;
  readonly name: string;
  readonly email: string;
  readonly address1: string;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly country: string;
}

export const SEED_CUSTOMERS: readonly SeedCustomer[] = [
  {
    number: 'GARDNER0001',
    name: 'Gardner Design Studio',
    email: 'alice.gardner@example.com',
    address1: '12 Market Street',
    city: 'San Francisco',
    state: 'CA',
    zip: '94103',
    country: 'US',
  },
  {
    number: 'AARONFIT0001',
    name: 'Aaron Fitz Electrical',
    email: 'orders@aaronfitz.example',
    address1: 'One Microsoft Way',
    city: 'Redmond',
    state: 'WA',
    zip: '98052',
    country: 'US',
  },
  {
    number: 'CONTOSO0001',
    name: 'Contoso, Ltd.',
    email: 'purchasing@contoso.example',
    address1: '500 5th Avenue',
    city: 'New York',
    state: 'NY',
    zip: '10110',
    country: 'US',
  },
  {
    number: 'FABRIKAM0001',
    name: 'Fabrikam Residences',
    email: 'ap@fabrikam.example',
    address1: '44 Harbour Road',
    city: 'Oakland',
    state: 'CA',
    zip: '94607',
    country: 'US',
  },
];
