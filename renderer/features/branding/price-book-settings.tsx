import { useState } from 'react';
import { ErrorState, QueryView } from '../../components/query-state';
import { formatMoney } from '../../../shared/reports/format';
import type { PriceBookItem } from '../../../shared/reports/price-book';
import { quantityRuleLabels, quantityRules, type QuantityRule } from '../../../shared/reports/report-source';
import { useBankSkus, useDeletePriceBookItem, usePriceBook, useSavePriceBookItem } from './use-branding';
import './branding.css';

interface Draft {
  id?: string;
  sku: string;
  description: string;
  unit: string;
  price: string;
  currency: string;
  recurring: boolean;
  quantityRule: QuantityRule;
}

const blank: Draft = { sku: '', description: '', unit: 'each', price: '', currency: 'EUR', recurring: false, quantityRule: 'fixed' };

const toDraft = (i: PriceBookItem): Draft => ({ id: i.id, sku: i.sku, description: i.description, unit: i.unit, price: (i.unitPriceMinor / 100).toFixed(2), currency: i.currency, recurring: i.recurring, quantityRule: i.quantityRule });

/** "1,299.50" or "1299.5" → 129950 cents; null when it is not a price. */
const toMinor = (text: string): number | null => {
  const t = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole = '0', fraction = ''] = t.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

const ItemForm = ({ initial, onDone }: { initial: Draft; onDone: () => void }) => {
  const [d, setD] = useState(initial);
  const save = useSavePriceBookItem();
  const minor = toMinor(d.price);
  return (
    <form
      className="price-book-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (minor === null) return;
        save.mutate(
          { id: d.id, sku: d.sku, description: d.description, unit: d.unit, unitPriceMinor: minor, currency: d.currency, recurring: d.recurring, quantityRule: d.quantityRule },
          { onSuccess: onDone },
        );
      }}
    >
      <label className="field">
        SKU
        <input className="input" value={d.sku} onChange={(e) => setD({ ...d, sku: e.target.value })} required />
      </label>
      <label className="field">
        Description
        <input className="input" value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} required />
      </label>
      <label className="field">
        Unit
        <input className="input" value={d.unit} onChange={(e) => setD({ ...d, unit: e.target.value })} />
      </label>
      <label className="field">
        Unit price
        <input className={minor === null && d.price ? 'input input-invalid' : 'input'} value={d.price} inputMode="decimal" onChange={(e) => setD({ ...d, price: e.target.value })} required />
      </label>
      <label className="field">
        Currency
        <input className="input" value={d.currency} maxLength={3} onChange={(e) => setD({ ...d, currency: e.target.value.toUpperCase() })} />
      </label>
      <label className="field">
        Quantity
        <select className="input" value={d.quantityRule} onChange={(e) => setD({ ...d, quantityRule: e.target.value as QuantityRule })}>
          {quantityRules.map((r) => (
            <option key={r} value={r}>
              {quantityRuleLabels[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={d.recurring} onChange={(e) => setD({ ...d, recurring: e.target.checked })} /> Monthly
      </label>
      <span className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending || minor === null}>
          Save
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </span>
      {save.error ? <ErrorState error={save.error} /> : null}
    </form>
  );
};

/** SKUs the question bank proposes that have no price yet: a proposal leaves them out until priced. */
const UnpricedSkus = ({ onAdd }: { onAdd: (draft: Draft) => void }) => {
  const skus = useBankSkus();
  const missing = (skus.data ?? []).filter((s) => !s.priced);
  if (missing.length === 0) return null;
  return (
    <details className="price-book-missing">
      <summary>
        {missing.length} SKU{missing.length === 1 ? '' : 's'} the question bank proposes {missing.length === 1 ? 'has' : 'have'} no price yet
      </summary>
      <ul>
        {missing.map((s) => (
          <li key={s.sku}>
            <code>{s.sku}</code> <span className="muted">({quantityRuleLabels[s.quantityRule].toLowerCase()}; for “{s.usedBy[0]}”)</span>{' '}
            <button type="button" className="button button-quiet" onClick={() => onAdd({ ...blank, sku: s.sku, description: s.usedBy[0] ?? '', quantityRule: s.quantityRule })}>
              Price it
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
};

/** Settings → Price book: the SKUs proposals are priced from. */
export const PriceBookSettings = () => {
  const items = usePriceBook();
  const remove = useDeletePriceBookItem();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [newDraft, setNewDraft] = useState<Draft>(blank);
  return (
    <section className="card price-book" aria-labelledby="price-book-title">
      <h2 id="price-book-title">Price book</h2>
      <QueryView query={items}>
        {(list) => (
          <>
            {list.length > 0 ? (
              <table className="table">
                <thead>
                  <tr>
                    <th>SKU</th>
                    <th>Description</th>
                    <th>Quantity</th>
                    <th className="num">Unit price</th>
                    <th>Billing</th>
                    <th>
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((i) =>
                    editing === i.id ? (
                      <tr key={i.id}>
                        <td colSpan={6}>
                          <ItemForm initial={toDraft(i)} onDone={() => setEditing(null)} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={i.id}>
                        <td className="cell-clip">
                          <code>{i.sku}</code>
                        </td>
                        <td className="cell-clip">{i.description}</td>
                        <td>
                          {quantityRuleLabels[i.quantityRule]} ({i.unit})
                        </td>
                        <td className="num">{formatMoney(i.unitPriceMinor, i.currency)}</td>
                        <td>{i.recurring ? 'Monthly' : 'One-time'}</td>
                        <td>
                          <button type="button" className="button button-quiet" onClick={() => setEditing(i.id)}>
                            Edit
                          </button>
                          <button type="button" className="button button-quiet" disabled={remove.isPending} onClick={() => remove.mutate(i.id)}>
                            Delete
                          </button>
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            ) : (
              <p className="muted">No items yet. Proposals price the SKUs that findings and recommendations refer to.</p>
            )}
            {editing === 'new' ? (
              <ItemForm key={newDraft.sku} initial={newDraft} onDone={() => setEditing(null)} />
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setNewDraft(blank);
                  setEditing('new');
                }}
              >
                Add item
              </button>
            )}
            <UnpricedSkus
              onAdd={(draft) => {
                setNewDraft(draft);
                setEditing('new');
              }}
            />
            {remove.error ? <ErrorState error={remove.error} /> : null}
          </>
        )}
      </QueryView>
    </section>
  );
};
