import { useState } from 'react';
import { ErrorState, QueryView } from '../../components/query-state';
import type { PriceBookItem } from '../../../shared/reports/price-book';
import { quantityRules, type QuantityRule } from '../../../shared/reports/report-source';
import type { AppLocale } from '../../../shared/i18n/locales';
import type { UiMessageId } from '../../../shared/i18n/ui-messages-en';
import { useText } from '../../i18n/app-intl';
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

const ruleIds: Record<QuantityRule, UiMessageId> = {
  per_user: 'priceBook.rule.per_user',
  per_device: 'priceBook.rule.per_device',
  per_site: 'priceBook.rule.per_site',
  fixed: 'priceBook.rule.fixed',
};

/** A new item, its unit ("each") in the app's language. */
const useBlank = (): Draft => {
  const { t } = useText();
  return { sku: '', description: '', unit: t('priceBook.unitEach'), price: '', currency: 'EUR', recurring: false, quantityRule: 'fixed' };
};

/** French writes a price with a decimal comma ("12,50"), English with a point ("12.50"). */
const decimalComma = (locale: AppLocale) => locale === 'fr-CA';

const toDraft = (i: PriceBookItem, locale: AppLocale): Draft => {
  const price = (i.unitPriceMinor / 100).toFixed(2);
  return { id: i.id, sku: i.sku, description: i.description, unit: i.unit, price: decimalComma(locale) ? price.replace('.', ',') : price, currency: i.currency, recurring: i.recurring, quantityRule: i.quantityRule };
};

/**
 * "1,299.50" or "1299.5" → 129950 cents (in French "1 299,50" or "1299,5"; a point is read as a
 * decimal point there too); null when it is not a price.
 */
const toMinor = (text: string, locale: AppLocale): number | null => {
  const spaced = text.replace(/[\s\u00a0\u202f]/g, '');
  const t = decimalComma(locale) ? spaced.replace(',', '.') : spaced.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole = '0', fraction = ''] = t.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

const ItemForm = ({ initial, onDone }: { initial: Draft; onDone: () => void }) => {
  const [d, setD] = useState(initial);
  const save = useSavePriceBookItem();
  const { t, locale } = useText();
  const minor = toMinor(d.price, locale);
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
        {t('priceBook.sku')}
        <input className="input" value={d.sku} onChange={(e) => setD({ ...d, sku: e.target.value })} required />
      </label>
      <label className="field">
        {t('priceBook.description')}
        <input className="input" value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} required />
      </label>
      <label className="field">
        {t('priceBook.unit')}
        <input className="input" value={d.unit} onChange={(e) => setD({ ...d, unit: e.target.value })} />
      </label>
      <label className="field">
        {t('priceBook.unitPrice')}
        <input className={minor === null && d.price ? 'input input-invalid' : 'input'} value={d.price} inputMode="decimal" onChange={(e) => setD({ ...d, price: e.target.value })} required />
      </label>
      <label className="field">
        {t('priceBook.currency')}
        <input className="input" value={d.currency} maxLength={3} onChange={(e) => setD({ ...d, currency: e.target.value.toUpperCase() })} />
      </label>
      <label className="field">
        {t('priceBook.quantity')}
        <select className="input" value={d.quantityRule} onChange={(e) => setD({ ...d, quantityRule: e.target.value as QuantityRule })}>
          {quantityRules.map((r) => (
            <option key={r} value={r}>
              {t(ruleIds[r])}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={d.recurring} onChange={(e) => setD({ ...d, recurring: e.target.checked })} /> {t('priceBook.monthly')}
      </label>
      <span className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending || minor === null}>
          {t('priceBook.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </span>
      {save.error ? <ErrorState error={save.error} /> : null}
    </form>
  );
};

/** SKUs the question bank proposes that have no price yet: a proposal leaves them out until priced. */
const UnpricedSkus = ({ onAdd }: { onAdd: (draft: Draft) => void }) => {
  const skus = useBankSkus();
  const { t, rich } = useText();
  const blank = useBlank();
  const missing = (skus.data ?? []).filter((s) => !s.priced);
  if (missing.length === 0) return null;
  return (
    <details className="price-book-missing">
      <summary>
        {t('priceBook.missing', { count: missing.length })}
      </summary>
      <ul>
        {missing.map((s) => (
          <li key={s.sku}>
            <code>{s.sku}</code> <span className="muted">{rich('priceBook.missingFor', { rule: s.quantityRule, question: <span data-bank-text="">{s.usedBy[0]}</span> })}</span>{' '}
            <button type="button" className="button button-quiet" onClick={() => onAdd({ ...blank, sku: s.sku, description: s.usedBy[0] ?? '', quantityRule: s.quantityRule })}>
              {t('priceBook.priceIt')}
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
  const { t, fmt, locale } = useText();
  const blank = useBlank();
  const [newDraft, setNewDraft] = useState<Draft>(blank);
  return (
    <section className="card price-book" aria-labelledby="price-book-title">
      <h2 id="price-book-title">{t('priceBook.title')}</h2>
      <QueryView query={items}>
        {(list) => (
          <>
            {list.length > 0 ? (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('priceBook.sku')}</th>
                    <th>{t('priceBook.description')}</th>
                    <th>{t('priceBook.quantity')}</th>
                    <th className="num">{t('priceBook.unitPrice')}</th>
                    <th>{t('priceBook.col.billing')}</th>
                    <th>
                      <span className="visually-hidden">{t('reports.col.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((i) =>
                    editing === i.id ? (
                      <tr key={i.id}>
                        <td colSpan={6}>
                          <ItemForm initial={toDraft(i, locale)} onDone={() => setEditing(null)} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={i.id}>
                        <td className="cell-clip">
                          <code>{i.sku}</code>
                        </td>
                        <td className="cell-clip">{i.description}</td>
                        <td>
                          {t('priceBook.ruleWithUnit', { rule: t(ruleIds[i.quantityRule]), unit: i.unit })}
                        </td>
                        <td className="num">{fmt.money(i.unitPriceMinor, i.currency)}</td>
                        <td>{t(i.recurring ? 'priceBook.billing.monthly' : 'priceBook.billing.oneTime')}</td>
                        <td>
                          <button type="button" className="button button-quiet" onClick={() => setEditing(i.id)}>
                            {t('priceBook.edit')}
                          </button>
                          <button type="button" className="button button-quiet" disabled={remove.isPending} onClick={() => remove.mutate(i.id)}>
                            {t('priceBook.delete')}
                          </button>
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            ) : (
              <p className="muted">{t('priceBook.empty')}</p>
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
                {t('priceBook.add')}
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
