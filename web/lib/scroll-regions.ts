/**
 * A table wider than a phone scrolls inside its own box; keyboard users must be able to reach that box to scroll
 * it (WCAG 2.1.1). antd renders the box without a tab stop, so every table scroll box that appears gets one.
 */
export function makeScrollRegionsFocusable(root: HTMLElement): void {
  const mark = () => {
    for (const element of root.querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])'))
      element.tabIndex = 0;
  };
  new MutationObserver(mark).observe(root, { childList: true, subtree: true });
  mark();
}
