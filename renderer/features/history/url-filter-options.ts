/**
 * How a filter change is written to the URL. The filters keep their state in the search params,
 * so a checkbox shows what the URL says. Without `flushSync`, React Router applies the new URL in a
 * transition: a click lands, the browser ticks the box, and React puts the old value back until the
 * transition commits, so a quick second look (or a second click) sees the box unticked. Committing
 * synchronously keeps the control and the URL in step. `replace` keeps filter tweaks out of Back.
 * `flushSync` needs the DOM RouterProvider (imported from 'react-router/dom' in app.tsx).
 */
export const filterNavigation = { replace: true, flushSync: true } as const;
