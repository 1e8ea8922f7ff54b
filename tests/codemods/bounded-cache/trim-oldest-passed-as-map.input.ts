// Passed where a Map is declared: it stays a Map and drops its oldest entry past the cap.
const prices = new Map<string, number>();

function total(table: Map<string, number>): number {
  let sum = 0;
  for (const price of table.values()) sum += price;
  return sum;
}

export function quote(sku: string, price: number): number {
  prices.set(sku, price);
  return total(prices);
}
