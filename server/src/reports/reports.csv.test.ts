import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvRow, toCsv } from './reports.csv.ts';
import { ticketCells, ticketHeader } from './tickets.export.ts';
import type { TicketLine } from './tickets.repo.ts';

/** What a spreadsheet would read back: RFC 4180 records from CSV text (after the BOM). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV writer', () => {
  it('starts the file with a UTF-8 BOM and ends every record with CRLF', () => {
    const text = toCsv([
      ['a', 1],
      ['b', null],
    ]);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text).toBe(`${CSV_BOM}a,1\r\nb,\r\n`);
  });

  it('quotes per RFC 4180: commas, quotes and line breaks survive a round trip', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'];
    expect(csvRow(cells)).toBe('plain,"a,b","say ""hi""","two\nlines","cr\r\nlf"\r\n');
    expect(parseCsv(csvRow(cells))).toEqual([cells]);
  });

  it('defuses spreadsheet formulas: a text cell starting with = + - @ tab or CR gets a leading quote', () => {
    for (const bad of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tcmd', '\r=1']) expect(csvCell(bad).replace(/^"/, '').startsWith(`'${bad[0]}`)).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b'); // only at the start
    expect(csvCell(-2)).toBe('-2'); // a number stays a number
    expect(csvCell(2.5)).toBe('2.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('keeps Chinese text as UTF-8, unquoted unless it needs to be', () => {
    const text = toCsv([['业务咨询', '李娜，前台', '备注,含逗号']]);
    expect(text).toBe(`${CSV_BOM}业务咨询,李娜，前台,"备注,含逗号"\r\n`);
    expect(Buffer.from(text, 'utf8').subarray(3).toString('utf8')).toContain('业务咨询');
  });
});

describe('per-ticket rows', () => {
  const line: TicketLine = {
    id: '0190c3a0-0000-7000-8000-000000000001',
    ticket: 'A012',
    kind: 'luggage_out',
    status: 'no_show',
    desk: '@desk',
    agent: '王芳',
    taken: '2025-03-10 09:00:00',
    called: '2025-03-10 09:04:00',
    served: null,
    wait_s: 240,
    service_s: null,
    quoted_low_s: 120,
    quoted_high_s: 360,
    rating: null,
    service_names: null,
    cursor_at: '2025-03-10T01:00:00.000000Z',
  };

  it('names the columns, the kind and the status in the staff’s language; minutes to one decimal', () => {
    expect(ticketHeader('zh')[0]).toBe('票号');
    expect(ticketCells(line, 'zh')).toEqual(['A012', '2025-03-10 09:00:00', '2025-03-10 09:04:00', null, '行李提取', '过号', '@desk', '王芳', 4, null, 2, 6, null, null]);
    expect(ticketCells({ ...line, wait_s: 100 }, 'en').slice(4, 9)).toEqual(['Luggage pick-up', 'No-show', '@desk', '王芳', 1.7]);
    expect(csvRow(ticketCells(line, 'en'))).toBe("A012,2025-03-10 09:00:00,2025-03-10 09:04:00,,Luggage pick-up,No-show,'@desk,王芳,4,,2,6,,\r\n");
  });

  it('names a catalog service in the staff’s language, defusing a name that looks like a formula', () => {
    const taxi = { ...line, kind: 'service', service_names: { en: '=Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' } };
    expect(ticketCells(taxi, 'zh').slice(4, 5)).toEqual(['酒店服务']);
    expect(ticketCells(taxi, 'zh').at(-1)).toBe('出租车');
    expect(csvRow(ticketCells(taxi, 'en')).endsWith(",'=Taxi\r\n")).toBe(true);
    expect(ticketCells({ ...taxi, service_names: JSON.stringify(taxi.service_names) }, 'en').at(-1)).toBe('=Taxi');
    expect(ticketCells({ ...taxi, service_names: { en: 'half' } }, 'en').at(-1)).toBeNull();
  });
});
