import { useEffect, useRef, useState, type ReactNode } from 'react';

interface VirtualListProps<T> {
  readonly total: number;
  readonly rowHeight: number;
  readonly height: number;
  readonly label: string;
  /** The row at an index, or undefined while its page loads. */
  readonly rowAt: (index: number) => T | undefined;
  readonly renderRow: (row: T | undefined, index: number) => ReactNode;
  /** Told which rows are on screen, so the caller can load their pages. */
  readonly onRangeChange: (first: number, last: number) => void;
}

const overscan = 8;

/**
 * Renders only the rows in view (plus a few) inside a scroller as tall as the whole list, so ten
 * thousand cases scroll like ten.
 */
export const VirtualList = <T,>({ total, rowHeight, height, label, rowAt, renderRow, onRangeChange }: VirtualListProps<T>) => {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    if (total > 0) onRangeChange(first, last);
  }, [first, last, total, onRangeChange]);

  // A new query starts at the top: the scroll state follows the new total during render, the DOM after it.
  const [totalSeen, setTotalSeen] = useState(total);
  if (totalSeen !== total) {
    setTotalSeen(total);
    setScrollTop(0);
  }
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [total]);

  const items: ReactNode[] = [];
  for (let index = first; index <= last; index += 1) {
    items.push(
      <li
        key={index}
        className="virtual-row"
        aria-setsize={total}
        aria-posinset={index + 1}
        style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(rowAt(index), index)}
      </li>,
    );
  }
  return (
    <div
      ref={scroller}
      className="virtual-scroller"
      style={{ height }}
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul className="virtual-body" style={{ height: total * rowHeight }}>
        {items}
      </ul>
    </div>
  );
};
