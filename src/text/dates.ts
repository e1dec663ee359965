const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2015-07" as people read it: "juli 2015". */
export function monthYear(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}
