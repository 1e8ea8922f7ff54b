/* leakguard-todo(bounded-cache): it is passed on (`total(prices)`) where a plain Map may be required */
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
