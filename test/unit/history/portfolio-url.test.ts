import { describe, expect, it } from 'vitest';
import { emptyPortfolioFilters, paramsFromPortfolio, portfolioFromParams } from '../../../renderer/features/history/portfolio-url';

describe('portfolio filters in the URL', () => {
  it('round-trips every filter, and leaves defaults out of the URL', () => {
    const values = {
      text: 'Müller & Söhne',
      engineer: 'Ada Moss',
      ownership: 'partner' as const,
      levels: ['laggard' as const, 'chaser' as const],
      proposals: ['none' as const, 'sent' as const],
      openCriticalOnly: true,
      sort: 'proposalValue' as const,
      direction: 'asc' as const,
      page: 3,
    };
    expect(portfolioFromParams(paramsFromPortfolio(values))).toEqual(values);
    expect(paramsFromPortfolio(emptyPortfolioFilters).toString()).toBe('');
    // A name column sorts A to Z by default, so its default direction is not written either.
    expect(paramsFromPortfolio({ ...emptyPortfolioFilters, sort: 'customer', direction: 'asc' }).toString()).toBe('sort=customer');
  });

  it('drops malformed or hostile values instead of trusting them', () => {
    const parsed = portfolioFromParams(
      new URLSearchParams('sort=__proto__&dir=sideways&levels=laggard,evil,laggard&proposals=none,1;DROP&cases=everyone&page=-4&critical=yes'),
    );
    expect(parsed).toEqual({ ...emptyPortfolioFilters, levels: ['laggard'], proposals: ['none'] });
    expect(portfolioFromParams(new URLSearchParams(`q=${'x'.repeat(9_000)}`)).text).toHaveLength(500);
    expect(portfolioFromParams(new URLSearchParams('page=1e9')).page).toBe(0);
  });
});
