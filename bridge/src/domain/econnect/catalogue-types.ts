/** Shapes of the generated eConnect catalogue (see scripts/generate-econnect-catalogue.py). */
export interface CatalogueElement {
  readonly name: string;
  /** XSD simple type: string, decimal, short, int, … (dates are strings in this schema). */
  readonly type: string;
  readonly required: boolean;
  readonly default: string | null;
}

export interface CatalogueSlot {
  /** Node (= stored procedure) name, e.g. `taSopLineIvcInsert`. */
  readonly node: string;
  /** The `_Items` container element the node sits in, or null for a direct child. */
  readonly container: string | null;
  readonly required: boolean;
}

export interface CatalogueData {
  readonly transactions: Readonly<
    Record<string, { readonly rootPosition: number; readonly slots: readonly CatalogueSlot[] }>
  >;
  readonly nodes: Readonly<Record<string, readonly CatalogueElement[]>>;
}
