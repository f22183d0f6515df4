/**
 * The icons a manager may give a catalog service: line drawings on a 24×24 grid, as SVG path
 * data (strings, no JSX), so the kiosk, the tablet's picker and the wall draw the same shape
 * without an icon library. Stroke, no fill; `currentColor`.
 */
export const SERVICE_ICON_PATHS = {
  taxi: ['M5 17h14v-5l-2-5H7l-2 5z', 'M5 12h14', 'M10 7V5h4v2', 'M7 17v2M17 17v2', 'M8 14.5h.01M16 14.5h.01'],
  umbrella: ['M3 12a9 9 0 0 1 18 0z', 'M12 12v7a2 2 0 0 1-4 0', 'M12 3v0'],
  alarm: ['M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M12 9v4l2 2', 'M5 3 2 6M19 3l3 3'],
  towel: ['M6 3h12v18H6z', 'M6 8h12', 'M9 13h6M9 16h6'],
  printer: ['M6 9V3h12v6', 'M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2', 'M6 14h12v7H6z'],
  concierge: ['M3 18h18', 'M5 18a7 7 0 0 1 14 0', 'M12 8V6', 'M10 6h4'],
  car: ['M3 16V11l2-5h14l2 5v5z', 'M3 11h18', 'M6 16v2M18 16v2', 'M7 13.5h.01M17 13.5h.01'],
  food: ['M7 3v8a2 2 0 0 0 4 0V3', 'M9 3v18', 'M17 3c-2 1-3 4-3 7h3v11'],
  coffee: ['M4 8h13v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z', 'M17 10h1a3 3 0 0 1 0 6h-1', 'M8 2v3M12 2v3'],
  wifi: ['M2 9a15 15 0 0 1 20 0', 'M5 12.5a10 10 0 0 1 14 0', 'M8.5 16a5 5 0 0 1 7 0', 'M12 19.5h.01'],
  iron: ['M3 17h16V13a5 5 0 0 0-5-5H7', 'M7 8 5 5h8', 'M3 17l2-6h14'],
  baby: ['M12 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M6 21v-2a6 6 0 0 1 12 0v2', 'M10.5 7h.01M13.5 7h.01'],
  medical: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 8v8M8 12h8'],
  key: ['M8 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M11 11h10M18 11v3M21 11v3'],
  map: ['M9 4 3 6v14l6-2 6 2 6-2V4l-6 2z', 'M9 4v14M15 6v14'],
  bag: ['M5 8h14l-1 13H6z', 'M9 8V6a3 3 0 0 1 6 0v2'],
  bed: ['M3 18V6', 'M3 14h18v4', 'M21 14v-3a3 3 0 0 0-3-3h-7v6', 'M7 11h.01'],
  question: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3', 'M12 17h.01'],
} as const satisfies Record<string, readonly string[]>;

export type ServiceIconName = keyof typeof SERVICE_ICON_PATHS;
export const SERVICE_ICON_NAMES = Object.keys(SERVICE_ICON_PATHS) as [ServiceIconName, ...ServiceIconName[]];
