const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2015-07" as people read it: "juli 2015". */
export function monthYear(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** "2026-03-02T14:05" as people read it: "2 maart 2026, 14:05"; with `time` false the date alone. */
export function dateTimeText(iso: string, time = true): string {
  const [date, clock] = iso.split('T');
  const [year, month, day] = date.split('-');
  const text = `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
  return time && clock ? `${text}, ${clock.slice(0, 5)}` : text;
}
